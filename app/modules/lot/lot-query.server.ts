import type { Prisma } from "~/generated/prisma/client";
import type { Db } from "~/infra/db.server";
import { queryRows } from "~/infra/sql.server";
import type { Actor, Scope } from "~/modules/auth/permissions";
import { CHECKLIST_ITEM_SELECT, parseStringList } from "~/modules/checklist/queries.server";
import type { AcceptanceRouteRecord } from "./acceptance-route";
import { lotWhereSql } from "./access.server";
import { livePoints } from "./corrections";
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
  specFromLegacyNumeric,
} from "./verdict";
import { parseJudgeSpec } from "./verdict-schema";

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
      version: true,
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
  /** §5.0.6 acceptance routes, newest first (lot-read.server.ts; decision 0032) */
  acceptanceRoutes?: AcceptanceRouteRecord[];
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
