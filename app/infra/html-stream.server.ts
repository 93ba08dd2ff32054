import { Transform } from "node:stream";

/**
 * React 18's renderToPipeableStream (18.3.1 included) buffers its output in 2,048-byte views;
 * when the next character does not fit in the bytes left, it still writes the whole view, so
 * one to three NUL bytes land in the page, shown as U+FFFD between two Chinese characters
 * (react#24985, react#31134; fixed in React 19 by react#26228). Only such full views end in
 * zeros: HTML text never holds a NUL, so trimming them restores the page exactly.
 */
const VIEW_SIZE = 2048;

export function withoutStrayNuls(): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      if (chunk.length !== VIEW_SIZE) return callback(null, chunk);
      let end = chunk.length;
      while (end > chunk.length - 3 && chunk[end - 1] === 0) end--;
      callback(null, end === chunk.length ? chunk : chunk.subarray(0, end));
    },
  });
}
