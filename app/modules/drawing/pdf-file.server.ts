import fs from "node:fs";
import * as mupdf from "mupdf";

/**
 * A PDF on disk (a spooled upload) as a mupdf stream: mupdf reads the parts it needs (trailer,
 * cross-reference table, each page's objects) straight into its own memory, so checking a large
 * set never copies the whole file into the process. The document opened on it keeps it; the
 * file is closed when the document is destroyed and the caller has destroyed this stream.
 */
function pdfFileStream(file: string): mupdf.Stream {
  const fd = fs.openSync(file, "r");
  const size = fs.fstatSync(fd).size;
  return new mupdf.Stream({
    fileSize: () => size,
    read: (memory, offset, length, position) => fs.readSync(fd, memory, offset, length, position),
    close: () => fs.closeSync(fd),
  });
}

/** Opens a PDF on disk; the document holds the file open until `destroy()`. */
export function openPdfFile(file: string): mupdf.Document {
  const stream = pdfFileStream(file);
  try {
    return mupdf.Document.openDocument(stream, "application/pdf");
  } finally {
    stream.destroy();
  }
}
