import type { Db } from "~/infra/db.server";

type Ref = { entityType: string; entityId: string };
export type EntityName = { label: string; href: string | null };

const ids = (rows: readonly Ref[], type: string) => [
  ...new Set(rows.filter((r) => r.entityType === type).map((r) => r.entityId)),
];

/**
 * Human names for the entities of a page of audit events (one query per entity type, only the
 * ids on the page): 检验批 and 质量问题 numbers, 通知单 numbers, drawing sheet and revision,
 * photos by what they belong to, users, checklist versions, acceptances by compound.
 */
export async function entityNames(db: Db, rows: readonly Ref[]): Promise<Map<string, EntityName>> {
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
        select: { id: true, version: true, workType: { select: { code: true, nameZh: true } } },
      }),
      db.finalAcceptance.findMany({
        where: { id: { in: ids(rows, "FinalAcceptance") } },
        select: { id: true, compound: { select: { id: true, name: true } } },
      }),
    ]);
  for (const l of lots) put("InspectionLot", l.id, `检验批 ${l.number}`, `/lots/${l.id}`);
  for (const d of defects)
    put("Defect", d.id, `质量问题 ${d.number} ${d.title}`, `/defects/${d.id}`);
  for (const n of notices)
    put("SupervisionNotice", n.id, `监理通知单 ${n.number}`, `/notices/${n.id}`);
  for (const r of revisions)
    put(
      "DrawingRevision",
      r.id,
      `图纸 ${r.sheet.number} ${r.sheet.title} ${r.revision} 版`,
      `/drawings/${r.id}`,
    );
  for (const p of pins)
    put("DrawingPin", p.id, `图钉 · 质量问题 ${p.defect.number}`, `/defects/${p.defect.id}`);
  for (const p of photos) {
    const owner = p.lot
      ? {
          label: `检验批 ${p.lot.number}${p.item ? ` ${p.item.code}` : ""}`,
          href: `/lots/${p.lot.id}`,
        }
      : p.defect
        ? { label: `质量问题 ${p.defect.number}`, href: `/defects/${p.defect.id}` }
        : { label: "", href: null };
    put("Photo", p.id, `照片 · ${owner.label}`, owner.href);
  }
  for (const u of users)
    put("User", u.id, `用户 ${u.displayName}（${u.username}）`, `/users/${u.id}`);
  for (const t of templates)
    put(
      "ChecklistTemplate",
      t.id,
      `检查表 ${t.workType.nameZh} 第 ${t.version} 版`,
      `/work-types/${t.workType.code}`,
    );
  for (const a of acceptances)
    put(
      "FinalAcceptance",
      a.id,
      `竣工验收 ${a.compound.name}`,
      `/compounds/${a.compound.id}/acceptance`,
    );
  return out;
}
