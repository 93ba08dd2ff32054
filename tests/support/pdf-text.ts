import * as mupdf from "mupdf";

/** The text of every page, as a reader copying it would get it. */
export function pdfText(pdf: Buffer): string {
  const doc = mupdf.Document.openDocument(pdf, "application/pdf");
  let text = "";
  for (let i = 0; i < doc.countPages(); i += 1)
    text += doc.loadPage(i).toStructuredText("preserve-whitespace").asText();
  return text;
}

/** How many images are drawn on the pages (each placed thumbnail or signature counts once). */
export function pdfImageCount(pdf: Buffer): number {
  const doc = mupdf.Document.openDocument(pdf, "application/pdf");
  let count = 0;
  for (let i = 0; i < doc.countPages(); i += 1)
    doc
      .loadPage(i)
      .toStructuredText("preserve-images")
      .walk({
        onImageBlock: () => {
          count += 1;
        },
      });
  return count;
}

/** One page rendered as a PNG (to look at a generated record in a test's output). */
export function pdfPagePng(pdf: Buffer, page = 0, scale = 1.5): Buffer {
  const doc = mupdf.Document.openDocument(pdf, "application/pdf");
  const pixmap = doc
    .loadPage(page)
    .toPixmap(mupdf.Matrix.scale(scale, scale), mupdf.ColorSpace.DeviceRGB, false);
  return Buffer.from(pixmap.asPNG());
}
