/**
 * Photo markup: a vector layer of arrows, ellipses, rectangles and short texts over a photo.
 * Positions are fractions of the image's width and height (0..1), so the same layer fits the
 * display copy, the thumbnail and a PDF. Pure: schema, canonical form, SVG.
 */

import type { MessageParams } from "~/infra/domain-error";
import { z } from "~/infra/zod";
import type { MessageKey } from "~/locales/resources";

// Zod's messages here are message keys; parseAnnotation hands them back with their parameters.
const E = {
  notNumber: "photo:errors.annotation.notNumber",
  outside: "photo:errors.annotation.outside",
  badColour: "photo:errors.annotation.badColour",
  textEmpty: "photo:errors.annotation.textEmpty",
  textTooLong: "photo:errors.annotation.textTooLong",
  controlCharacters: "photo:errors.annotation.controlCharacters",
  unknownShape: "photo:errors.annotation.unknownShape",
  invalidLayer: "photo:errors.annotation.invalidLayer",
  tooMany: "photo:errors.annotation.tooMany",
  badJson: "photo:errors.annotation.badJson",
  invalid: "photo:errors.annotation.invalid",
} as const satisfies Record<string, MessageKey>;
const KEYS = new Set<string>(Object.values(E));

export const ANNOTATION_COLORS = ["red", "yellow", "white"] as const;
export type AnnotationColor = (typeof ANNOTATION_COLORS)[number];
export const COLOR_HEX: Record<AnnotationColor, string> = {
  red: "#e0201b",
  yellow: "#ffd400",
  white: "#ffffff",
};
export const MAX_SHAPES = 40;
export const MAX_TEXT = 30;

type Frac = number;
/** One shape of the layer; positions are fractions of the image (0..1). */
export type Shape =
  | { kind: "arrow"; x1: Frac; y1: Frac; x2: Frac; y2: Frac; color: AnnotationColor }
  | { kind: "ellipse" | "rect"; x: Frac; y: Frac; w: Frac; h: Frac; color: AnnotationColor }
  | { kind: "text"; x: Frac; y: Frac; text: string; color: AnnotationColor };

// Built on first use: the tablet's markup editor imports this module for its constants and SVG,
// and a schema built at import time would put zod into the lot page's bundle.
function annotationSchema() {
  const frac = z.number({ error: E.notNumber }).finite().min(0, E.outside).max(1, E.outside);
  const color = z.enum(ANNOTATION_COLORS, { error: E.badColour });

  const box = { x: frac, y: frac, w: frac, h: frac, color };

  const shape = z.discriminatedUnion(
    "kind",
    [
      z
        .object({ kind: z.literal("arrow"), x1: frac, y1: frac, x2: frac, y2: frac, color })
        .strict(),
      z.object({ kind: z.literal("ellipse"), ...box }).strict(),
      z.object({ kind: z.literal("rect"), ...box }).strict(),
      z
        .object({
          kind: z.literal("text"),
          x: frac,
          y: frac,
          text: z
            .string()
            .trim()
            .min(1, E.textEmpty)
            .max(MAX_TEXT, E.textTooLong)
            .refine(
              (t) => ![...t].some((ch) => ch.charCodeAt(0) < 32 || ch.charCodeAt(0) === 127),
              E.controlCharacters,
            ),
          color,
        })
        .strict(),
    ],
    { error: E.unknownShape },
  );

  return z.array(shape, { error: E.invalidLayer }).max(MAX_SHAPES, E.tooMany);
}
let schema: ReturnType<typeof annotationSchema> | undefined;

/** Why a layer was refused: a message key and its parameters. */
export type AnnotationRefusal = { ok: false; code: MessageKey; params: MessageParams };

/** Parses what the browser sent (a JSON string); a message key when it is not a valid layer. */
export function parseAnnotation(raw: string): { ok: true; shapes: Shape[] } | AnnotationRefusal {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return { ok: false, code: E.badJson, params: {} };
  }
  schema ??= annotationSchema();
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const message = parsed.error.issues[0]?.message ?? "";
    const code = KEYS.has(message) ? (message as MessageKey) : E.invalid;
    const params: MessageParams =
      code === E.textTooLong ? { max: MAX_TEXT } : code === E.tooMany ? { max: MAX_SHAPES } : {};
    return { ok: false, code, params };
  }
  return { ok: true, shapes: (parsed.data as Shape[]).map(roundShape) };
}

/** Four decimals (0.1 px on a 1,000 px photo): the stored and hashed form. */
const r4 = (n: number) => Math.round(n * 10_000) / 10_000;
function roundShape(s: Shape): Shape {
  if (s.kind === "arrow") return { ...s, x1: r4(s.x1), y1: r4(s.y1), x2: r4(s.x2), y2: r4(s.y2) };
  if (s.kind === "text") return { ...s, x: r4(s.x), y: r4(s.y) };
  return { ...s, x: r4(s.x), y: r4(s.y), w: r4(s.w), h: r4(s.h) };
}

const esc = (t: string) =>
  t.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const n1 = (n: number) => Math.round(n * 10) / 10;

/** The layer as SVG of the image's pixel size, to composite over the photo. */
export function annotationSvg(shapes: readonly Shape[], width: number, height: number): string {
  const unit = Math.min(width, height);
  const stroke = Math.max(3, n1(unit * 0.008));
  const font = Math.max(14, n1(unit * 0.05));
  const parts = shapes.map((s) => {
    const c = COLOR_HEX[s.color];
    const halo = `stroke="#000" stroke-opacity="0.45" stroke-width="${n1(stroke * 2)}"`;
    if (s.kind === "arrow") {
      const [x1, y1, x2, y2] = [s.x1 * width, s.y1 * height, s.x2 * width, s.y2 * height];
      const angle = Math.atan2(y2 - y1, x2 - x1);
      const head = stroke * 5;
      const p = (a: number) =>
        `${n1(x2 - head * Math.cos(angle + a))},${n1(y2 - head * Math.sin(angle + a))}`;
      const line = `x1="${n1(x1)}" y1="${n1(y1)}" x2="${n1(x2)}" y2="${n1(y2)}"`;
      const tip = `${n1(x2)},${n1(y2)} ${p(0.45)} ${p(-0.45)}`;
      return `<line ${line} ${halo} stroke-linecap="round"/><line ${line} stroke="${c}" stroke-width="${stroke}" stroke-linecap="round"/><polygon points="${tip}" fill="${c}" stroke="#000" stroke-opacity="0.45" stroke-width="1"/>`;
    }
    if (s.kind === "text") {
      return `<text x="${n1(s.x * width)}" y="${n1(s.y * height)}" font-family="Noto Sans CJK SC, sans-serif" font-size="${font}" font-weight="700" fill="${c}" stroke="#000" stroke-width="${n1(font / 8)}" paint-order="stroke" dominant-baseline="middle">${esc(s.text)}</text>`;
    }
    const [x, y, w, h] = [s.x * width, s.y * height, s.w * width, s.h * height];
    const shape =
      s.kind === "rect"
        ? `rect x="${n1(x)}" y="${n1(y)}" width="${n1(w)}" height="${n1(h)}"`
        : `ellipse cx="${n1(x + w / 2)}" cy="${n1(y + h / 2)}" rx="${n1(w / 2)}" ry="${n1(h / 2)}"`;
    return `<${shape} fill="none" ${halo}/><${shape} fill="none" stroke="${c}" stroke-width="${stroke}"/>`;
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${parts.join("")}</svg>`;
}
