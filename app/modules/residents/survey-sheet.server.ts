import ExcelJS from "exceljs";
import type { Db } from "~/infra/db.server";
import { DomainError } from "~/infra/domain-error";
import { xlsxBuffer } from "~/modules/report/excel.server";
import type { ResidentsT } from "./i18n";
import { SURVEY_COLUMN_KEYS, surveyColumns } from "./survey";
import { registerRows } from "./survey.server";

const SURVEY_COLUMN_COUNT = SURVEY_COLUMN_KEYS.length;

/** Reads the first sheet: the header row (the one naming 房号) and the data rows under it. */
export async function readSurveyWorkbook(bytes: Buffer, readers: readonly ResidentsT[]) {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new DomainError("residents:errors.unreadableFile", { status: 422, field: "file" });
  }
  const ws = wb.worksheets[0];
  if (!ws) throw new DomainError("residents:errors.noWorksheet", { status: 422, field: "file" });
  let headerLine = 0;
  const headers = readers.map(surveyColumns);
  for (let i = 1; i <= Math.min(ws.rowCount, 10); i += 1) {
    const values = (ws.getRow(i).values as unknown[]).slice(1).map((v) => String(v ?? "").trim());
    // The header row is the one naming the flat column (房号), in either language.
    if (headers.some((h) => values.includes(h[2] ?? ""))) {
      if (!headers.some((h) => h.every((c, j) => values[j] === c)))
        throw new DomainError("residents:errors.badHeader", {
          status: 422,
          field: "file",
        });
      headerLine = i;
      break;
    }
  }
  if (headerLine === 0)
    throw new DomainError("residents:errors.noHeader", { status: 422, field: "file" });
  const rows: { line: number; values: unknown[] }[] = [];
  ws.eachRow((row, line) => {
    if (line <= headerLine) return;
    const values = (row.values as unknown[])
      .slice(1, SURVEY_COLUMN_COUNT + 1)
      .map((v) => (v && typeof v === "object" && "text" in v ? (v as { text: unknown }).text : v));
    if (values.every((v) => v === null || v === undefined || String(v).trim() === "")) return;
    rows.push({ line, values });
  });
  return rows;
}

/** The whole ledger as Excel in the import's column order (names only when `personal`). */
export async function surveyXlsx(
  db: Db,
  compound: { id: string; name: string },
  personal: boolean,
  t: ResidentsT,
) {
  const { rows } = await registerRows(db, compound.id);
  type Row = (typeof rows)[number];
  const label = (group: "occupancy" | "consent", code: string) =>
    t(`survey.${group}.${code}` as "residents:survey.occupancy.owner", {
      defaultValue: code,
    });
  const values: Record<
    (typeof SURVEY_COLUMN_KEYS)[number],
    [number, (r: Row) => string | number | null]
  > = {
    building: [8, (r) => r.building],
    stairwell: [8, (r) => r.stairwell],
    room: [8, (r) => r.room],
    headName: [10, (r) => (personal ? r.headName : "")],
    phone: [14, (r) => (personal ? r.phone : "")],
    occupancy: [8, (r) => label("occupancy", r.occupancy)],
    residents: [8, (r) => r.residents],
    elderly: [10, (r) => r.elderly],
    disabled: [8, (r) => r.disabled],
    needs: [30, (r) => r.needs.map((n) => t(`survey.needs.${n}`)).join(t("survey.listSeparator"))],
    consent: [12, (r) => label("consent", r.consent)],
    note: [24, (r) => r.note],
  };
  return xlsxBuffer({
    sheetName: t("survey.sheet.name"),
    title: t("survey.sheet.title", { compound: compound.name }),
    filterNote: t(personal ? "survey.sheet.count" : "survey.sheet.countRedacted", {
      count: rows.length,
    }),
    columns: SURVEY_COLUMN_KEYS.map((key) => {
      const [width, value] = values[key];
      return { header: t(`survey.fields.${key}`), width, value };
    }),
    rows,
  });
}
