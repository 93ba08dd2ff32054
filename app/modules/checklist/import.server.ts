import i18next, { type TFunction } from "i18next";
import type { Db } from "~/infra/db.server";
import checklist from "~/locales/zh-CN/checklist";
import { recordEvent } from "~/modules/audit/record.server";
import { DEFAULT_LNG, i18nOptions } from "~/modules/i18n/config";
import type { ChecklistData, ChecklistDataItem, WorkTypePlaces } from "./data-file";
import { ITEM_ROW_FIELDS, ITEM_ROW_SELECT } from "./item-fields";

let record: TFunction<"checklist"> | undefined;

/**
 * The checklist words in the language of record, for what is stored (a version's change note).
 * Built from the catalogue itself, so the seed under tsx can use it.
 */
function recordT(): TFunction<"checklist"> {
  if (!record) {
    const instance = i18next.createInstance();
    void instance.init({
      ...i18nOptions(DEFAULT_LNG, ["checklist"]),
      resources: { [DEFAULT_LNG]: { checklist } },
      initAsync: false,
    });
    record = instance.getFixedT(DEFAULT_LNG, "checklist");
  }
  return record;
}

export function itemRowFromData(item: ChecklistDataItem, seq: number) {
  return {
    code: item.id,
    seq,
    kind: item.kind,
    textZh: item.textZh,
    textEn: item.textEn,
    method: item.method,
    tolerance: item.tolerance,
    numericUnit: item.numeric?.unit ?? null,
    numericMin: item.numeric?.min ?? null,
    numericMax: item.numeric?.max ?? null,
    numericQuantity: item.numeric?.quantity ?? null,
    numericTarget: item.numeric?.target ?? null,
    numericCondition: item.numeric?.condition ?? null,
    numericNote: item.numeric?.note ?? null,
    lookupTable: item.lookupTable === undefined ? null : JSON.stringify(item.lookupTable),
    judge: item.judge === null ? null : JSON.stringify(item.judge),
    samplePlan: item.samplePlan,
    source: item.source,
    verified: item.verified,
  };
}

/**
 * Loads work types and, for a work type that has none yet, checklist version 1.
 * Existing versions are never touched: later corrections are published as new versions.
 */
export async function importChecklistData(db: Db, data: ChecklistData, places: WorkTypePlaces) {
  let created = 0;
  for (const [index, wt] of data.workTypes.entries()) {
    const place = places[wt.code];
    if (!place) throw new Error(`work-type-places.json has no entry for ${wt.code}`);
    const fields = {
      seq: index + 1,
      nameZh: wt.nameZh,
      nameEn: wt.nameEn,
      division: wt.division,
      standards: JSON.stringify(wt.standards),
      lotDivision: wt.lotDivision,
      placeKind: place.placeKind,
      zoneKinds: JSON.stringify(place.zoneKinds),
      rollupDivision: place.rollupDivision,
    };
    await db.$transaction(async (tx) => {
      const workType = await tx.workType.upsert({
        where: { code: wt.code },
        create: { code: wt.code, ...fields },
        update: fields,
        select: { id: true, _count: { select: { templates: true } } },
      });
      if (workType._count.templates > 0) return;
      await tx.checklistTemplate.create({
        data: {
          workTypeId: workType.id,
          version: 1,
          changeNote: recordT()("workType.importedNote", { title: data.meta.title }),
          items: { create: wt.items.map((item, i) => itemRowFromData(item, i + 1)) },
        },
      });
      created += 1;
    });
  }
  return { workTypes: data.workTypes.length, templatesCreated: created };
}

const COMPARED = ITEM_ROW_FIELDS;

/**
 * Publishes the data file as the next version of each work type whose current version differs
 * from it (a corrected checklist ships as a data-file revision). Lots keep the version they
 * were opened with. Idempotent: nothing is published when the current version matches.
 */
export async function publishDataFileRevisions(db: Db, data: ChecklistData, note: string) {
  const published: { workType: string; version: number }[] = [];
  for (const wt of data.workTypes) {
    await db.$transaction(async (tx) => {
      const workType = await tx.workType.findUnique({
        where: { code: wt.code },
        select: {
          id: true,
          templates: {
            orderBy: { version: "desc" },
            take: 1,
            select: {
              version: true,
              items: {
                orderBy: { seq: "asc" },
                select: ITEM_ROW_SELECT,
              },
            },
          },
        },
      });
      const current = workType?.templates[0];
      if (!workType || !current) return;
      const wanted = wt.items.map((item, i) => itemRowFromData(item, i + 1));
      const same =
        wanted.length === current.items.length &&
        wanted.every((row, i) => {
          const before = current.items[i] as Record<string, unknown>;
          return COMPARED.every((f) => (before[f] ?? null) === (row[f] ?? null));
        });
      if (same) return;
      const version = current.version + 1;
      const template = await tx.checklistTemplate.create({
        data: { workTypeId: workType.id, version, changeNote: note, items: { create: wanted } },
        select: { id: true },
      });
      await recordEvent(tx, {
        actorId: null,
        action: "checklist.publish",
        entityType: "ChecklistTemplate",
        entityId: template.id,
        data: { workTypeCode: wt.code, version, basedOnVersion: current.version, changeNote: note },
      });
      published.push({ workType: wt.code, version });
    });
  }
  return published;
}
