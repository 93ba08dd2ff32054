import { describe, expect, it } from "vitest";
import { DomainError } from "~/infra/domain-error";
import { cropAround, fitView, screenToSheet, sheetToScreen, zoomAt } from "./coords";
import { A0_PT, A1_PT, checkPageSize, DRAWING_LIMITS, renderScale } from "./limits";
import { nextFreeStart, planSheets, supersessionToken } from "./plan";
import { compareRevisions, nextRevision, normalizeSheetNumber, numberForPage } from "./revision";
import { sniffDrawingFormat } from "./sniff";

describe("revision letters", () => {
  it("orders by length then alphabet and counts on past Z", () => {
    expect(["B", "AA", "A", "Z"].sort(compareRevisions)).toEqual(["A", "B", "Z", "AA"]);
    expect(nextRevision(null)).toBe("A");
    expect(nextRevision("A")).toBe("B");
    expect(nextRevision("Z")).toBe("AA");
    expect(nextRevision("AZ")).toBe("BA");
    expect(nextRevision("ZZ")).toBe("AAA");
  });
  it("numbers pages from a prefix and normalises numbers", () => {
    expect(numberForPage("电施-", 1, 0)).toBe("电施-01");
    expect(numberForPage("电施-", 9, 3)).toBe("电施-12");
    expect(normalizeSheetNumber("  电施-03 ")).toBe("电施-03");
    expect(normalizeSheetNumber("a/b")).toBeNull();
    expect(normalizeSheetNumber("")).toBeNull();
  });
});

describe("planning a set", () => {
  const base = {
    discipline: "电气",
    numberPrefix: "电施-",
    startNumber: 1,
    pageLines: [],
    defaultTitle: "照明平面图",
    revision: null,
  };
  it("new numbers start at A; existing ones get their next revision", () => {
    const plan = planSheets(
      3,
      { ...base, pageLines: ["", "电施-02 动力 平面图"] },
      new Map([["电施-02", "B"]]),
    );
    expect(plan).toEqual([
      { pageIndex: 0, number: "电施-01", title: "照明平面图", revision: "A", supersedes: null },
      { pageIndex: 1, number: "电施-02", title: "动力 平面图", revision: "C", supersedes: "B" },
      { pageIndex: 2, number: "电施-03", title: "照明平面图", revision: "A", supersedes: null },
    ]);
  });
  it("refuses duplicates, too many lines, bad or older revisions", () => {
    const refusal = (f: () => unknown) => {
      try {
        f();
      } catch (error) {
        return error instanceof DomainError ? [error.code, error.params, error.status] : error;
      }
      return null;
    };
    expect(refusal(() => planSheets(2, { ...base, pageLines: ["X-1", "X-1"] }, new Map()))).toEqual(
      ["drawing:errors.duplicateNumber", { number: "X-1" }, 400],
    );
    expect(refusal(() => planSheets(1, { ...base, pageLines: ["a", "b"] }, new Map()))).toEqual([
      "drawing:errors.tooManyLines",
      { lines: 2, pages: 1 },
      400,
    ]);
    expect(refusal(() => planSheets(1, { ...base, revision: "b" }, new Map()))).toEqual([
      "drawing:errors.badRevision",
      {},
      400,
    ]);
    expect(
      refusal(() => planSheets(1, { ...base, revision: "B" }, new Map([["电施-01", "B"]]))),
    ).toEqual([
      "drawing:errors.revisionNotLater",
      { number: "电施-01", current: "B", next: "C" },
      409,
    ]);
  });
});

describe("limits", () => {
  it("accepts A0 and A1, refuses more than twice A0 and tiny pages", () => {
    expect(checkPageSize({ ...A0_PT, index: 0 }).ok).toBe(true);
    expect(checkPageSize({ width: A0_PT.height * 2, height: A0_PT.width, index: 0 }).ok).toBe(true);
    const huge = checkPageSize({ width: A0_PT.height * 2.1, height: A0_PT.width, index: 4 });
    expect(huge).toEqual({ ok: false, code: "pageTooLarge", page: 5, size: "2497×841 mm" });
    expect(checkPageSize({ width: 50, height: 500, index: 0 }).ok).toBe(false);
  });
  it("renders A1 at the target long side and small pages at most at maxDpi", () => {
    const a1 = renderScale({ width: A1_PT.height, height: A1_PT.width });
    expect(Math.round(A1_PT.height * a1)).toBe(DRAWING_LIMITS.fullLongSidePx);
    expect(renderScale({ width: 595, height: 842 })).toBeCloseTo(300 / 72);
  });
  it("sniffs PDFs by their header, images by magic bytes, nothing else", () => {
    expect(sniffDrawingFormat(Buffer.from("%PDF-1.7\n…"))).toBe("pdf");
    expect(sniffDrawingFormat(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(
      "png",
    );
    expect(sniffDrawingFormat(Buffer.from([0x50, 0x4b, 0x03, 0x04]))).toBeNull();
  });
});

describe("sheet coordinates", () => {
  const image = { w: 4000, h: 2000 };
  it("fits, converts both ways and keeps the zoom point fixed", () => {
    const view = fitView(image, { w: 1000, h: 700 });
    expect(view).toEqual({ scale: 0.25, tx: 0, ty: 100 });
    expect(screenToSheet({ x: 500, y: 350 }, view, image)).toEqual({ x: 0.5, y: 0.5 });
    expect(screenToSheet({ x: 500, y: 50 }, view, image)).toBeNull();
    const zoomed = zoomAt(view, 4, { x: 250, y: 200 }, 0.1, 2);
    expect(zoomed.scale).toBe(1);
    const p = screenToSheet({ x: 250, y: 200 }, view, image)!;
    expect(sheetToScreen(p, zoomed, image)).toEqual({ x: 250, y: 200 });
    expect(zoomAt(view, 100, { x: 0, y: 0 }, 0.1, 2).scale).toBe(2);
  });
  it("crops around a pin, clamped at the sheet's edges", () => {
    const mid = cropAround({ x: 0.5, y: 0.5 }, image, { w: 300, h: 200 }, 3);
    expect(mid).toMatchObject({ width: 900, height: 450, pinLeft: 150, pinTop: 100 });
    const corner = cropAround({ x: 0, y: 0 }, image, { w: 300, h: 200 }, 3);
    expect(corner).toMatchObject({ left: 0, top: 0, pinLeft: 0, pinTop: 0 });
  });
});

describe("confirming a set that supersedes sheets", () => {
  const base = {
    discipline: "电气",
    numberPrefix: "电施-",
    startNumber: 1,
    pageLines: [],
    defaultTitle: "",
    revision: null,
  };
  it("names each superseded sheet with its old and new revision, nothing for new sheets", () => {
    const current = new Map([
      ["电施-01", "A"],
      ["电施-03", "C"],
    ]);
    expect(supersessionToken(planSheets(3, base, current))).toBe("电施-01:A>B|电施-03:C>D");
    expect(supersessionToken(planSheets(2, { ...base, startNumber: 4 }, current))).toBe("");
  });
  it("the default start number follows the highest existing number of that prefix", () => {
    expect(nextFreeStart([], "电施-")).toBe(1);
    expect(nextFreeStart(["电施-01", "电施-02", "水施-07", "电施-总图"], "电施-")).toBe(3);
    expect(nextFreeStart(["电施-1", "电施-12"], "电施-")).toBe(13);
    // The proposed numbers then do not collide with any existing sheet.
    const plan = planSheets(2, { ...base, startNumber: 3 }, new Map([["电施-02", "A"]]));
    expect(plan.map((p) => p.supersedes)).toEqual([null, null]);
  });
});
