import { Prisma } from "~/generated/prisma/client";
import type { Db } from "~/infra/db.server";
import { DomainError } from "~/infra/domain-error";
import { recordEvent } from "~/modules/audit/record.server";
import { type EditedItem, ITEM_CODE, itemCode, nextCodeNumbers } from "./edit-schema";
import { ITEM_CONTENT_FIELDS, ITEM_ROW_SELECT } from "./item-fields";
import { WORK_TYPE_NAMES } from "./queries.server";

/**
 * Publishing a checklist version. A version is never modified once published: an edit publishes
 * version n+1 holding every item (changed or not), and lots keep the version they were opened with.
 */

const ROW_SELECT = ITEM_ROW_SELECT;

type ItemRow = Prisma.ChecklistItemGetPayload<{ select: typeof ROW_SELECT }>;

/** Everything an item says; seq is its place, compared separately (a pure reorder still publishes). */
const CONTENT_FIELDS = ITEM_CONTENT_FIELDS satisfies readonly (keyof ItemRow)[];

/** The edit was based on an older version: the form offers to reopen the latest one. */
const stale = (version: number) =>
  new DomainError("checklist:errors.stale", {
    status: 409,
    params: { version },
    field: "basedOnVersion",
  });

/** The current version of a work type's checklist, as the edit form starts from it. */
export async function getChecklistForEdit(db: Db, code: string) {
  const workType = await db.workType.findUnique({
    where: { code },
    select: {
      ...WORK_TYPE_NAMES,
      templates: {
        orderBy: { version: "desc" },
        take: 1,
        select: {
          version: true,
          publishedAt: true,
          changeNote: true,
          items: { orderBy: { seq: "asc" }, select: ROW_SELECT },
        },
      },
    },
  });
  const current = workType?.templates[0];
  if (!workType || !current) return null;
  const used = await usedCodes(db, workType.id);
  return {
    workType: { code: workType.code, nameZh: workType.nameZh, nameEn: workType.nameEn },
    version: current.version,
    publishedAt: current.publishedAt,
    changeNote: current.changeNote,
    items: current.items.map(({ lookupTable, ...item }) => ({
      ...item,
      hasLookupTable: lookupTable !== null,
    })),
    prefix: codePrefix(used),
    next: nextCodeNumbers(used),
  };
}

/** Every item code the work type has had in any version: a removed code is never given again. */
async function usedCodes(db: Prisma.TransactionClient, workTypeId: string): Promise<string[]> {
  const rows = await db.checklistItem.findMany({
    where: { template: { workTypeId } },
    select: { code: true },
    distinct: ["code"],
  });
  return rows.map((r) => r.code);
}

function codePrefix(codes: readonly string[]): string {
  const prefix = codes.find((c) => ITEM_CODE.test(c))?.split("-")[0];
  if (!prefix) throw new DomainError("checklist:errors.noPrefix", { status: 400 });
  return prefix;
}

export type PublishInput = {
  workTypeCode: string;
  basedOnVersion: number;
  actorId: string;
  changeNote: string;
  items: EditedItem[];
};

export type PublishResult = {
  templateId: string;
  version: number;
  added: string[];
  removed: string[];
  changed: string[];
  reordered: boolean;
};

/**
 * Publishes version n+1 in one transaction with its audit event. Refuses when `basedOnVersion` is
 * no longer current (someone published meanwhile) or when nothing changed.
 * Items are numbered main first, then general, each in the given order; new items (code null)
 * get the next free code of their kind, e.g. SR-M11.
 */
export async function publishChecklistVersion(db: Db, input: PublishInput): Promise<PublishResult> {
  try {
    return await db.$transaction((tx) => publishIn(tx, input));
  } catch (error) {
    // Two publications racing on the same base: the second hits @@unique([workTypeId, version]).
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const latest = await db.checklistTemplate.findFirst({
        where: { workType: { code: input.workTypeCode } },
        orderBy: { version: "desc" },
        select: { version: true },
      });
      throw stale(latest?.version ?? input.basedOnVersion);
    }
    throw error;
  }
}

async function publishIn(tx: Prisma.TransactionClient, input: PublishInput) {
  const workType = await tx.workType.findUnique({
    where: { code: input.workTypeCode },
    select: {
      id: true,
      templates: {
        orderBy: { version: "desc" },
        take: 1,
        select: { version: true, items: { orderBy: { seq: "asc" }, select: ROW_SELECT } },
      },
    },
  });
  const current = workType?.templates[0];
  if (!workType || !current) throw new DomainError("checklist:errors.noWorkType", { status: 404 });
  if (current.version !== input.basedOnVersion) {
    throw stale(current.version);
  }
  const changeNote = input.changeNote.trim();
  if (!changeNote)
    throw new DomainError("checklist:errors.changeNote", { status: 400, field: "changeNote" });
  if (input.items.length === 0) throw new DomainError("checklist:errors.noItems", { status: 400 });

  const used = await usedCodes(tx, workType.id);
  const prefix = codePrefix(used);
  const next = nextCodeNumbers(used);
  const previous = new Map(current.items.map((i) => [i.code, i]));
  const ordered = [
    ...input.items.filter((i) => i.kind === "main"),
    ...input.items.filter((i) => i.kind === "general"),
  ];
  const seen = new Set<string>();
  const rows: ItemRow[] = ordered.map((item, index) => {
    const before = item.code === null ? undefined : previous.get(item.code);
    if (item.code !== null && !before) {
      throw new DomainError("checklist:errors.unknownItem", {
        status: 400,
        params: { code: item.code, version: current.version },
      });
    }
    if (before && before.kind !== item.kind) {
      throw new DomainError("checklist:errors.kindChanged", {
        status: 400,
        params: { code: before.code },
      });
    }
    const code = before?.code ?? itemCode(prefix, item.kind, next[item.kind]++);
    if (seen.has(code))
      throw new DomainError("checklist:errors.duplicate", { status: 400, params: { code } });
    seen.add(code);
    return {
      code,
      seq: index + 1,
      kind: item.kind,
      textZh: item.textZh,
      textEn: item.textEn || item.textZh,
      method: item.method,
      tolerance: item.tolerance,
      numericUnit: item.numericUnit,
      numericMin: item.numericMin,
      numericMax: item.numericMax,
      numericQuantity: item.numericQuantity,
      numericTarget: item.numericTarget,
      numericCondition: item.numericCondition,
      numericNote: item.numericNote,
      // structured tables (closed-water leakage by DN…) are not edited in the form: carried over
      lookupTable: before?.lookupTable ?? null,
      // The judge spec (limits by place, sample rule) comes from the data file; an edit of the
      // numbers drops it so the edited numbers are what is judged.
      judge: before ? judgeAfterEdit(before, item) : null,
      samplePlan: item.samplePlan,
      source: item.source,
      verified: item.verified,
    };
  });

  const added = rows.filter((r) => !previous.has(r.code)).map((r) => r.code);
  const removed = current.items.filter((i) => !seen.has(i.code)).map((i) => i.code);
  const changed = rows
    .filter((r) => {
      const before = previous.get(r.code);
      return before !== undefined && CONTENT_FIELDS.some((f) => before[f] !== r[f]);
    })
    .map((r) => r.code);
  const oldOrder = current.items.map((i) => i.code).filter((c) => seen.has(c));
  const newOrder = rows.map((r) => r.code).filter((c) => previous.has(c));
  const reordered = oldOrder.join() !== newOrder.join();
  if (added.length + removed.length + changed.length === 0 && !reordered) {
    throw new DomainError("checklist:errors.unchanged", { status: 400 });
  }

  const version = current.version + 1;
  const template = await tx.checklistTemplate.create({
    data: {
      workTypeId: workType.id,
      version,
      changeNote,
      publishedById: input.actorId,
      items: { create: rows },
    },
    select: { id: true },
  });
  await recordEvent(tx, {
    actorId: input.actorId,
    action: "checklist.publish",
    entityType: "ChecklistTemplate",
    entityId: template.id,
    data: {
      workTypeCode: input.workTypeCode,
      version,
      basedOnVersion: current.version,
      changeNote,
      added,
      removed,
      changed,
      reordered,
    },
  });
  return { templateId: template.id, version, added, removed, changed, reordered };
}

/**
 * The judge spec of an edited item: kept when its numbers are unchanged; with one limit, that
 * limit takes the edited min/max (clause and sample rule kept); otherwise (limits chosen by
 * place, or unit/quantity changed) dropped, so the edited numbers are what is judged.
 */
function judgeAfterEdit(before: ItemRow, item: EditedItem): string | null {
  if (!before.judge) return null;
  const same = (a: unknown, b: unknown) => (a ?? null) === (b ?? null);
  if (!same(before.numericUnit, item.numericUnit)) return null;
  if (!same(before.numericQuantity, item.numericQuantity)) return null;
  if (same(before.numericMin, item.numericMin) && same(before.numericMax, item.numericMax)) {
    return before.judge;
  }
  const spec = JSON.parse(before.judge) as { limits: { min: unknown; max: unknown }[] };
  if (spec.limits.length !== 1) return null;
  spec.limits = [{ ...spec.limits[0]!, min: item.numericMin, max: item.numericMax }];
  return JSON.stringify(spec);
}
