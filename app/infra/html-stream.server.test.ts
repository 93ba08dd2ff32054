import { PassThrough, type Writable } from "node:stream";
import { text } from "node:stream/consumers";
import { createElement as h } from "react";
import { renderToPipeableStream } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { withoutStrayNuls } from "./html-stream.server";

/** A page of ASCII padding then Chinese text, so that some 3-byte character meets a 2 KB view's end. */
function render(padding: number, into: Writable & NodeJS.ReadableStream) {
  const notes = Array.from({ length: 400 }, (_, i) => h("li", { key: i }, "二层扶手已加固"));
  return new Promise<string>((resolve, reject) => {
    const { pipe } = renderToPipeableStream(
      h("main", null, h("p", null, "x".repeat(padding)), h("ul", null, notes)),
      {
        onAllReady() {
          pipe(into);
          text(into).then(resolve, reject);
        },
        onError: reject,
      },
    );
  });
}

describe("the streamed page", () => {
  it("has no NUL where React's 2 KB view ended inside a Chinese character", async () => {
    const bare = await Promise.all([0, 1, 2, 3, 4, 5].map((p) => render(p, new PassThrough())));
    // React 18.3.1 itself: at least one padding puts a character across a view's end.
    expect(bare.some((html) => html.includes("\u0000"))).toBe(true);

    const fixed = await Promise.all([0, 1, 2, 3, 4, 5].map((p) => render(p, withoutStrayNuls())));
    for (const html of fixed) {
      expect(html).not.toContain("\u0000");
      expect(html).not.toContain("\uFFFD");
      expect(html.match(/<li>二层扶手已加固<\/li>/g)).toHaveLength(400);
    }
  });
});
