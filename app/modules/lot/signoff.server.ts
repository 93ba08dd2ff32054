/** What a lot's signatures bind: the content hash over items, photos, drawings and sign-offs. */
import { createHash } from "node:crypto";
import type { Db } from "~/infra/db.server";
import { canonicalJson } from "~/modules/audit/canonical";
import { boundRoute, routeEvidence } from "./acceptance-route";
import type { LotDetail, LotRow } from "./lot-query.server";
import { normalizedPoint } from "./record.server";

/** SHA-256 of the canonical JSON of an empty markup layer ("[]"). */
const EMPTY_ANNOTATION_SHA256 = createHash("sha256").update("[]").digest("hex");

/** The photos a signature covers: each original's SHA-256 with its item (and markup), in a stable order. */
function photoEvidence(photos: LotRow["photos"]) {
  const key = (p: { itemId: string | null; sha256: string }) => `${p.itemId ?? ""}:${p.sha256}`;
  return photos
    .map((p) => {
      // A photo's markup layer is signed with it; an unmarked (or cleared) photo hashes as before.
      const layer = p.annotations[0]?.sha256;
      return {
        itemId: p.itemId ?? null,
        sha256: p.sha256,
        ...(layer && layer !== EMPTY_ANNOTATION_SHA256 ? { annotation: layer } : {}),
      };
    })
    .sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** The drawing revisions (依据图纸) a signature covers, in a stable order. */
function drawingEvidence(refs: LotRow["drawingRefs"]) {
  return refs
    .map((r) => ({
      revisionId: r.revisionId,
      sheet: r.revision.sheet.number,
      revision: r.revision.revision,
      sourceSha256: r.revision.sourceSha256,
      imageSha256: r.revision.imageSha256,
    }))
    .sort((a, b) => (a.revisionId < b.revisionId ? -1 : a.revisionId > b.revisionId ? 1 : 0));
}

/** What a drawn signature binds of itself: who signed, the text they signed and the image's hash. */
export type SignoffContent = {
  signerId: string;
  conclusion: string;
  imageSha256: string;
  foreman?: string | null;
};

export const signoffOf = (s: LotRow["signatures"][number]): SignoffContent => ({
  signerId: s.signerId,
  conclusion: s.conclusion,
  imageSha256: s.imageSha256,
  foreman: s.foreman,
});

/** The newest signature of a kind (施工自检 selfcheck, 验收签认 accept), if any. */
export function latestSignature(lot: Pick<LotRow, "signatures">, kind: "selfcheck" | "accept") {
  return lot.signatures.find((s) => s.kind === kind) ?? null;
}

/** The signatures a lot's content hash binds now: the newest of each kind. */
export function currentSignoffs(lot: Pick<LotRow, "signatures">) {
  const selfCheck = latestSignature(lot, "selfcheck");
  const accept = latestSignature(lot, "accept");
  return {
    ...(selfCheck ? { selfCheck: signoffOf(selfCheck) } : {}),
    ...(accept ? { accept: signoffOf(accept) } : {}),
  };
}

/**
 * What a signature covers: the lot, its checklist version, every recorded value (corrections
 * included), photo and drawing, and the drawn signatures with their conclusion text.
 * `signoffs` defaults to the lot's newest signature of each kind.
 */
export function lotContentHash(
  detail: LotDetail,
  signoffs: { selfCheck?: SignoffContent; accept?: SignoffContent } = currentSignoffs(detail.lot),
): string {
  const { lot, verdict } = detail;
  // Lots without photos or drawings hash as before those existed, so earlier signatures still verify.
  const photos = lot.photos.length > 0 ? { photos: photoEvidence(lot.photos) } : {};
  const drawings = lot.drawingRefs.length > 0 ? { drawings: drawingEvidence(lot.drawingRefs) } : {};
  // Likewise lots signed before drawn lot signatures existed (decision 0016).
  const signed = Object.keys(signoffs).length > 0 ? { signoffs } : {};
  // A lot accepted by a §5.0.6 route binds it with its document's hash; others hash as before.
  const route = boundRoute(lot, lot.acceptanceRoutes);
  const accepted = route ? { acceptanceRoute: routeEvidence(route) } : {};
  const content = {
    ...accepted,
    ...photos,
    ...drawings,
    ...signed,
    number: lot.number,
    compound: lot.compound.code,
    workType: lot.workType.code,
    templateId: lot.template.id,
    templateVersion: lot.template.version,
    placeLabel: lot.placeLabel,
    capacity: lot.capacity,
    recordsComplete: lot.recordsComplete,
    entries: [...lot.entries]
      .sort((a, b) => a.itemId.localeCompare(b.itemId))
      .map((e) => ({
        itemId: e.itemId,
        result: e.result,
        note: e.note,
        designValue: e.designValue,
        // Points hash as before text/design existed unless they carry them (old signatures verify).
        points: e.points.map(normalizedPoint),
      })),
    verdict: verdict.status,
  };
  return createHash("sha256").update(canonicalJson(content)).digest("hex");
}

/**
 * Re-computes what an accepted lot's signature covers and compares it with what was signed.
 * `signed`: the signed hash when the caller already read the lot's events (lotHistory).
 */
export async function signatureStatus(db: Db, detail: LotDetail, signed?: string | null) {
  if (detail.lot.status !== "accepted") return null;
  if (signed === undefined) {
    const event = await db.auditEvent.findFirst({
      where: { entityType: "InspectionLot", entityId: detail.lot.id, action: "lot.accept" },
      orderBy: { seq: "desc" },
      select: { payload: true },
    });
    signed = event
      ? ((JSON.parse(event.payload) as { contentHash?: string }).contentHash ?? null)
      : null;
  }
  const current = lotContentHash(detail);
  return { signed, current, matches: signed === current };
}
