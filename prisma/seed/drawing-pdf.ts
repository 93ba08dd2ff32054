import { PDFDocument, type PDFPage, rgb, StandardFonts } from "pdf-lib";

export const MM = 72 / 25.4;
/** A1 landscape, 841 × 594 mm, in points */
export const A1_LANDSCAPE = { width: 841 * MM, height: 594 * MM };

export type SheetSpec = { number: string; title: string; revision?: string };

/**
 * A vector drawing set: per page a simple floor plan (walls, a grid of rooms, dimension ticks,
 * cable runs) and a title block in English and numbers (the standard PDF fonts carry no Chinese).
 */
export async function drawingSetPdf(
  sheets: SheetSpec[],
  options: { size?: { width: number; height: number }; detail?: number; seed?: number } = {},
): Promise<Uint8Array> {
  const size = options.size ?? A1_LANDSCAPE;
  const doc = await PDFDocument.create();
  // Fixed dates: the same drawings give the same bytes (pdf-lib stamps "now" otherwise, so a
  // re-generated set would differ from the stored one by its date alone).
  doc.setCreationDate(new Date("2021-03-01T00:00:00Z"));
  doc.setModificationDate(new Date("2021-03-01T00:00:00Z"));
  const font = await doc.embedFont(StandardFonts.Helvetica);
  sheets.forEach((sheet, i) => {
    const page = doc.addPage([size.width, size.height]);
    drawPlan(page, options.detail ?? 12, (options.seed ?? 0) + i);
    titleBlock(page, font, sheet, i + 1, sheets.length);
  });
  return doc.save();
}

function drawPlan(page: PDFPage, detail: number, seed: number) {
  const { width, height } = page.getSize();
  const black = rgb(0, 0, 0);
  const margin = 20 * MM;
  page.drawRectangle({
    x: margin / 2,
    y: margin / 2,
    width: width - margin,
    height: height - margin,
    borderColor: black,
    borderWidth: 1.5,
  });
  const left = margin * 2;
  const bottom = margin * 3;
  const w = width - margin * 4;
  const h = height - margin * 5;
  page.drawRectangle({
    x: left,
    y: bottom,
    width: w,
    height: h,
    borderColor: black,
    borderWidth: 4,
  });
  const cols = detail;
  const rows = Math.max(2, Math.round(detail / 3));
  for (let c = 1; c < cols; c++) {
    const x = left + (w * c) / cols;
    page.drawLine({
      start: { x, y: bottom },
      end: { x, y: bottom + h },
      thickness: 2,
      color: black,
    });
    page.drawText(String.fromCharCode(65 + (c % 26)), { x: x - 4, y: bottom + h + 12, size: 14 });
  }
  for (let r = 1; r < rows; r++) {
    const y = bottom + (h * r) / rows;
    page.drawLine({ start: { x: left, y }, end: { x: left + w, y }, thickness: 2, color: black });
    page.drawText(String(r), { x: left - 24, y: y - 5, size: 14 });
  }
  // Cable runs and fixtures: thin coloured lines and circles, different on each page.
  const red = rgb(0.8, 0.1, 0.1);
  let state = (seed + 1) * 2654435761;
  const random = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  for (let k = 0; k < detail * 3; k++) {
    const x = left + w * (0.05 + 0.9 * random());
    const y = bottom + h * (0.05 + 0.9 * random());
    page.drawCircle({ x, y, size: 6, borderColor: red, borderWidth: 0.8 });
    page.drawLine({ start: { x, y }, end: { x: x + w / cols, y }, thickness: 0.6, color: red });
  }
}

function titleBlock(
  page: PDFPage,
  font: Awaited<ReturnType<PDFDocument["embedFont"]>>,
  sheet: SheetSpec,
  index: number,
  count: number,
) {
  const { width } = page.getSize();
  const x = width - 200 * MM;
  const y = 12 * MM;
  page.drawRectangle({
    x,
    y,
    width: 180 * MM,
    height: 30 * MM,
    borderColor: rgb(0, 0, 0),
    borderWidth: 1,
  });
  const lines = [
    `DEJIANG OLD COMPOUND RENOVATION 2021 - ${sheet.title}`,
    `SHEET ${sheet.number.replace(/[^\x20-\x7e]/g, "")}   REV ${sheet.revision ?? "A"}   ${index}/${count}`,
  ];
  lines.forEach((text, i) => {
    page.drawText(text, { x: x + 5 * MM, y: y + (20 - i * 10) * MM, size: 16, font });
  });
}
