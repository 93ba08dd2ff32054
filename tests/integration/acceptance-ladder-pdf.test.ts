import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { acceptanceOverview, openAcceptance } from "~/modules/acceptance/acceptance.server";
import { assessmentReportPdf } from "~/modules/ladder/assessment-pdf.server";
import { acceptanceRecordPdf } from "~/modules/report/records-pdf.server";
import { compoundReadyForAcceptance } from "../support/acceptance-fixture";
import { submitAllReports } from "../support/ladder";
import { TMP_DIR } from "../support/paths";
import { pdfImageCount, pdfPagePng, pdfText } from "../support/pdf-text";
import { testDb } from "../support/test-db";

/** The 工程质量评估报告 (GB 50300-2013 §6.0.5; 建质〔2013〕171号 第五条(三)) from the data. */
describe("工程质量评估报告 PDF", () => {
  const db = testDb({ seeded: true });

  it("exists only once the 预验收 has passed", async () => {
    const fx = await compoundReadyForAcceptance(db, { code: "LP1", ladder: false });
    await submitAllReports(db, fx.compoundId);
    expect(await assessmentReportPdf(db, fx.compoundId)).toBeNull();
  });

  it("fills every section from the compound's data, with the 总监's signature", async () => {
    const fx = await compoundReadyForAcceptance(db, { code: "LP2", name: "城南小区（评估）" });
    const pdf = (await assessmentReportPdf(db, fx.compoundId))!;
    const text = pdfText(pdf).replace(/\s+/g, "");
    for (const expected of [
      "工程质量评估报告",
      "单位工程：城南小区（评估）（LP2）",
      "德江县城西路8号",
      "施工单位：德江县鸿达建筑工程有限公司",
      // the plan's coverage, per 分项
      "计划1个，已开1个，已验收1个",
      "已验收3个",
      "检验批退回（不合格返工）0次",
      "质量问题共0项",
      "德江县鸿达建筑工程有限公司：已按合同和设计文件完成全部施工内容，自检合格。",
      "预验收结论：通过",
      "工程已按设计和合同完成，同意组织竣工验收。",
      "总监理工程师：",
    ])
      expect(text).toContain(expected.replace(/\s+/g, ""));
    expect(text).not.toContain("undefined");
    expect(pdfImageCount(pdf)).toBe(1); // the 总监's drawn signature
    fs.mkdirSync(TMP_DIR, { recursive: true });
    fs.writeFileSync(path.join(TMP_DIR, "assessment-report.png"), pdfPagePng(pdf));
  });

  it("the 单位工程质量竣工验收记录 continues with 表 H.0.1-2, H.0.1-3 and H.0.1-4 (GB 50300 附录H)", async () => {
    const fx = await compoundReadyForAcceptance(db, { code: "LP3" });
    const overview = (await acceptanceOverview(db, fx.compoundId))!;
    const organiser = await db.user.findUniqueOrThrow({
      where: { username: "xiangmu" },
      select: { id: true, role: true, title: true, organizationId: true },
    });
    await openAcceptance(db, { ...organiser, role: "bureau" }, fx.compoundId, {
      conclusion: "fail",
      remarks: "资料不全",
      signatories: Object.fromEntries(overview.seats.map((s) => [s.seq, s.people[0]!.id])),
    });
    const pdf = (await acceptanceRecordPdf(db, fx.compoundId))!;
    const text = pdfText(pdf).replace(/\s+/g, "");
    for (const expected of [
      "单位工程质量竣工验收记录",
      "表H.0.1-2单位工程质量控制资料核查记录",
      "资料名称",
      "核查意见",
      "表H.0.1-3单位工程安全和功能检验资料核查及主要功能抽查记录",
      "安全和功能检查项目",
      "核查（抽查）结果",
      "表H.0.1-4单位工程观感质量检查记录",
      "质量评价",
    ])
      expect(text).toContain(expected);
    const doc = pdfText(pdf);
    expect(doc).not.toContain("undefined");
    fs.writeFileSync(path.join(TMP_DIR, "appendix-h-2.png"), pdfPagePng(pdf, 3));
  });
});
