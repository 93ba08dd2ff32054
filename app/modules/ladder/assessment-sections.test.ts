import { describe, expect, it } from "vitest";
import { fixedT } from "~/modules/i18n/i18n.server";
import { type AssessmentInput, assessmentSections, type W } from "./assessment-sections";

const t = fixedT("zh-CN");
const w: W = (key, params) => String(t(`ladder:pdf.${key}` as never, params as never));

const base: AssessmentInput = {
  project: "德江县老旧小区改造",
  compound: { name: "县农行老旧小区", code: "NH", address: "德江县青龙街道" },
  contractors: ["德江县鸿达建筑工程有限公司"],
  workTypes: ["楼道照明线路改造"],
  coverage: null,
  lots: { total: 4, accepted: 3, returned: 1 },
  divisions: [],
  evidence: [],
  concealed: { total: 0, signed: 0 },
  defects: { total: 2, closed: 2 },
  reports: [
    {
      organization: "德江县鸿达建筑工程有限公司",
      selfCheck: "自检合格",
      signer: "王建国",
      at: "2026-12-01",
    },
  ],
  pre: {
    problems: "",
    assessment: "同意组织竣工验收",
    conclusion: "pass",
    chief: "李总监",
    at: "2026-12-02",
  },
};
const text = (input: AssessmentInput) =>
  assessmentSections(w, input)
    .flatMap((s) => [s.heading, ...s.lines])
    .join("\n");

describe("工程质量评估报告 sections (GB 50300-2013 §6.0.5; 建质〔2013〕171号 第五条(三))", () => {
  it("says plainly what is not yet recorded when the plan, 分部 and evidence are empty", () => {
    const out = text(base);
    expect(out).toContain("无已批准的检验批划分方案。");
    expect(out).toContain("尚无分部工程验收记录。");
    expect(out).toContain("尚无分部工程资料核查记录。");
    expect(out).toContain("检验批共 4 个，已验收 3 个。");
    expect(out).toContain("检验批退回（不合格返工）1 次。");
    expect(out).toContain("质量问题共 2 项，已整改关闭 2 项。");
    expect(out).toContain("德江县鸿达建筑工程有限公司：自检合格（王建国 2026-12-01）");
    expect(out).toContain("预验收结论：通过");
    expect(out).toContain("总监理工程师：李总监　2026-12-02");
  });

  it("lists coverage, each 分部's result and appearance, documents and tests when recorded", () => {
    const out = text({
      ...base,
      coverage: [{ name: "照明配电箱（盘）安装", planned: 2, opened: 2, accepted: 1 }],
      divisions: [
        {
          division: "建筑电气",
          subItems: [
            {
              name: "照明配电箱（盘）安装",
              subDivision: "电气照明",
              standard: "GB 50303-2015",
              planned: 2,
              accepted: 2,
              passed: true,
              signedAt: new Date(),
              href: "/x",
            },
          ],
          appearance: { points: [{ name: "配电箱", rating: "good" }], conclusion: "fair" },
          passed: true,
          signedAt: new Date(),
          gaps: [],
          href: "/x",
        },
      ],
      evidence: [
        {
          division: "建筑电气",
          requiredDocuments: [
            { kind: "certificate", name: "材料合格证" },
            { kind: "labReport", name: "检测报告" },
          ],
          documents: [
            {
              id: "d1",
              kind: "certificate",
              title: "电线合格证",
              status: "checked",
              uploadedAt: new Date(),
              href: "/d1",
            },
          ],
          requiredTests: [
            { code: "insulation", name: "绝缘电阻测试", clause: "GB 50303 §17.1.2" },
            { code: "lightingTrial", name: "照明全负荷试运行", clause: "GB 50303 §21.1.3" },
          ],
          tests: [
            {
              id: "t1",
              code: "insulation",
              name: "绝缘电阻测试",
              clause: "GB 50303 §17.1.2",
              place: "1栋1单元",
              summary: "绝缘电阻 2.5 MΩ ≥ 0.5 MΩ",
              pass: true,
              recordedAt: new Date(),
            },
          ],
          gaps: [],
          href: "/e",
        },
      ],
      concealed: { total: 3, signed: 2 },
    });
    expect(out).toContain("照明配电箱（盘）安装：计划 2 个，已开 2 个，已验收 1 个");
    expect(out).toContain("建筑电气：分项 1 个，验收合格");
    expect(out).toContain("建筑电气 观感质量：一般");
    expect(out).toContain("建筑电气 · 材料合格证：已核查");
    expect(out).toContain("建筑电气 · 检测报告：缺");
    expect(out).toContain(
      "建筑电气 · 绝缘电阻测试（1栋1单元）：绝缘电阻 2.5 MΩ ≥ 0.5 MΩ，符合要求",
    );
    expect(out).toContain("建筑电气 · 照明全负荷试运行（GB 50303 §21.1.3）：未检验");
    expect(out).toContain("隐蔽工程验收记录 3 项，已签认 2 项。");
    expect(out).not.toContain("尚无分部工程");
  });
});
