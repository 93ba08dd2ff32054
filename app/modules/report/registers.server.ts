import type { Db } from "~/infra/db.server";
import { DomainError } from "~/infra/domain-error";
import type { Resources } from "~/locales/resources";
import type { Actor, Scope } from "~/modules/auth/permissions";
import type { Translate as TFunction } from "~/modules/defect/labels";
import { type DefectFilter, defectListCounts } from "~/modules/defect/read.server";
import { type DefectRegisterRow, eachDefectRegisterRow } from "~/modules/defect/register.server";
import { isDefectState } from "~/modules/defect/workflow";
import { DEFAULT_LNG, type Lng } from "~/modules/i18n/config";
import { formatDate, formatDateTime } from "~/modules/i18n/dates";
import { fixedT as commonT } from "~/modules/i18n/i18n.server";
import { eachLotRegisterRow, type LotFilter, type LotRegisterRow } from "~/modules/lot/list.server";
import type { PhotoStorage } from "~/modules/photo/storage.server";
import { compoundWhere } from "~/modules/site/access.server";
import { type SheetColumn, xlsxFromRows } from "./excel.server";
import { type Cell, PdfReport } from "./pdf.server";
import { thumbsForPdf } from "./photo-thumbs.server";

// The defect register (PDF, Excel) and the lot list (Excel), headers and notes in the reader's
// language `lng`; names, places and titles as written.

type Filters = DefectFilter & { overdue?: "1" };
type AnyFilter = Omit<Filters, "status"> & Omit<LotFilter, "status"> & { status?: string };

const fixedT = (lng: Lng): TFunction => commonT(lng);

function statusLabel(t: TFunction, status: string): string {
  if (isDefectState(status)) return t(`defect:status.${status}`);
  return t(`lot:states.${status}`, { defaultValue: status });
}

/** The filters in words, e.g. “筛选：小区 县农行老旧小区；状态 待整改”, names looked up. */
export async function filterNote(
  db: Db,
  viewer: Actor,
  scope: Scope,
  filter: AnyFilter,
  lng: Lng = DEFAULT_LNG,
): Promise<string> {
  const t = fixedT(lng);
  const parts: string[] = [];
  if (filter.compoundId) {
    // Looked up within what the viewer may see: a guessed id of another contractor's compound
    // prints no name; the export answers 404 instead.
    const c = await db.compound.findFirst({
      where: { id: filter.compoundId, ...compoundWhere(viewer, scope) },
      select: { name: true },
    });
    if (!c) throw new DomainError("defect:errors.compoundNotFound", { status: 404 });
    parts.push(t("defect:filterNote.compound", { name: c.name }));
  }
  if (filter.contractorOrgId) {
    const o = await db.organization.findUnique({
      where: { id: filter.contractorOrgId },
      select: { shortName: true },
    });
    parts.push(t("defect:filterNote.contractor", { name: o?.shortName ?? "—" }));
  }
  const workTypeCode = filter.workType ?? filter.workTypeCode;
  if (workTypeCode) {
    const w = await db.workType.findUnique({
      where: { code: workTypeCode },
      select: { nameZh: true },
    });
    parts.push(t("defect:filterNote.workType", { name: w?.nameZh ?? "—" }));
  }
  if (filter.status)
    parts.push(t("defect:filterNote.status", { label: statusLabel(t, filter.status) }));
  if (filter.place) parts.push(t("defect:filterNote.place", { place: filter.place }));
  if (filter.severity) parts.push(t("defect:filterNote.severity", { severity: filter.severity }));
  if (filter.overdue) parts.push(t("defect:filterNote.overdue"));
  const when = t("defect:filterNote.exported", { time: formatDateTime(new Date(), lng) });
  return parts.length > 0
    ? t("defect:filterNote.filtered", { parts: parts.join(t("defect:filterNote.separator")), when })
    : t("defect:filterNote.all", { when });
}

function defectColumns(t: TFunction): SheetColumn<DefectRegisterRow>[] {
  const h = (key: keyof Resources["defect"]["register"]) => t(`defect:register.${key}`);
  return [
    { header: h("number"), width: 14, value: (d) => d.number },
    { header: h("defect"), width: 36, value: (d) => d.title },
    { header: h("compound"), width: 18, value: (d) => d.compound },
    { header: h("place"), width: 20, value: (d) => d.placeLabel },
    { header: h("lot"), width: 14, value: (d) => d.lot },
    { header: h("contractor"), width: 14, value: (d) => d.contractor },
    { header: h("severity"), width: 10, value: (d) => t(`defect:severity.${d.severity}`) },
    { header: h("createdOn"), width: 12, value: (d) => d.createdOn },
    { header: h("dueOn"), width: 12, value: (d) => d.dueOn },
    { header: h("overdueColumn"), width: 10, value: (d) => (d.overdue ? h("overdue") : "") },
    { header: h("status"), width: 10, value: (d) => t(`defect:status.${d.status}`) },
    { header: h("closedOn"), width: 12, value: (d) => d.closedOn },
  ];
}

export async function defectRegisterXlsx(
  db: Db,
  viewer: Actor,
  scope: Scope,
  filter: Filters,
  lng: Lng = DEFAULT_LNG,
) {
  const t = fixedT(lng);
  return xlsxFromRows({
    sheetName: t("defect:register.title"),
    title: t("defect:register.title"),
    filterNote: await filterNote(db, viewer, scope, filter, lng),
    columns: defectColumns(t),
    rows: eachDefectRegisterRow(db, viewer, scope, filter),
  });
}

/** A printed register lists at most this many rows (with thumbnails); Excel has them all. */
export const PDF_MAX_ROWS = 1000;

/** A thumbnail cell, or a dash when there is no photo (yet). */
export function photoCell(thumbs: Map<string, Buffer>, id: string | null): Cell {
  const image = id ? thumbs.get(id) : undefined;
  return image ? { text: "", image, imageHeight: 44 } : "—";
}

/** The register as a landscape table with each defect's 整改前 and 整改后 thumbnails. */
export async function defectRegisterPdf(
  db: Db,
  viewer: Actor,
  scope: Scope,
  filter: Filters,
  storage?: PhotoStorage,
  lng: Lng = DEFAULT_LNG,
) {
  const t = fixedT(lng);
  const h = (key: keyof Resources["defect"]["register"]) => t(`defect:register.${key}`);
  const rows: DefectRegisterRow[] = [];
  for await (const r of eachDefectRegisterRow(db, viewer, scope, filter)) {
    if (rows.length === PDF_MAX_ROWS) break;
    rows.push(r);
  }
  const counts = await defectListCounts(db, viewer, scope, filter);
  const thumbs = await thumbsForPdf(
    db,
    rows.flatMap((r) => [r.beforePhotoId, r.afterPhotoId]),
    storage,
  );
  const pdf = new PdfReport(h("title"), h("title"), { landscape: true });
  pdf.heading(h("title"));
  pdf.line(await filterNote(db, viewer, scope, filter, lng), { size: 9 });
  const n = (k: string) => counts[k] ?? 0;
  pdf.line(
    t("defect:register.counts", {
      all: n("all"),
      open: n("open"),
      in_progress: n("in_progress"),
      submitted: n("submitted"),
      closed: n("closed"),
      overdue: n("overdue"),
    }),
    { size: 9 },
  );
  if (n("all") > rows.length)
    pdf.line(t("defect:register.capped", { count: rows.length }), { size: 9 });
  pdf.space(0.3);
  pdf.table(
    [
      { header: h("number"), width: 0.09 },
      { header: h("defect"), width: 0.19 },
      { header: h("compoundPlace"), width: 0.16 },
      { header: h("contractor"), width: 0.08 },
      { header: h("severity"), width: 0.06, align: "center" },
      { header: h("dueOn"), width: 0.09, align: "center" },
      { header: h("status"), width: 0.07, align: "center" },
      { header: h("closedOn"), width: 0.08, align: "center" },
      { header: h("before"), width: 0.09, align: "center" },
      { header: h("after"), width: 0.09, align: "center" },
    ],
    rows.length === 0
      ? [["", h("none"), "", "", "", "", "", "", "", ""]]
      : rows.map((d) => [
          d.number,
          d.title,
          `${d.compound} · ${d.placeLabel}`,
          d.contractor,
          t(`defect:severity.${d.severity}`),
          `${d.dueOn}${d.overdue ? `\n${h("overdue")}` : ""}`,
          t(`defect:status.${d.status}`),
          d.closedOn ?? "",
          photoCell(thumbs, d.beforePhotoId),
          photoCell(thumbs, d.afterPhotoId),
        ]),
  );
  return pdf.toBuffer();
}

function lotColumns(t: TFunction, lng: Lng): SheetColumn<LotRegisterRow>[] {
  const h = (key: keyof Resources["defect"]["lotRegister"]) => t(`defect:lotRegister.${key}`);
  return [
    { header: h("number"), width: 14, value: (l) => l.number },
    { header: h("compound"), width: 18, value: (l) => l.compound },
    { header: h("workType"), width: 18, value: (l) => l.workType },
    { header: h("place"), width: 22, value: (l) => l.placeLabel },
    { header: h("capacity"), width: 10, value: (l) => l.capacity },
    { header: h("contractor"), width: 14, value: (l) => l.contractor },
    { header: h("status"), width: 12, value: (l) => statusLabel(t, l.status) },
    { header: h("records"), width: 10, value: (l) => h(l.recordsComplete ? "yes" : "no") },
    {
      header: h("acceptedOn"),
      width: 12,
      value: (l) => (l.acceptedAt ? formatDate(l.acceptedAt, lng) : ""),
    },
    { header: h("acceptedBy"), width: 12, value: (l) => l.acceptedBy },
    { header: h("defects"), width: 10, value: (l) => l.defects },
  ];
}

export async function lotListXlsx(
  db: Db,
  viewer: Actor,
  scope: Scope,
  filter: LotFilter,
  lng: Lng = DEFAULT_LNG,
) {
  const t = fixedT(lng);
  return xlsxFromRows({
    sheetName: t("defect:lotRegister.title"),
    title: t("defect:lotRegister.title"),
    filterNote: await filterNote(db, viewer, scope, filter, lng),
    columns: lotColumns(t, lng),
    rows: eachLotRegisterRow(db, viewer, scope, filter),
  });
}
