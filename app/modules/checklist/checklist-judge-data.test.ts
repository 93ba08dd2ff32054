/**
 * The checklist data file as data: every numeric item carries a judge spec the engine can apply
 * (unit, comparison, clause, sample rule), and every condition names a place attribute that
 * exists. Items left to the inspector are listed here with the reason.
 */

import { describe, expect, it } from "vitest";
import {
  computeLotVerdict,
  lotRulesFor,
  PLACE_ATTRIBUTES,
  requiredSamples,
  SAMPLE_QUANTITIES,
} from "~/modules/lot/verdict";
import { data } from "~/modules/lot/verdict-fixture.test-support";
import { rulesFromChecklistData } from "~/modules/lot/verdict-rules-data";

/** Numeric items the engine does not judge, and why. */
const UNJUDGED: Record<string, string> = {
  "SL-G3": "开关高度: no code tolerance (design height, consistency within a space)",
};

const items = data.workTypes.flatMap((w) => w.items.map((i) => ({ ...i, wt: w })));
const rules = rulesFromChecklistData(data.acceptanceRules);

describe("checklist judge data", () => {
  it("every numeric item has a judge spec unless listed as unjudgeable", () => {
    const missing = items.filter((i) => i.numeric && !i.judge && !(i.id in UNJUDGED));
    expect(missing.map((i) => i.id)).toEqual([]);
  });
  for (const item of items.filter((i) => i.judge)) {
    const spec = item.judge!;
    it(`${item.id}: unit, comparison, clause, sample rule, conditions on existing attributes`, () => {
      expect(spec.unit.length).toBeGreaterThan(0);
      expect(spec.clause.length).toBeGreaterThan(0);
      expect(spec.standard).toMatch(/[A-Z0-9]/);
      const attrs = spec.limits.flatMap((l) => l.when.map((c) => c.attr));
      for (const a of attrs) expect(Object.keys(PLACE_ATTRIBUTES)).toContain(a);
      expect(Object.keys(SAMPLE_QUANTITIES)).toContain(spec.sample.counts);
      const quantities = Object.fromEntries(Object.keys(SAMPLE_QUANTITIES).map((k) => [k, 40]));
      const sized = requiredSamples(
        spec.sample.rule,
        spec.sample.counts,
        quantities,
        { roadWidth: 8 },
        rules.minimumSampleSize,
      );
      expect(sized.ok && sized.n >= 1).toBe(true);
      // The engine reaches a verdict on this item with every attribute given.
      const v = computeLotVerdict({
        rules: lotRulesFor(item.wt.standards, rules),
        attributes: {
          storeys: 7,
          surface: "asphalt",
          roadWidth: 8,
          roadClass: "branch",
          pipeMaterial: "rc",
          pipeDiameter: 300,
          structure: "rc",
          bends: 0,
          conduitDiameter: 20,
          rimAboveCrown: 3,
        },
        quantities,
        items: [
          {
            itemId: item.id,
            kind: item.kind,
            seq: 1,
            labelZh: item.id,
            spec,
            designValue: 0,
            result: null,
            points: Array.from({ length: Math.max(sized.ok ? sized.n : 1, 5) }, () => ({
              value: 0,
            })),
          },
        ],
      });
      expect(["pass", "fail"]).toContain(v.items[0]!.status);
    });
  }
  it("unverified figures are marked in the data", () => {
    expect(items.filter((i) => i.judge?.unverified).length).toBeGreaterThan(0);
  });
});
