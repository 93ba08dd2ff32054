/**
 * The lot page shows the server's liveLotVerdict of its first state until the browser has the
 * judging code, then judges each change with the same function: both must agree, and a withdrawn
 * point is not judged (decision 0016). Railing height, GB 50096-2011 §6.1.3: ≥ 1.10 m at 7 storeys.
 */
import { describe, expect, it } from "vitest";
import { emptyEntry, initialEntries } from "./entries";
import { liveLotVerdict } from "./live-verdict";
import { inputOf, rulesOf } from "./verdict-fixture.test-support";

const base = (points: number[]) => ({
  rules: rulesOf("SR-M7"),
  place: { attributes: { storeys: 7 }, quantities: { lots: 1, flights: 1 } },
  lot: { recordsComplete: true },
  verdictInputs: [inputOf("SR-M7", { points })],
});

describe("the lot page's live verdict", () => {
  it("judges the stored records as the page first shows them", () => {
    const view = {
      ...base([1.08]),
      itemViews: [{ id: "SR-M7" }],
      notes: {},
      recordedPoints: { "SR-M7": [{ value: 1.08 }] },
    };
    const first = liveLotVerdict(view, initialEntries(view));
    expect(first.items[0]?.status).toBe("fail");
  });

  it("judges a corrected value, and not a withdrawn one", () => {
    const entry = emptyEntry("SR-M7", undefined, null, [
      { value: 1.08, removed: true },
      { value: 1.12 },
    ]);
    const v = liveLotVerdict(base([1.08]), { "SR-M7": entry });
    expect(v.items[0]?.status).toBe("pass");
  });
});
