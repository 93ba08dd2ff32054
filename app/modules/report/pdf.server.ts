import fs from "node:fs";
import PDFDocument from "pdfkit";
import { failure } from "~/infra/failure";
import { fixedT } from "~/modules/i18n/i18n.server";
import type { RecordT } from "~/modules/lot/record-view";

// Printed records are in Chinese, the language of record, whatever the reader's language.
const zhT = () => fixedT("zh-CN") as RecordT;

/**
 * A small document-building API over pdfkit for the printed records: A4, a CJK font embedded as
 * a subset (pdfkit writes a ToUnicode map, so the text can be searched and extracted), headings,
 * key–value tables, ruled tables that break across pages with their header repeated, images.
 */

const FONT_DIR = process.env.CJK_FONT_DIR ?? "/usr/share/fonts/opentype/noto";
const REGULAR = { file: "NotoSansCJK-Regular.ttc", postscript: "NotoSansCJKsc-Regular" };
const BOLD = { file: "NotoSansCJK-Bold.ttc", postscript: "NotoSansCJKsc-Bold" };

function fontPath(file: string) {
  const full = `${FONT_DIR}/${file}`;
  if (!fs.existsSync(full))
    throw failure("font", `CJK font missing: ${full} (install fonts-noto-cjk)`);
  return full;
}

export type Column = { header: string; width: number; align?: "left" | "center" | "right" };
export type Cell =
  | string
  | {
      text: string;
      bold?: boolean;
      image?: Buffer;
      imageHeight?: number;
      /** Text in runs, some struck through (corrected values); `text` is their concatenation. */
      runs?: { text: string; strike?: boolean }[];
    };

const MARGIN = 48;
const LINE = 0.6;

export class PdfReport {
  private readonly doc: PDFKit.PDFDocument;
  private readonly chunks: Buffer[] = [];
  private readonly done: Promise<void>;

  constructor(
    readonly title: string,
    private readonly footer: string,
    options: { landscape?: boolean } = {},
  ) {
    this.doc = new PDFDocument({
      size: "A4",
      layout: options.landscape ? "landscape" : "portrait",
      margins: { top: MARGIN, bottom: MARGIN + 12, left: MARGIN, right: MARGIN },
      bufferPages: true,
      info: { Title: title, Producer: zhT()("lot:record.printed.producer", {}) },
    });
    this.doc.registerFont("cjk", fontPath(REGULAR.file), REGULAR.postscript);
    this.doc.registerFont("cjk-bold", fontPath(BOLD.file), BOLD.postscript);
    this.doc.font("cjk").fontSize(10);
    this.doc.on("data", (c: Buffer) => this.chunks.push(c));
    this.done = new Promise((resolve) => this.doc.on("end", () => resolve()));
  }

  get width() {
    return this.doc.page.width - MARGIN * 2;
  }

  heading(text: string, size = 18) {
    this.doc.font("cjk-bold").fontSize(size).text(text, { align: "center" });
    this.doc.font("cjk").fontSize(10).moveDown(0.5);
    return this;
  }

  line(text: string, options: { align?: "left" | "right" | "center"; size?: number } = {}) {
    this.doc
      .font("cjk")
      .fontSize(options.size ?? 10)
      .text(text, MARGIN, this.doc.y, { width: this.width, align: options.align ?? "left" });
    this.doc.fontSize(10);
    return this;
  }

  space(lines = 0.5) {
    this.doc.moveDown(lines);
    return this;
  }

  /** Label–value pairs laid out as a ruled grid, `pairsPerRow` pairs on each row. */
  keyValues(pairs: [string, string][], pairsPerRow = 2) {
    const labelW = 90;
    const valueW = this.width / pairsPerRow - labelW;
    const columns: Column[] = [];
    for (let i = 0; i < pairsPerRow; i += 1)
      columns.push({ header: "", width: labelW }, { header: "", width: valueW });
    const rows: Cell[][] = [];
    for (let i = 0; i < pairs.length; i += pairsPerRow) {
      const row: Cell[] = [];
      for (const [k, v] of pairs.slice(i, i + pairsPerRow)) row.push({ text: k, bold: true }, v);
      while (row.length < columns.length) row.push("");
      rows.push(row);
    }
    return this.table(columns, rows, { header: false });
  }

  /** A ruled table; widths are fractions of the printable width when they sum to ≤ 1. */
  /**
   * `compact`: 8 pt text, tighter padding (a 附录E table on one A4 page where it fits).
   * `keepWithNext`: the height of the block that follows; when the last row and that block do
   * not fit on the page, the last row starts a new page, so the block is never alone there.
   */
  table(
    columns: Column[],
    rows: Cell[][],
    options: { header?: boolean; compact?: boolean; keepWithNext?: number } = {},
  ) {
    const doc = this.doc;
    const total = columns.reduce((s, c) => s + c.width, 0);
    const widths = columns.map((c) => (total <= 1.0001 ? c.width * this.width : c.width));
    const pad = options.compact ? 2.5 : 4;
    const size = options.compact ? 8 : 9;
    const cellText = (c: Cell) => (typeof c === "string" ? c : c.text);
    const heightOf = (cells: Cell[], bold: boolean) =>
      Math.max(
        options.compact ? 13 : 18,
        ...cells.map((c, i) => {
          if (typeof c !== "string" && c.image) return (c.imageHeight ?? 40) + pad * 2;
          doc.font(bold || (typeof c !== "string" && c.bold) ? "cjk-bold" : "cjk").fontSize(size);
          return (
            doc.heightOfString(cellText(c) || " ", { width: (widths[i] ?? 40) - pad * 2 }) + pad * 2
          );
        }),
      );
    const drawRow = (cells: Cell[], bold: boolean, shade: boolean, reserve = 0) => {
      const h = heightOf(cells, bold);
      if (doc.y + h + reserve > doc.page.height - doc.page.margins.bottom) {
        doc.addPage();
        if (options.header !== false)
          drawRow(
            columns.map((c) => c.header),
            true,
            true,
          );
      }
      const y = doc.y;
      let x = MARGIN;
      cells.forEach((c, i) => {
        const w = widths[i] ?? 40;
        if (shade) doc.rect(x, y, w, h).fillColor("#eeeeee").fill();
        doc.lineWidth(LINE).strokeColor("#000000").rect(x, y, w, h).stroke();
        doc.fillColor("#000000");
        if (typeof c !== "string" && c.image) {
          doc.image(c.image, x + pad, y + pad, { fit: [w - pad * 2, c.imageHeight ?? 40] });
        } else if (typeof c !== "string" && c.runs && c.runs.length > 0) {
          doc.font("cjk").fontSize(size);
          c.runs.forEach((run, k) => {
            const options = {
              width: w - pad * 2,
              strike: run.strike ?? false,
              continued: k < (c.runs?.length ?? 0) - 1,
            };
            if (k === 0) doc.text(run.text, x + pad, y + pad, options);
            else doc.text(run.text, options);
          });
        } else {
          doc.font(bold || (typeof c !== "string" && c.bold) ? "cjk-bold" : "cjk").fontSize(size);
          doc.text(cellText(c), x + pad, y + pad, {
            width: w - pad * 2,
            align: columns[i]?.align ?? "left",
          });
        }
        x += w;
      });
      doc.x = MARGIN;
      doc.y = y + h;
    };
    if (options.header !== false)
      drawRow(
        columns.map((c) => c.header),
        true,
        true,
      );
    rows.forEach((row, i) => {
      drawRow(row, false, false, i === rows.length - 1 ? (options.keepWithNext ?? 0) : 0);
    });
    doc.font("cjk").fontSize(10).moveDown(0.5);
    return this;
  }

  image(png: Buffer, options: { width?: number; height?: number } = {}) {
    this.doc.image(png, MARGIN, this.doc.y, { fit: [options.width ?? 160, options.height ?? 60] });
    this.doc.y += (options.height ?? 60) + 4;
    return this;
  }

  newPage() {
    this.doc.addPage();
    return this;
  }

  /** Keeps the next block of about `height` points together on one page. */
  keep(height: number) {
    if (this.doc.y + height > this.doc.page.height - this.doc.page.margins.bottom)
      this.doc.addPage();
    return this;
  }

  async toBuffer(): Promise<Buffer> {
    const range = this.doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i += 1) {
      this.doc.switchToPage(i);
      const bottom = this.doc.page.height - MARGIN + 6;
      this.doc.page.margins.bottom = 0;
      this.doc
        .font("cjk")
        .fontSize(8)
        .fillColor("#444444")
        .text(
          zhT()("lot:record.printed.pageFooter", {
            footer: this.footer,
            page: i + 1,
            pages: range.count,
          }),
          MARGIN,
          bottom,
          {
            width: this.width,
            align: "center",
            lineBreak: false,
          },
        );
    }
    this.doc.end();
    await this.done;
    return Buffer.concat(this.chunks);
  }
}

export function pdfResponse(pdf: Buffer, filename: string) {
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(filename)}`,
      "Cache-Control": "private, no-store",
    },
  });
}
