import * as mupdf from "mupdf";
import { PDFDocument } from "pdf-lib";
import { drawingSetPdf, MM } from "../../prisma/seed/drawing-pdf";

export { drawingSetPdf };

/** A real PDF encrypted with AES-256 and an open password (pdf-lib cannot encrypt; mupdf can). */
export async function encryptedPdf(): Promise<Buffer> {
  const plain = await drawingSetPdf([{ number: "X-01", title: "SECRET" }], { detail: 2 });
  const doc = mupdf.Document.openDocument(plain, "application/pdf").asPDF()!;
  const out = doc.saveToBuffer("encrypt=aes-256,user-password=secret,owner-password=owner");
  return Buffer.from(out.asUint8Array());
}

/** Many small blank pages (cheap to generate, over any page limit). */
export async function manyPagesPdf(pages: number): Promise<Buffer> {
  const doc = await PDFDocument.create();
  for (let i = 0; i < pages; i++) doc.addPage([420 * MM, 297 * MM]);
  return Buffer.from(await doc.save());
}

/** One page of 5 × 5 m: far over twice A0. */
export async function enormousPagePdf(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.addPage([5000 * MM, 5000 * MM]);
  return Buffer.from(await doc.save());
}

/** A PDF header followed by garbage: passes the sniff, fails to open. */
export function corruptPdf(): Buffer {
  return Buffer.concat([
    Buffer.from("%PDF-1.7\n"),
    Buffer.alloc(4000, 0x41),
    Buffer.from("\n%%EOF\n"),
  ]);
}

/** A ZIP archive's first bytes named .pdf */
export function zipNamedPdf(): Buffer {
  return Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 0)]);
}
