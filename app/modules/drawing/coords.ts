/** Sheet-relative coordinates (0..1 of width and height) and the viewer's transform. Pure. */

export type Point = { x: number; y: number };
/** screen = offset + scale × image pixel */
export type View = { scale: number; tx: number; ty: number };

export const clamp01 = (v: number) => Math.min(1, Math.max(0, v));

export function isSheetPoint(p: Point): boolean {
  return (
    Number.isFinite(p.x) && Number.isFinite(p.y) && p.x >= 0 && p.x <= 1 && p.y >= 0 && p.y <= 1
  );
}

/** The view that fits an image of w×h into a box, centred. */
export function fitView(image: { w: number; h: number }, box: { w: number; h: number }): View {
  const scale = Math.min(box.w / image.w, box.h / image.h);
  return { scale, tx: (box.w - image.w * scale) / 2, ty: (box.h - image.h * scale) / 2 };
}

/** A point in the box (screen pixels, relative to the box) → sheet-relative, or null outside the sheet. */
export function screenToSheet(
  screen: Point,
  view: View,
  image: { w: number; h: number },
): Point | null {
  const x = (screen.x - view.tx) / view.scale / image.w;
  const y = (screen.y - view.ty) / view.scale / image.h;
  const p = { x, y };
  return isSheetPoint(p) ? p : null;
}

export function sheetToScreen(p: Point, view: View, image: { w: number; h: number }): Point {
  return { x: view.tx + p.x * image.w * view.scale, y: view.ty + p.y * image.h * view.scale };
}

/** Zoom by `factor` keeping the screen point `at` fixed, within [minScale, maxScale]. */
export function zoomAt(
  view: View,
  factor: number,
  at: Point,
  minScale: number,
  maxScale: number,
): View {
  const scale = Math.min(maxScale, Math.max(minScale, view.scale * factor));
  const k = scale / view.scale;
  return { scale, tx: at.x - (at.x - view.tx) * k, ty: at.y - (at.y - view.ty) * k };
}

/**
 * CSS for a crop of the sheet around a pin: the image scaled so `zoom` × the box width spans the
 * sheet's width, shifted so the pin sits in the middle (clamped at the sheet's edges).
 */
export function cropAround(
  p: Point,
  image: { w: number; h: number },
  box: { w: number; h: number },
  zoom: number,
): { width: number; height: number; left: number; top: number; pinLeft: number; pinTop: number } {
  const width = box.w * zoom;
  const height = (width * image.h) / image.w;
  const left = Math.min(0, Math.max(box.w - width, box.w / 2 - p.x * width));
  const top = Math.min(0, Math.max(box.h - height, box.h / 2 - p.y * height));
  return { width, height, left, top, pinLeft: left + p.x * width, pinTop: top + p.y * height };
}

/** Rounded so a stored pin and its URL agree (1e-5 of an A1 long side ≈ 0.01 mm). */
export const roundCoord = (v: number) => Math.round(v * 1e5) / 1e5;
