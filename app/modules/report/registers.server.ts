import type { Db } from "~/infra/db.server";
import type { Actor, Scope } from "~/modules/auth/permissions";
import { type DefectFilter, defectListCounts } from "~/modules/defect/defects.server";
import { type DefectRegisterRow, eachDefectRegisterRow } from "~/modules/defect/register.server";
import { DEFECT_STATE_LABELS_ZH, SEVERITY_LABELS_ZH } from "~/modules/defect/workflow";
import { eachLotRegisterRow, type LotFilter, type LotRegisterRow } from "~/modules/lot/list.server";
import { LOT_STATE_LABELS_ZH } from "~/modules/lot/workflow";
import type { PhotoStorage } from "~/modules/photo/storage.server";
import { compoundWhere } from "~/modules/site/access.server";
import { formatDate, formatDateTime } from "~/modules/site/labels";
import { type SheetColumn, xlsxFromRows } from "./excel.server";
import { type Cell, PdfReport } from "./pdf.server";
import { thumbsForPdf } from "./photo-thumbs.server";

type Filters = DefectFilter & { overdue?: "1" };
type AnyFilter = Omit<Filters, "status"> & Omit<LotFilter, "status"> & { status?: string };

/** The filters in words, e.g. “筛选：小区 县农行老旧小区；状态 待整改”, names looked up. */
export async function filterNote(
  db: Db,
  viewer: Actor,
  scope: Scope,
  filter: AnyFilter,
): Promise<string> {
  const parts: string[] = [];
  if (filter.compoundId) {
    // Looked up within what the viewer may see: a guessed id of another contractor's compound
    // prints no name; the export answers 404 instead.
    const c = await db.compound.findFirst({
      where: { id: filter.compoundId, ...compoundWhere(viewer, scope) },
      select: { name: true },
    });
    if (!c)
      throw Response.json(
        { kind: "not-found", message: "小区不存在或您无权查看" },
        { status: 404 },
      );
    parts.push(`小区 ${c.name}`);
  }
  if (filter.contractorOrgId) {
    const o = await db.organization.findUnique({
      where: { id: filter.contractorOrgId },
      select: { shortName: true },
    });
    parts.push(`施工单位 ${o?.shortName ?? "—"}`);
  }
  const workTypeCode = filter.workType ?? filter.workTypeCode;
  if (workTypeCode) {
    const w = await db.workType.findUnique({
      where: { code: workTypeCode },
      select: { nameZh: true },
    });
    parts.push(`工程类别 ${w?.nameZh ?? "—"}`);
  }
  if (filter.status) {
    const labels: Record<string, string> = { ...DEFECT_STATE_LABELS_ZH, ...LOT_STATE_LABELS_ZH };
    parts.push(`状态 ${labels[filter.status] ?? filter.status}`);
  }
  if (filter.place) parts.push(`部位含“${filter.place}”`);
  if (filter.severity) parts.push(`严重程度 ${SEVERITY_LABELS_ZH[filter.severity]}`);
  if (filter.overdue) parts.push("仅逾期");
  const when = `导出时间 ${formatDateTime(new Date())}`;
  return parts.length > 0 ? `筛选：${parts.join("；")}　${when}` : `全部记录　${when}`;
}

const DEFECT_COLUMNS: SheetColumn<DefectRegisterRow>[] = [
  { header: "编号", width: 14, value: (d) => d.number },
  { header: "问题", width: 36, value: (d) => d.title },
  { header: "小区", width: 18, value: (d) => d.compound },
  { header: "部位", width: 20, value: (d) => d.placeLabel },
  { header: "检验批", width: 14, value: (d) => d.lot },
  { header: "施工单位", width: 14, value: (d) => d.contractor },
  { header: "严重程度", width: 10, value: (d) => d.severityZh },
  { header: "登记日期", width: 12, value: (d) => d.createdOn },
  { header: "整改期限", width: 12, value: (d) => d.dueOn },
  { header: "是否逾期", width: 10, value: (d) => (d.overdue ? "已逾期" : "") },
  { header: "状态", width: 10, value: (d) => d.statusZh },
  { header: "关闭日期", width: 12, value: (d) => d.closedOn },
];

export async function defectRegisterXlsx(db: Db, viewer: Actor, scope: Scope, filter: Filters) {
  return xlsxFromRows({
    sheetName: "质量问题台账",
    title: "质量问题台账",
    filterNote: await filterNote(db, viewer, scope, filter),
    columns: DEFECT_COLUMNS,
    rows: eachDefectRegisterRow(db, viewer, scope, filter),
  });
}

/** A printed register lists at most this many rows (with thumbnails); Excel has them all. */
export const PDF_MAX_ROWS = 1000;

/** The register as a landscape table; photo thumbnails are a column to add once defects have photos. */
/** A thumbnail cell, or a dash when there is no photo (yet). */
export function photoCell(thumbs: Map<string, Buffer>, id: string | null): Cell {
  const image = id ? thumbs.get(id) : undefined;
  return image ? { text: "", image, imageHeight: 44 } : "—";
}

export async function defectRegisterPdf(
  db: Db,
  viewer: Actor,
  scope: Scope,
  filter: Filters,
  storage?: PhotoStorage,
) {
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
  const pdf = new PdfReport("质量问题台账", "质量问题台账", { landscape: true });
  pdf.heading("质量问题台账");
  pdf.line(await filterNote(db, viewer, scope, filter), { size: 9 });
  const n = (k: string) => counts[k] ?? 0;
  pdf.line(
    `共 ${n("all")} 项：待整改 ${n("open")}，整改中 ${n("in_progress")}，待复查 ${n("submitted")}，已关闭 ${n("closed")}，逾期 ${n("overdue")}`,
    { size: 9 },
  );
  if (n("all") > rows.length)
    pdf.line(`本表列出前 ${rows.length} 项；全部记录请导出 Excel，或筛选后再打印。`, { size: 9 });
  pdf.space(0.3);
  pdf.table(
    [
      { header: "编号", width: 0.09 },
      { header: "问题", width: 0.19 },
      { header: "小区 · 部位", width: 0.16 },
      { header: "施工单位", width: 0.08 },
      { header: "严重程度", width: 0.06, align: "center" },
      { header: "整改期限", width: 0.09, align: "center" },
      { header: "状态", width: 0.07, align: "center" },
      { header: "关闭日期", width: 0.08, align: "center" },
      { header: "整改前", width: 0.09, align: "center" },
      { header: "整改后", width: 0.09, align: "center" },
    ],
    rows.length === 0
      ? [["", "（无记录）", "", "", "", "", "", "", "", ""]]
      : rows.map((d) => [
          d.number,
          d.title,
          `${d.compound} · ${d.placeLabel}`,
          d.contractor,
          d.severityZh,
          `${d.dueOn}${d.overdue ? "\n已逾期" : ""}`,
          d.statusZh,
          d.closedOn ?? "",
          photoCell(thumbs, d.beforePhotoId),
          photoCell(thumbs, d.afterPhotoId),
        ]),
  );
  return pdf.toBuffer();
}

const LOT_COLUMNS: SheetColumn<LotRegisterRow>[] = [
  { header: "编号", width: 14, value: (l) => l.number },
  { header: "小区", width: 18, value: (l) => l.compound },
  { header: "工程类别", width: 18, value: (l) => l.workType },
  { header: "部位", width: 22, value: (l) => l.placeLabel },
  { header: "容量", width: 10, value: (l) => l.capacity },
  { header: "施工单位", width: 14, value: (l) => l.contractor },
  { header: "状态", width: 12, value: (l) => l.statusZh },
  { header: "资料齐全", width: 10, value: (l) => (l.recordsComplete ? "是" : "否") },
  { header: "验收日期", width: 12, value: (l) => (l.acceptedAt ? formatDate(l.acceptedAt) : "") },
  { header: "监理工程师", width: 12, value: (l) => l.acceptedBy },
  { header: "质量问题数", width: 10, value: (l) => l.defects },
];

export async function lotListXlsx(db: Db, viewer: Actor, scope: Scope, filter: LotFilter) {
  return xlsxFromRows({
    sheetName: "检验批清单",
    title: "检验批清单",
    filterNote: await filterNote(db, viewer, scope, filter),
    columns: LOT_COLUMNS,
    rows: eachLotRegisterRow(db, viewer, scope, filter),
  });
}
