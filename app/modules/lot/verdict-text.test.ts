/**
 * The verdict engine's messages in words: the same Chinese through i18next as through the
 * language-of-record formatter, and English with no Chinese left but the data's.
 */
import { describe, expect, it } from "vitest";
import { serverI18n } from "~/modules/i18n/i18n.server";
import { type ItemVerdict, SAMPLE_QUANTITIES } from "./verdict";
import { data, judgeOne } from "./verdict-fixture.test-support";
import { verdictText, verdictTextZh } from "./verdict-text";

const zhT = serverI18n("zh-CN").getFixedT("zh-CN", "checklist");
const enT = serverI18n("en").getFixedT("en", "checklist");
const qty = Object.fromEntries(Object.keys(SAMPLE_QUANTITIES).map((k) => [k, 40]));

// Every judged item of the data, on a place with every attribute, at its limit and past it.
const verdicts: ItemVerdict[] = data.workTypes
  .flatMap((w) => w.items)
  .filter((i) => i.judge)
  .flatMap((item) => {
    const lim = item.judge!.limits[0]!;
    const at = lim.max ?? lim.min ?? 0;
    const attrs = { storeys: 7, surface: "concrete", roadWidth: 8, pipeDiameter: 300, bends: 1 };
    return [
      judgeOne(item.id, { attrs, qty, points: [at, at + 7, at - 7], design: 0 }),
      judgeOne(item.id, { points: [at] }),
    ];
  });
// Units are data too ("根/端子", "个"): written in the checklist, shown as written.
const dataUnits = [
  ...new Set(data.workTypes.flatMap((w) => w.items.map((i) => i.judge?.unit ?? ""))),
].filter((u) => /[\u3400-\u9fff]/.test(u));
const messages = verdicts.flatMap((v) => [
  ...(v.limit ? [v.limit] : []),
  ...(v.sampleBasis ? [v.sampleBasis] : []),
  ...v.reasons,
]);

describe("verdict words", () => {
  it("judges enough items to cover the messages", () => {
    expect(new Set(verdicts.map((v) => v.code)).size).toBeGreaterThan(8);
  });
  it("i18next in Chinese says what the record says", () => {
    for (const m of messages) expect(verdictText(zhT, m)).toBe(verdictTextZh(m));
  });
  it("English leaves no key unresolved and no Chinese outside the item labels (data)", () => {
    for (const v of verdicts) {
      const words = [v.limit, v.sampleBasis, ...v.reasons]
        .filter((m) => m !== null)
        .map((m) => verdictText(enT, m));
      for (const w of words) {
        expect(w).not.toMatch(/verdict\.|kinds\./);
        // the item's label and units (data) follow "Main control items 1 " in a reason; nothing else is Chinese
        let outsideLabel = w.replace(/^(Main control|General) items \d+ [^:]*:/, "");
        for (const unit of dataUnits) outsideLabel = outsideLabel.replaceAll(unit, "");
        outsideLabel = outsideLabel.replace(/§[^,;)]*/g, ""); // clauses as the data cites them
        expect(outsideLabel, w).not.toMatch(/[\u3400-\u9fff]/);
      }
    }
  });
  it("words an English verdict like a supervision engineer would read it", () => {
    const v = judgeOne("SR-M7", { attrs: { storeys: 7 }, qty: { flights: 1 }, points: [1.08] });
    expect(verdictText(enT, v.limit!)).toBe("≥ 1.10 m (7 storeys ≥ 7, GB 50096-2011 §6.1.3)");
    expect(verdictTextZh(v.limit!)).toBe("≥ 1.10 m（层数 7 ≥ 7，GB 50096-2011 §6.1.3）");
  });
});
