import { describe, expect, it } from "vitest";
import { RENDER_STALLED_MS, renderStalled } from "./render-stall";

describe("renderStalled", () => {
  const queued = new Date("2026-12-01T08:00:00Z");
  const later = (ms: number) => new Date(queued.getTime() + ms);

  it("says nothing while a render may still be on its way", () => {
    expect(renderStalled("pending", queued, later(RENDER_STALLED_MS))).toBe(false);
  });

  it("flags a render pending longer than a worker takes", () => {
    expect(renderStalled("pending", queued, later(RENDER_STALLED_MS + 1))).toBe(true);
  });

  it("never flags a finished or failed render", () => {
    expect(renderStalled("ready", queued, later(10 * RENDER_STALLED_MS))).toBe(false);
    expect(renderStalled("failed", queued, later(10 * RENDER_STALLED_MS))).toBe(false);
  });
});
