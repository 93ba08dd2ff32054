/** What a drawing upload may be: data, not literals in the code that checks it. */

/** 1 PDF point = 1/72 inch; A-series sheet sizes in points (portrait width × height). */
export const PT_PER_MM = 72 / 25.4;
export const A0_PT = { width: 841 * PT_PER_MM, height: 1189 * PT_PER_MM };
export const A1_PT = { width: 594 * PT_PER_MM, height: 841 * PT_PER_MM };

export type DrawingLimits = {
  maxFileBytes: number;
  maxPages: number;
  maxPageAreaPt2: number;
  maxPageSidePt: number;
  minPageSidePt: number;
  fullLongSidePx: number;
  maxDpi: number;
  previewLongSidePx: number;
  minImageSidePx: number;
  maxImagePixels: number;
};

export const DRAWING_LIMITS: DrawingLimits = {
  /** largest uploaded file */
  maxFileBytes: 80 * 1024 * 1024,
  /** pages in one PDF set */
  maxPages: 60,
  /** a page larger than twice A0 (by area, or a side longer than twice A0's long side) */
  maxPageAreaPt2: 2 * A0_PT.width * A0_PT.height,
  maxPageSidePt: 2 * A0_PT.height,
  /** smallest page side: anything smaller is not a drawing */
  minPageSidePt: 72,
  /** the full image's long side: A1 at ~150 dpi stays sharp at 4× zoom on a tablet */
  fullLongSidePx: 5000,
  /** never above this resolution, so an A4 page is not blown up to 5000 px */
  maxDpi: 300,
  /** the preview painted first */
  previewLongSidePx: 1024,
  /** an uploaded image sheet: its short side at least this (a smaller one is not a drawing) */
  minImageSidePx: 600,
  /** an uploaded image sheet: pixels accepted (decoded) */
  maxImagePixels: 60_000_000,
};

export type PageCheck =
  | { ok: true }
  | { ok: false; code: "pageTooLarge" | "pageTooSmall"; page: number; size: string };

/** Whether one page's size (points) is acceptable. Pure. */
export function checkPageSize(
  page: { width: number; height: number; index: number },
  limits: Pick<
    DrawingLimits,
    "maxPageAreaPt2" | "maxPageSidePt" | "minPageSidePt"
  > = DRAWING_LIMITS,
): PageCheck {
  const mm = (pt: number) => Math.round(pt / PT_PER_MM);
  const size = `${mm(page.width)}×${mm(page.height)} mm`;
  if (
    page.width * page.height > limits.maxPageAreaPt2 ||
    Math.max(page.width, page.height) > limits.maxPageSidePt
  )
    return { ok: false, code: "pageTooLarge", page: page.index + 1, size };
  if (Math.min(page.width, page.height) < limits.minPageSidePt)
    return { ok: false, code: "pageTooSmall", page: page.index + 1, size };
  return { ok: true };
}

/** The render scale (pixels per point) for a page: the long side at fullLongSidePx, capped by maxDpi. */
export function renderScale(
  page: { width: number; height: number },
  limits: Pick<DrawingLimits, "fullLongSidePx" | "maxDpi"> = DRAWING_LIMITS,
): number {
  const longSide = Math.max(page.width, page.height);
  return Math.min(limits.fullLongSidePx / longSide, limits.maxDpi / 72);
}
