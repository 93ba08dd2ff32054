import { describe, expect, it } from "vitest";
import { annotationSvg, MAX_SHAPES, parseAnnotation } from "./annotation";

const arrow = { kind: "arrow", x1: 0.1, y1: 0.1, x2: 0.5, y2: 0.5, color: "red" };
const text = { kind: "text", x: 0.2, y: 0.8, text: "栏杆高度不足", color: "yellow" };

describe("parseAnnotation", () => {
  it("accepts arrows, ellipses, rectangles and texts with positions relative to the image", () => {
    const r = parseAnnotation(
      JSON.stringify([
        arrow,
        text,
        { kind: "ellipse", x: 0.3, y: 0.3, w: 0.2, h: 0.1, color: "white" },
        { kind: "rect", x: 0, y: 0, w: 1, h: 1, color: "red" },
      ]),
    );
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.shapes.map((s) => s.kind)).toEqual(["arrow", "text", "ellipse", "rect"]);
  });

  it("rounds positions to four decimals, the stored and hashed form", () => {
    const r = parseAnnotation(JSON.stringify([{ ...arrow, x1: 0.123456789 }]));
    expect(r.ok && r.shapes[0]?.kind === "arrow" && r.shapes[0].x1).toBe(0.1235);
  });

  it("refuses positions outside the photo, unknown shapes, extra fields, long or empty text", () => {
    const bad = (v: unknown) => parseAnnotation(JSON.stringify(v));
    expect(bad([{ ...arrow, x2: 1.2 }])).toEqual({
      ok: false,
      code: "photo:errors.annotation.outside",
      params: {},
    });
    expect(bad([{ ...arrow, kind: "star" }]).ok).toBe(false);
    expect(bad([{ ...arrow, onclick: "x" }]).ok).toBe(false);
    expect(bad([{ ...text, text: "字".repeat(31) }])).toEqual({
      ok: false,
      code: "photo:errors.annotation.textTooLong",
      params: { max: 30 },
    });
    expect(bad([{ ...text, text: "  " }])).toMatchObject({
      code: "photo:errors.annotation.textEmpty",
    });
    expect(bad(Array.from({ length: MAX_SHAPES + 1 }, () => arrow)).ok).toBe(false);
    expect(bad(Array.from({ length: MAX_SHAPES + 1 }, () => arrow))).toMatchObject({
      code: "photo:errors.annotation.tooMany",
      params: { max: MAX_SHAPES },
    });
    expect(parseAnnotation("{not json")).toMatchObject({ code: "photo:errors.annotation.badJson" });
  });
});

describe("annotationSvg", () => {
  it("draws in the image's pixels and escapes text", () => {
    const svg = annotationSvg(
      [
        { kind: "arrow", x1: 0, y1: 0, x2: 0.5, y2: 0.5, color: "red" },
        { kind: "text", x: 0.5, y: 0.5, text: '<script>"&', color: "white" },
      ],
      800,
      600,
    );
    expect(svg).toContain('width="800" height="600"');
    expect(svg).toContain('x2="400" y2="300"');
    expect(svg).toContain("&lt;script&gt;&quot;&amp;");
    expect(svg).not.toContain("<script>");
  });
});
