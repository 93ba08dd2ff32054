import { createHash } from "node:crypto";
import type { Prisma } from "~/generated/prisma/client";
import type { Db } from "~/infra/db.server";
import { isUniqueViolation } from "~/infra/db-errors";
import { queryRows } from "~/infra/sql.server";
import { compoundSealedMessage } from "~/modules/acceptance/acceptance.server";
import { canonicalJson } from "~/modules/audit/canonical";
import { recordEvent } from "~/modules/audit/record.server";
import type { Actor, Scope } from "~/modules/auth/permissions";
import { CHECKLIST_ITEM_SELECT, parseStringList } from "~/modules/checklist/queries.server";
import { lotWhereSql } from "./access.server";
import { commandAppliedTo, type OfflineCommand, recordCommand } from "./commands.server";
import {
  correctionRefusal,
  correctionsMade,
  livePoints,
  type PriorValue,
  parseWas,
} from "./corrections";
import type { EntryInput } from "./entry-types";
import { itemLabelZh } from "./labels";
import { readLotRecords, type SqlRows } from "./lot-read.server";
import { lotPlace } from "./place";
import { lotRulesForStandards } from "./rules.server";
import {
  computeLotVerdict,
  type ItemResult,
  type LotItemInput,
  type LotRules,
  type NumericSpec,
  PLACE_ATTRIBUTES,
  SAMPLE_QUANTITIES,
  specFromLegacyNumeric,
} from "./verdict";
import { parseJudgeSpec } from "./verdict-schema";
import { verdictTextZh } from "./verdict-text";
import { decideLotTransition, isLotState, LOT_STATE_LABELS_ZH, type LotAction } from "./workflow";
type Viewer = Actor & { id: string };

export class LotError extends Error {
  constructor(
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

export const LOT_SELECT = {
  id: true,
  number: true,
  status: true,
  placeKind: true,
  placeLabel: true,
  capacity: true,
  capacityUnit: true,
  quantities: true,
  attributes: true,
  plannedStart: true,
  plannedEnd: true,
  recordsComplete: true,
  selfCheckNote: true,
  lastReason: true,
  contractorOrgId: true,
  createdAt: true,
  updatedAt: true,
  submittedAt: true,
  acceptedAt: true,
  stairwellId: true,
  zoneId: true,
  buildingId: true,
  building: { select: { floors: true } },
  stairwell: { select: { floors: true, building: { select: { floors: true } } } },
  zone: {
    select: {
      surface: true,
      roadWidth: true,
      roadClass: true,
      pipeMaterial: true,
      pipeDiameter: true,
      structure: true,
    },
  },
  compound: {
    select: { id: true, name: true, code: true, project: { select: { id: true, name: true } } },
  },
  workType: { select: { code: true, nameZh: true, division: true, standards: true } },
  // Items come from templateItems(): a published version's items never change.
  template: { select: { id: true, version: true } },
  contractor: { select: { name: true } },
  createdBy: { select: { displayName: true } },
  submittedBy: { select: { displayName: true, title: true } },
  acceptedBy: { select: { displayName: true, title: true } },
  subItem: true,
  // Signatures of 施工自检 and 验收签认, newest first (their images are read where printed).
  signatures: {
    select: {
      id: true,
      kind: true,
      signerId: true,
      foreman: true,
      conclusion: true,
      imageSha256: true,
      contentHash: true,
      signedAt: true,
      signer: { select: { displayName: true, title: true } },
    },
    orderBy: { signedAt: "desc" },
  },
  entries: {
    select: {
      itemId: true,
      result: true,
      note: true,
      designValue: true,
      points: {
        select: {
          value: true,
          serious: true,
          text: true,
          design: true,
          was: true,
          removed: true,
        },
        orderBy: { seq: "asc" },
      },
    },
  },
  photos: {
    where: { role: "evidence" },
    select: {
      id: true,
      sha256: true,
      itemId: true,
      annotations: { select: { sha256: true }, orderBy: { version: "desc" }, take: 1 },
    },
    orderBy: { uploadedAt: "asc" },
  },
  drawingRefs: {
    select: {
      revisionId: true,
      acknowledgedAt: true,
      revision: {
        select: {
          revision: true,
          status: true,
          sourceSha256: true,
          imageSha256: true,
          sheet: { select: { number: true } },
        },
      },
    },
  },
} as const;

type TemplateItem = Prisma.ChecklistItemGetPayload<{ select: typeof CHECKLIST_ITEM_SELECT }>;
const itemsByTemplate = new Map<string, Promise<TemplateItem[]>>();

/**
 * A checklist version's items in order, cached in the process: a published version is immutable
 * (an edit publishes version n+1), so its items never change once read.
 */
export function templateItems(db: Reader, templateId: string): Promise<TemplateItem[]> {
  let items = itemsByTemplate.get(templateId);
  if (!items) {
    items = db.checklistItem.findMany({
      where: { templateId },
      select: CHECKLIST_ITEM_SELECT,
      orderBy: { seq: "asc" },
    });
    itemsByTemplate.set(templateId, items);
    items.catch(() => itemsByTemplate.delete(templateId));
  }
  return items;
}

async function withItems(db: Reader, lot: LotBase): Promise<LotRow> {
  return { ...lot, template: { ...lot.template, items: await templateItems(db, lot.template.id) } };
}

/** The database or an open transaction: reads inside a transaction see what it will commit. */
type Reader = Db | Prisma.TransactionClient;

/** Raw reads through the Prisma client (or the open transaction), for lot-read.server.ts. */
export function prismaRows(db: Reader): SqlRows {
  return (sql, params) => queryRows(db, sql, params);
}

/**
 * One lot with its verdict, if the viewer may see it: four SQL statements (lot-read.server.ts)
 * instead of one Prisma query per relation, and the checklist items from the process cache.
 */
export async function getLot(db: Reader, lotId: string, viewer: Actor, scope: Scope) {
  const [lot] = await readLotRecords(prismaRows(db), [lotId], lotWhereSql(viewer, scope));
  if (!lot) return null;
  return withVerdict(await withItems(db, lot));
}

/** Several lots at once with their verdicts, in id order (the verifier reads lots in batches). */
export async function getLots(db: Db, lotIds: string[], run: SqlRows = prismaRows(db)) {
  const rows = await readLotRecords(run, lotIds);
  return Promise.all(rows.map(async (row) => withVerdict(await withItems(db, row))));
}

type LotBase = Prisma.InspectionLotGetPayload<{ select: typeof LOT_SELECT }>;
export type LotRow = Omit<LotBase, "template"> & {
  template: LotBase["template"] & { items: TemplateItem[] };
};

export function numericOf(item: LotRow["template"]["items"][number]): NumericSpec | null {
  if (!item.numericUnit || !item.numericQuantity) return null;
  return {
    unit: item.numericUnit,
    min: item.numericMin,
    max: item.numericMax,
    quantity: item.numericQuantity,
    target: item.numericTarget,
    condition: item.numericCondition ?? undefined,
  };
}

/** The item's judge spec: its own, or for versions before issue 14 the one its numbers imply. */
export function judgeSpecOf(item: LotRow["template"]["items"][number]) {
  const own = parseJudgeSpec(item.judge);
  if (own) return own;
  const numeric = numericOf(item);
  return numeric ? specFromLegacyNumeric(numeric, item.source) : null;
}

/** The verdict engine's input for a lot: template items in order, numbered within their kind. */
export function verdictItems(lot: LotRow, _rules?: LotRules): LotItemInput[] {
  const entries = new Map(lot.entries.map((e) => [e.itemId, e]));
  const counters = { main: 0, general: 0 };
  return lot.template.items.map((item) => {
    const kind = item.kind === "main" ? "main" : "general";
    counters[kind] += 1;
    const entry = entries.get(item.id);
    return {
      itemId: item.id,
      kind,
      seq: counters[kind],
      labelZh: itemLabelZh(item.textZh),
      spec: judgeSpecOf(item),
      designValue: entry?.designValue ?? null,
      result: (entry?.result as ItemResult | null | undefined) ?? null,
      // Withdrawn points stay on record (struck through) but are not judged.
      points: livePoints(entry?.points ?? []),
    };
  });
}

export function withVerdict(lot: LotRow) {
  const standards = parseStringList(lot.workType.standards);
  const rules = lotRulesForStandards(standards);
  const items = verdictItems(lot, rules);
  const place = lotPlace(lot);
  const verdict = computeLotVerdict({
    rules,
    attributes: place.attributes,
    quantities: place.quantities,
    items,
    recordsComplete: lot.recordsComplete,
  });
  return { lot, standards, rules, items, verdict, place };
}

export type LotDetail = NonNullable<Awaited<ReturnType<typeof getLot>>>;

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

const signoffOf = (s: LotRow["signatures"][number]): SignoffContent => ({
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
  const content = {
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

async function requireLot(db: Db, lotId: string, viewer: Actor, scope: Scope) {
  const detail = await getLot(db, lotId, viewer, scope);
  if (!detail) throw new LotError("检验批不存在或您无权查看", 404);
  return detail;
}

function assertMay(detail: LotDetail, viewer: Viewer, action: LotAction, reason?: string | null) {
  const state = detail.lot.status;
  if (!isLotState(state)) throw new LotError(`未知状态 ${state}`, 500);
  const decision = decideLotTransition({
    state,
    action,
    role: viewer.role,
    isOwnContractor: viewer.organizationId === detail.lot.contractorOrgId,
    verdictCanAccept: detail.verdict.canAccept,
    verdictSummaryZh: verdictTextZh(detail.verdict.summary),
    reason,
  });
  if (!decision.ok) throw new LotError(decision.messageZh, 409);
  return decision.next;
}

export type { EntryInput };

/** A drawn signature about to be made: the image, the conclusion text, the 专业工长 (施工自检). */
export type PendingSignoff = {
  image: { png: Buffer; sha256: string };
  conclusion: string;
  foreman?: string | null;
};

/**
 * Inside the transaction that writes to a lot: the lot is still in the state the write was
 * allowed from. A sign-off (or any transition) that committed while the request was under way
 * refuses the write, so an honest slow upload or autosave never changes a signed record.
 * `what`: what was not saved, e.g. 照片, 检查记录.
 */
export async function assertLotStateUnchanged(
  tx: Prisma.TransactionClient,
  lotId: string,
  expected: string,
  what: string,
) {
  // A guarded write, not a read: it takes SQLite's write lock first, so another process's commit
  // cannot slip in between the check and this transaction's own writes (no SQLITE_BUSY_SNAPSHOT).
  const { count } = await tx.inspectionLot.updateMany({
    where: { id: lotId, status: expected },
    data: { status: expected },
  });
  if (count === 1) return;
  const now = await tx.inspectionLot.findUnique({ where: { id: lotId }, select: { status: true } });
  if (now?.status === "accepted")
    throw new LotError(`检验批已签认，${what}未保存；签认后的记录不能再更改`, 409);
  const label = now && isLotState(now.status) ? LOT_STATE_LABELS_ZH[now.status] : "已变更";
  throw new LotError(`检验批状态刚变为“${label}”，${what}未保存，请刷新页面后重试`, 409);
}

/** The lot, if the viewer may record on it now (the workflow's 'save' decision), else a LotError. */
export async function requireRecordableLot(db: Db, viewer: Viewer, scope: Scope, lotId: string) {
  const detail = await requireLot(db, lotId, viewer, scope);
  assertMay(detail, viewer, "save");
  return detail;
}

/**
 * A point as stored, hashed and audited: text only when it reads as the value, and text/design
 * omitted when absent (so records made before they existed compare equal).
 */
export function normalizedPoint(p: {
  value: number;
  serious?: boolean;
  text?: string | null;
  design?: number | null;
  was?: string | readonly PriorValue[] | null;
  removed?: boolean;
}) {
  const text = p.text?.trim().replace(",", ".");
  const was = parseWas(p.was).map((w) => normalizedPrior(w));
  return {
    value: p.value,
    serious: p.serious ?? false,
    ...(text && Number(text) === p.value ? { text } : {}),
    ...(p.design !== null && p.design !== undefined ? { design: p.design } : {}),
    // Corrections enter the record only when there are any (records made before hash as before).
    ...(was.length > 0 ? { was } : {}),
    ...(p.removed ? { removed: true } : {}),
  };
}

function normalizedPrior(w: PriorValue): PriorValue {
  const text = w.text?.trim().replace(",", ".");
  return {
    value: w.value,
    ...(text && Number(text) === w.value ? { text } : {}),
    ...(w.design !== null && w.design !== undefined ? { design: w.design } : {}),
  };
}

/** Records the lot's quantities and attributes that sample plans and limits depend on. */
export async function saveLotPlaceData(
  db: Db,
  viewer: Viewer,
  scope: Scope,
  lotId: string,
  input: {
    quantities: Record<string, number | null>;
    attributes: Record<string, number | string | null>;
  },
) {
  const detail = await requireLot(db, lotId, viewer, scope);
  assertMay(detail, viewer, "save");
  const unknownQuantity = Object.keys(input.quantities).find((k) => !(k in SAMPLE_QUANTITIES));
  const unknownAttr = Object.keys(input.attributes).find((k) => !(k in PLACE_ATTRIBUTES));
  if (unknownQuantity || unknownAttr) {
    throw new LotError(`未知的检验批数量或属性：${unknownQuantity ?? unknownAttr}`);
  }
  await db.$transaction(async (tx) => {
    await tx.inspectionLot.update({
      where: { id: lotId },
      data: {
        quantities: JSON.stringify(input.quantities),
        attributes: JSON.stringify(input.attributes),
      },
    });
    await recordEvent(tx, {
      actorId: viewer.id,
      action: "lot.place.save",
      entityType: "InspectionLot",
      entityId: lotId,
      data: input,
    });
  });
}

/**
 * Replaces one item's record (idempotent, so an autosave sent twice does no harm). A tablet's
 * outbox command carries an idempotency key: its receipt is written in the same transaction, and a
 * replay of a key already applied changes nothing and answers `applied: false`.
 */
export async function saveEntry(
  db: Db,
  viewer: Viewer,
  scope: Scope,
  lotId: string,
  input: EntryInput,
  command?: OfflineCommand,
): Promise<{ applied: boolean }> {
  const detail = await requireLot(db, lotId, viewer, scope);
  const replayOf = command ? await commandAppliedTo(db, viewer.id, command.key) : null;
  if (replayOf === lotId) return { applied: false };
  if (replayOf) throw new LotError("该离线记录的编号已用于另一个检验批，未保存", 409);
  assertMay(detail, viewer, "save");
  if (!detail.lot.template.items.some((i) => i.id === input.itemId)) {
    throw new LotError("该检查项目不属于本检验批的检查表版本");
  }
  const points = input.points.map(normalizedPoint);
  const recorded = { ...input, points };
  const saved = db.$transaction(async (tx) => {
    await assertLotStateUnchanged(tx, lotId, detail.lot.status, "检查记录");
    if (command) await recordCommand(tx, viewer.id, lotId, "entry", command);
    // Compared with what is stored now, inside the transaction: a recorded point is corrected
    // or withdrawn, never deleted or rewritten (decision 0016).
    const stored = await tx.samplePoint.findMany({
      where: { entry: { lotId, itemId: input.itemId } },
      select: { value: true, text: true, design: true, was: true, removed: true },
      orderBy: { seq: "asc" },
    });
    const before = stored.map((p) => normalizedPoint(p));
    const refusal = correctionRefusal(before, points);
    if (refusal) throw new LotError(refusal, 409);
    const corrections = correctionsMade(before, points);
    const entry = await tx.lotItemEntry.upsert({
      where: { lotId_itemId: { lotId, itemId: input.itemId } },
      create: {
        lotId,
        itemId: input.itemId,
        result: input.result,
        note: input.note,
        designValue: input.designValue,
        updatedById: viewer.id,
      },
      update: {
        result: input.result,
        note: input.note,
        designValue: input.designValue,
        updatedById: viewer.id,
      },
      select: { id: true },
    });
    await tx.samplePoint.deleteMany({ where: { entryId: entry.id } });
    if (input.points.length > 0) {
      await tx.samplePoint.createMany({
        data: points.map((p, i) => ({
          entryId: entry.id,
          seq: i + 1,
          value: p.value,
          serious: p.serious,
          text: p.text ?? null,
          design: p.design ?? null,
          was: p.was ? JSON.stringify(p.was) : null,
          removed: p.removed ?? false,
        })),
      });
    }
    await tx.inspectionLot.update({ where: { id: lotId }, data: { updatedAt: new Date() } });
    await recordEvent(tx, {
      actorId: viewer.id,
      action: "lot.entry.save",
      entityType: "InspectionLot",
      entityId: lotId,
      data: recorded,
    });
    if (corrections.length > 0) {
      const item = detail.lot.template.items.find((i) => i.id === input.itemId);
      await recordEvent(tx, {
        actorId: viewer.id,
        action: "lot.point.correct",
        entityType: "InspectionLot",
        entityId: lotId,
        data: { itemId: input.itemId, code: item?.code ?? "", corrections },
      });
    }
  });
  return saved.then(
    () => ({ applied: true }),
    (error) => {
      // The same key committed by a concurrent replay in between: applied once, by that one.
      if (command && isUniqueViolation(error)) return { applied: false };
      throw error;
    },
  );
}

export async function saveLotRecords(
  db: Db,
  viewer: Viewer,
  scope: Scope,
  lotId: string,
  input: { recordsComplete: boolean; selfCheckNote: string | null },
) {
  const detail = await requireLot(db, lotId, viewer, scope);
  assertMay(detail, viewer, "save");
  await db.$transaction(async (tx) => {
    await assertLotStateUnchanged(tx, lotId, detail.lot.status, "资料核查记录");
    await tx.inspectionLot.update({ where: { id: lotId }, data: input });
    await recordEvent(tx, {
      actorId: viewer.id,
      action: "lot.records.save",
      entityType: "InspectionLot",
      entityId: lotId,
      data: input,
    });
  });
}

/** Numbers and titles of the lot's defects (质量问题) that are not closed: they block acceptance. */
export async function openDefectNumbers(db: Db, lotId: string) {
  return db.defect.findMany({
    where: { lotId, status: { not: "closed" } },
    select: { id: true, number: true, title: true, status: true },
    orderBy: { number: "asc" },
  });
}

export function openDefectsMessageZh(open: { number: string; title: string }[]): string {
  return `本检验批还有未关闭的质量问题：${open.map((d) => `${d.number} ${d.title}`).join("；")}`;
}

/** Submit, accept, reject or reopen: the state machine decides; the change and its event commit together. */
export async function transitionLot(
  db: Db,
  viewer: Viewer,
  scope: Scope,
  lotId: string,
  action: Exclude<LotAction, "save">,
  reason: string | null,
  signoff?: PendingSignoff,
) {
  const detail = await requireLot(db, lotId, viewer, scope);
  const from = detail.lot.status;
  const next = assertMay(detail, viewer, action, reason);
  const sealed = await compoundSealedMessage(db, detail.lot.compound.id);
  if (sealed) throw new LotError(sealed, 409);
  if (action === "accept") {
    const open = await openDefectNumbers(db, lotId);
    if (open.length > 0) throw new LotError(openDefectsMessageZh(open), 409);
    const unacknowledged = detail.lot.drawingRefs.filter(
      (r) => r.revision.status === "superseded" && !r.acknowledgedAt,
    );
    if (unacknowledged.length > 0)
      throw new LotError(
        `依据图纸已有新版次，请监理工程师先确认：${unacknowledged.map((r) => `${r.revision.sheet.number} ${r.revision.revision}版`).join("、")}`,
        409,
      );
  }
  const now = new Date();
  const data =
    action === "submit"
      ? { status: next, submittedAt: now, submittedById: viewer.id, lastReason: null }
      : action === "accept"
        ? { status: next, acceptedAt: now, acceptedById: viewer.id, lastReason: null }
        : action === "reopen"
          ? { status: next, acceptedAt: null, acceptedById: null, lastReason: reason }
          : { status: next, lastReason: reason };
  await db.$transaction(async (tx) => {
    // The status in `where` makes a concurrent second transition find nothing to update; being
    // the transaction's first statement, it also takes the write lock before anything is read.
    const { count } = await tx.inspectionLot.updateMany({
      where: { id: lotId, status: from },
      data,
    });
    if (count !== 1) throw new LotError("检验批状态已被他人更改，请刷新后重试", 409);
    // What is signed is read inside the transaction: a photo or entry that committed after the
    // page was read (a slow upload) is either in the signed content or refused, never after it.
    let signed = detail;
    if (action === "accept" || action === "submit") {
      const fresh = await getLot(tx, lotId, viewer, scope);
      if (fresh) {
        signed = { ...fresh, lot: { ...fresh.lot, status: from } };
        assertMay(signed, viewer, action, reason);
      }
    }
    const pending: SignoffContent | undefined = signoff && {
      signerId: viewer.id,
      conclusion: signoff.conclusion,
      imageSha256: signoff.image.sha256,
      foreman: signoff.foreman ?? null,
    };
    // 验收签认 binds the newest 施工自检 signature and its own; 施工自检 binds its own only.
    const selfCheck = latestSignature(signed.lot, "selfcheck");
    const contentHash =
      action === "accept"
        ? lotContentHash(
            signed,
            pending
              ? {
                  ...(selfCheck ? { selfCheck: signoffOf(selfCheck) } : {}),
                  accept: pending,
                }
              : currentSignoffs(signed.lot),
          )
        : action === "submit" && pending
          ? lotContentHash(signed, { selfCheck: pending })
          : undefined;
    const signature =
      signoff && pending && contentHash
        ? await tx.lotSignature.create({
            data: {
              lotId,
              kind: action === "accept" ? "accept" : "selfcheck",
              signerId: viewer.id,
              foreman: pending.foreman ?? null,
              conclusion: pending.conclusion,
              imageSha256: pending.imageSha256,
              imagePng: new Uint8Array(signoff.image.png),
              contentHash,
              signedAt: now,
            },
            select: { id: true, kind: true },
          })
        : null;
    await recordEvent(
      tx,
      {
        actorId: viewer.id,
        action: `lot.${action}`,
        entityType: "InspectionLot",
        entityId: lotId,
        data: {
          from,
          to: next,
          reason: reason ?? undefined,
          verdict: verdictTextZh(signed.verdict.summary),
          contentHash,
          signature: signature ? { id: signature.id, kind: signature.kind, ...pending } : undefined,
        },
      },
      now,
    );
  });
  return next;
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
