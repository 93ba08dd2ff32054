import { describe, expect, it } from "vitest";
import { fixedT } from "~/modules/i18n/i18n.server";
import { appearanceRows, documentRows, testRows } from "./appendix-h";
import type { W } from "./assessment-sections";

const t = fixedT("zh-CN");
const w: W = (key, params) => String(t(`ladder:h.${key}` as never, params as never));
const at = new Date("2026-11-20T08:00:00Z");

describe("GB 50300-2013 附录H tables H.0.1-2/-3/-4", () => {
  it("print one plain row when nothing is recorded yet", () => {
    expect(documentRows(w, [], [])).toEqual([["—", "尚无记录", "", "", ""]]);
    expect(testRows(w, [])).toEqual([["—", "尚无记录", "", "", ""]]);
    expect(appearanceRows(w, [])).toEqual([["—", "尚无记录", "", ""]]);
  });

  it("H.0.1-2 lists each required record and the 隐蔽工程验收记录 with its check (§5.0.4-2)", () => {
    const rows = documentRows(
      w,
      [
        {
          division: "建筑电气",
          requiredDocuments: [
            { kind: "certificate", name: "材料合格证" },
            { kind: "labReport", name: "检测报告" },
          ],
          documents: [
            {
              id: "1",
              kind: "certificate",
              title: "电线",
              status: "checked",
              uploadedAt: at,
              href: "",
            },
          ],
          requiredTests: [],
          tests: [],
          gaps: [],
          href: "",
        },
      ],
      [
        {
          id: "c1",
          division: "建筑电气",
          work: "暗敷导管",
          place: "1单元",
          signedAt: at,
          signerName: "李",
          href: "",
        },
        {
          id: "c2",
          division: "建筑电气",
          work: "暗敷导管",
          place: "2单元",
          signedAt: null,
          signerName: null,
          href: "",
        },
      ],
    );
    expect(rows).toEqual([
      ["1", "建筑电气", "材料合格证", "1", "齐全"],
      ["2", "建筑电气", "检测报告", "0", "不齐全"],
      ["3", "建筑电气", "隐蔽工程验收记录", "1 / 2 已签认", "不齐全"],
    ]);
  });

  it("H.0.1-3 gives each required test its results, or 未检验 (§5.0.4-3)", () => {
    const rows = testRows(w, [
      {
        division: "建筑电气",
        requiredDocuments: [],
        documents: [],
        requiredTests: [
          { code: "insulation", name: "绝缘电阻测试", clause: "GB 50303 §17.1.2" },
          { code: "lightingTrial", name: "照明全负荷试运行", clause: "GB 50303 §21.1.3" },
        ],
        tests: [
          {
            id: "t",
            code: "insulation",
            name: "绝缘电阻测试",
            clause: "GB 50303 §17.1.2",
            place: "1单元",
            summary: "2.5 MΩ ≥ 0.5 MΩ",
            pass: true,
            recordedAt: at,
          },
        ],
        gaps: [],
        href: "",
      },
    ]);
    expect(rows).toEqual([
      ["1", "建筑电气", "绝缘电阻测试（GB 50303 §17.1.2）", "1单元 2.5 MΩ ≥ 0.5 MΩ", "符合要求"],
      ["2", "建筑电气", "照明全负荷试运行（GB 50303 §21.1.3）", "未检验", "未检验"],
    ]);
  });

  it("H.0.1-4 rates each 观感 point 好/一般/差 and the 分部 overall (§5.0.4-5)", () => {
    const rows = appearanceRows(w, [
      {
        division: "建筑电气",
        subItems: [],
        appearance: { points: [{ name: "配电箱、灯具", rating: "good" }], conclusion: null },
        passed: false,
        signedAt: null,
        gaps: [],
        href: "",
      },
    ]);
    expect(rows).toEqual([
      ["1", "建筑电气", "配电箱、灯具", "好"],
      ["2", "建筑电气", "观感质量综合评价", "未评定"],
    ]);
  });
});
