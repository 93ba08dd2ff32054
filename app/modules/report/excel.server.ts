import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import en from "~/locales/en/common";
import zh from "~/locales/zh-CN/common";

export type SheetColumn<T> = {
  header: string;
  width: number;
  value: (row: T) => string | number | Date | null;
};

/** The workbook's author: the product's name, as on every page, in both languages ("验收 Yanshou"). */
const CREATOR = `${zh.app.brand} ${en.app.brand}`;

// A4 landscape, the columns fitted to the page width.
const PAGE_SETUP = {
  paperSize: 9,
  orientation: "landscape",
  fitToPage: true,
  fitToWidth: 1,
  fitToHeight: 0,
} as const;

function styleHeader(header: ExcelJS.Row) {
  header.font = { bold: true };
  header.eachCell((cell) => {
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFEEEEEE" } };
    cell.border = { bottom: { style: "thin" } };
  });
}

/** One-sheet workbook: a title row, a line stating the filters, then a header row and the rows. */
export async function xlsxBuffer<T>(input: {
  sheetName: string;
  title: string;
  filterNote: string;
  columns: SheetColumn<T>[];
  rows: T[];
}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = CREATOR;
  wb.created = new Date();
  const ws = wb.addWorksheet(input.sheetName, {
    pageSetup: PAGE_SETUP,
  });
  ws.columns = input.columns.map((c) => ({ width: c.width }));
  ws.addRow([input.title]).font = { bold: true, size: 14 };
  ws.addRow([input.filterNote]);
  const header = ws.addRow(input.columns.map((c) => c.header));
  styleHeader(header);
  for (const row of input.rows) ws.addRow(input.columns.map((c) => c.value(row)));
  ws.views = [{ state: "frozen", ySplit: 3 }];
  ws.autoFilter = { from: { row: 3, column: 1 }, to: { row: 3, column: input.columns.length } };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * The same one-sheet workbook from rows read as they come (a register page by page): ExcelJS's
 * streaming writer commits each row, so only the compressed output is held, never all rows.
 */
export async function xlsxFromRows<T>(input: {
  sheetName: string;
  title: string;
  filterNote: string;
  columns: SheetColumn<T>[];
  rows: AsyncIterable<T>;
}): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const sink = new PassThrough();
  sink.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    sink.on("end", () => resolve());
    sink.on("error", reject);
  });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useStyles: true });
  wb.creator = CREATOR;
  wb.created = new Date();
  const ws = wb.addWorksheet(input.sheetName, {
    pageSetup: PAGE_SETUP,
    views: [{ state: "frozen", ySplit: 3 }],
  });
  ws.columns = input.columns.map((c) => ({ width: c.width }));
  const title = ws.addRow([input.title]);
  title.font = { bold: true, size: 14 };
  title.commit();
  ws.addRow([input.filterNote]).commit();
  const header = ws.addRow(input.columns.map((c) => c.header));
  styleHeader(header);
  header.commit();
  ws.autoFilter = { from: { row: 3, column: 1 }, to: { row: 3, column: input.columns.length } };
  for await (const row of input.rows) ws.addRow(input.columns.map((c) => c.value(row))).commit();
  ws.commit();
  await wb.commit();
  await done;
  return Buffer.concat(chunks);
}

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export function xlsxResponse(buffer: Buffer, filename: string) {
  return new Response(new Uint8Array(buffer), {
    headers: {
      "Content-Type": XLSX_TYPE,
      "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(filename)}`,
      "Cache-Control": "private, no-store",
    },
  });
}
