import type { TFunction } from "i18next";
import type { Db } from "~/infra/db.server";
import type { Lng } from "~/modules/i18n/config";

type Ref = { entityType: string; entityId: string };
/** A record's name on a page of the log: numbers and names are data, the words around them `t`'s. */
export type EntityName = { label: string; href: string | null };

const ids = (rows: readonly Ref[], type: string) => [
  ...new Set(rows.filter((r) => r.entityType === type).map((r) => r.entityId)),
];

/**
 * Names for the entities of a page of audit events (one query per entity type, only the ids on
 * the page): lot and defect numbers, notice numbers, drawing sheet and revision, photos by what
 * they belong to, users, checklist versions, acceptances by compound. The record type's own label
 * is shown beside it (audit:entities.*).
 */
export async function entityNames(
  db: Db,
  rows: readonly Ref[],
  t: TFunction,
  lng: Lng,
): Promise<Map<string, EntityName>> {
  const out = new Map<string, EntityName>();
  const put = (type: string, id: string, label: string, href: string | null) =>
    out.set(`${type}:${id}`, { label, href });
  const [lots, defects, notices, revisions, pins, photos, users, templates, acceptances] =
    await Promise.all([
      db.inspectionLot.findMany({
        where: { id: { in: ids(rows, "InspectionLot") } },
        select: { id: true, number: true },
      }),
      db.defect.findMany({
        where: { id: { in: ids(rows, "Defect") } },
        select: { id: true, number: true, title: true },
      }),
      db.supervisionNotice.findMany({
        where: { id: { in: ids(rows, "SupervisionNotice") } },
        select: { id: true, number: true },
      }),
      db.drawingRevision.findMany({
        where: { id: { in: ids(rows, "DrawingRevision") } },
        select: { id: true, revision: true, sheet: { select: { number: true, title: true } } },
      }),
      db.drawingPin.findMany({
        where: { id: { in: ids(rows, "DrawingPin") } },
        select: { id: true, defect: { select: { id: true, number: true } } },
      }),
      db.photo.findMany({
        where: { id: { in: ids(rows, "Photo") } },
        select: {
          id: true,
          lot: { select: { id: true, number: true } },
          defect: { select: { id: true, number: true } },
          item: { select: { code: true } },
        },
      }),
      db.user.findMany({
        where: { id: { in: ids(rows, "User") } },
        select: { id: true, displayName: true, username: true },
      }),
      db.checklistTemplate.findMany({
        where: { id: { in: ids(rows, "ChecklistTemplate") } },
        select: {
          id: true,
          version: true,
          workType: { select: { code: true, nameZh: true, nameEn: true } },
        },
      }),
      db.finalAcceptance.findMany({
        where: { id: { in: ids(rows, "FinalAcceptance") } },
        select: { id: true, compound: { select: { id: true, name: true } } },
      }),
    ]);
  const a = { ns: "audit" } as const;
  for (const l of lots) put("InspectionLot", l.id, l.number, `/lots/${l.id}`);
  for (const d of defects) put("Defect", d.id, `${d.number} ${d.title}`, `/defects/${d.id}`);
  for (const n of notices) put("SupervisionNotice", n.id, n.number, `/notices/${n.id}`);
  for (const r of revisions)
    put(
      "DrawingRevision",
      r.id,
      t("names.drawing", {
        ...a,
        number: r.sheet.number,
        title: r.sheet.title,
        revision: r.revision,
      }),
      `/drawings/${r.id}`,
    );
  for (const p of pins)
    put(
      "DrawingPin",
      p.id,
      t("names.pin", { ...a, number: p.defect.number }),
      `/defects/${p.defect.id}`,
    );
  for (const p of photos) {
    const owner = p.lot
      ? {
          label: p.item
            ? t("names.lotItem", { ...a, number: p.lot.number, item: p.item.code })
            : p.lot.number,
          href: `/lots/${p.lot.id}`,
        }
      : p.defect
        ? { label: p.defect.number, href: `/defects/${p.defect.id}` }
        : { label: "", href: null };
    put("Photo", p.id, owner.label, owner.href);
  }
  for (const u of users)
    put(
      "User",
      u.id,
      t("names.user", { ...a, name: u.displayName, username: u.username }),
      `/users/${u.id}`,
    );
  for (const c of templates)
    put(
      "ChecklistTemplate",
      c.id,
      t("names.checklist", {
        ...a,
        name: lng === "en" ? c.workType.nameEn : c.workType.nameZh,
        version: c.version,
      }),
      `/work-types/${c.workType.code}`,
    );
  for (const x of acceptances)
    put("FinalAcceptance", x.id, x.compound.name, `/compounds/${x.compound.id}/acceptance`);
  return out;
}
