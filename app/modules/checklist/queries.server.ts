import type { Db } from "~/infra/db.server";
import { z } from "~/infra/zod";
import { ITEM_ROW_SELECT } from "./item-fields";

// Pages and lots read every column of an item but the lookup table and the judging note.
const { lookupTable: _table, numericNote: _note, ...SHOWN } = ITEM_ROW_SELECT;

/** The fields of a checklist item that pages and lots show and judge by. */

/** A work type's code and names (with its id), as every checklist query starts. */
export const WORK_TYPE_NAMES = { id: true, code: true, nameZh: true, nameEn: true } as const;

export const CHECKLIST_ITEM_SELECT = { id: true, ...SHOWN } as const;

const stringList = z.array(z.string());
export const parseStringList = (json: string) => stringList.parse(JSON.parse(json));

export async function listWorkTypes(db: Db) {
  const rows = await db.workType.findMany({
    select: {
      id: true,
      code: true,
      nameZh: true,
      nameEn: true,
      standards: true,
      placeKind: true,
      zoneKinds: true,
      rollupDivision: true,
      templates: {
        select: {
          version: true,
          publishedAt: true,
          items: { select: { kind: true } },
        },
        orderBy: { version: "desc" },
        take: 1,
      },
    },
    orderBy: { seq: "asc" },
  });
  return rows.map(({ templates, standards, zoneKinds, ...wt }) => {
    const current = templates[0];
    const items = current?.items ?? [];
    return {
      ...wt,
      standards: parseStringList(standards),
      zoneKinds: parseStringList(zoneKinds),
      currentVersion: current?.version ?? null,
      mainCount: items.filter((i) => i.kind === "main").length,
      generalCount: items.filter((i) => i.kind === "general").length,
    };
  });
}

/** A work type with one checklist version (the current one unless `version` is given). */
export async function getWorkTypeChecklist(db: Db, code: string, version?: number) {
  const workType = await db.workType.findUnique({
    where: { code },
    select: {
      ...WORK_TYPE_NAMES,
      division: true,
      standards: true,
      lotDivision: true,
      placeKind: true,
      templates: {
        select: { version: true, publishedAt: true, changeNote: true },
        orderBy: { version: "desc" },
      },
    },
  });
  if (!workType) return null;
  const versions = workType.templates;
  const chosen = version ?? versions[0]?.version;
  if (chosen === undefined || !versions.some((v) => v.version === chosen)) return null;
  const template = await db.checklistTemplate.findUniqueOrThrow({
    where: { workTypeId_version: { workTypeId: workType.id, version: chosen } },
    select: {
      id: true,
      version: true,
      changeNote: true,
      publishedAt: true,
      publishedBy: { select: { displayName: true } },
      items: {
        select: CHECKLIST_ITEM_SELECT,
        orderBy: { seq: "asc" },
      },
    },
  });
  const { templates: _, standards, ...rest } = workType;
  return {
    workType: { ...rest, standards: parseStringList(standards) },
    versions,
    isCurrent: chosen === versions[0]?.version,
    template,
  };
}

export async function workTypesForPlace(db: Db, place: { placeKind: string; zoneKind?: string }) {
  const all = await listWorkTypes(db);
  return all.filter(
    (wt) =>
      wt.placeKind === place.placeKind &&
      (place.zoneKind === undefined || wt.zoneKinds.includes(place.zoneKind)),
  );
}
