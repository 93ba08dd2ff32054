import { createHash } from "node:crypto";
import type { Db } from "~/infra/db.server";
import { breakCollector, type RecordBreak } from "~/modules/audit/verify-words";
import { currentContentHash } from "./record.server";
import { ACCEPTANCE_FIELDS } from "./session.server";

type Event = { action: string; entityId: string; payload: string };

const STATUS_AFTER: Record<string, string> = {
  "acceptance.open": "open",
  "acceptance.pass": "passed",
  "acceptance.fail": "failed",
  "acceptance.void": "void",
};

/**
 * Replays final acceptances against the chain: status as the events left it, each signature's
 * image and bound hash as its event recorded, and for a passed acceptance the content hash
 * recomputed from the compound's record as it stands now. Breaks carry catalogue codes
 * (acceptance:verify.*) that the reader's translator words.
 */
export async function verifyAcceptances(db: Db, events: Event[]) {
  const breaks: RecordBreak[] = [];
  const breakOf = breakCollector(breaks, "FinalAcceptance");
  let signed = 0;
  const rows = await db.finalAcceptance.findMany({
    select: {
      ...ACCEPTANCE_FIELDS,
      compound: { select: { name: true } },
      participants: {
        select: {
          seq: true,
          party: true,
          organizationId: true,
          userId: true,
          signature: { select: { imagePng: true, imageSha256: true, contentHash: true } },
        },
      },
    },
  });
  for (const a of rows) {
    const fail = breakOf(a.id, {
      code: "acceptance:verify.label",
      params: { compound: a.compound.name },
    });
    const history = events
      .filter((e) => e.entityId === a.id && e.action.startsWith("acceptance."))
      .map((e) => ({
        action: e.action,
        payload: JSON.parse(e.payload) as Record<string, unknown>,
      }));
    const opened = history.find((h) => h.action === "acceptance.open");
    if (!opened) {
      fail("acceptance:verify.noOpenEvent");
      continue;
    }
    if (opened.payload.contentHash !== a.contentHash) fail("acceptance:verify.hashAtOpen");
    const last = history.filter((h) => STATUS_AFTER[h.action]).at(-1);
    if (last && STATUS_AFTER[last.action] !== a.status)
      fail("acceptance:verify.statusMismatch", {
        status: a.status,
        last: STATUS_AFTER[last.action] ?? "",
      });
    const signs = history.filter((h) => h.action === "acceptance.sign");
    for (const p of a.participants) {
      if (!p.signature) continue;
      const event = signs.find((h) => h.payload.participantSeq === p.seq);
      const sha = createHash("sha256").update(p.signature.imagePng).digest("hex");
      if (!event) fail("acceptance:verify.signatureNoEvent", { seq: p.seq });
      else if (event.payload.imageSha256 !== sha || sha !== p.signature.imageSha256)
        fail("acceptance:verify.signatureImage", { seq: p.seq });
      if (p.signature.contentHash !== a.contentHash)
        fail("acceptance:verify.signatureContent", { seq: p.seq });
    }
    if (a.status === "passed" || a.status === "failed") signed += 1;
    // Only a passed acceptance seals the compound; after 不合格 the work (rightly) goes on, and
    // its signatures are checked against the hash recorded when it was opened, above.
    if (a.status === "passed" && (await currentContentHash(db, a)) !== a.contentHash)
      fail("acceptance:verify.changedAfterPass");
  }
  return { breaks, signed };
}
