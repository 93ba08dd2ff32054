import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DomainError } from "~/infra/domain-error";
import { closingView, recordCompoundFacts, recordFiling } from "~/modules/ladder/closing.server";
import {
  completionReportPdf,
  filingFormPdf,
  warrantyPdf,
} from "~/modules/ladder/closing-pdf.server";
import { acceptanceRecordPdf } from "~/modules/report/records-pdf.server";
import { compoundReadyForAcceptance } from "../support/acceptance-fixture";
import { demoActor, passSession } from "../support/ladder";
import { TMP_DIR } from "../support/paths";
import { pdfImageCount, pdfPagePng, pdfText } from "../support/pdf-text";
import { testDb } from "../support/test-db";

const flat = (pdf: Buffer) => pdfText(pdf).replace(/\s+/g, "");
const statusOf = (pending: Promise<unknown>) =>
  pending.then(
    () => 200,
    (e: unknown) => (e instanceof DomainError ? e.status : 500),
  );

/** The ladder's fourth step (decision 0034), after a passed 竣工验收 session. */
describe("竣工验收报告, 备案 and 质量保修书", () => {
  const db = testDb({ seeded: true });
  const ready = (code: string) =>
    compoundReadyForAcceptance(db, { code, name: "城东小区", acceptLast: true });

  it("nothing is issued or filed before the session passes", async () => {
    const fx = await ready("CL1");
    expect(await completionReportPdf(db, fx.compoundId)).toBeNull();
    expect(await warrantyPdf(db, fx.compoundId)).toBeNull();
    const bureau = await demoActor(db, "zhujianju");
    const input = { number: "DJ-2026-001", filedOn: new Date() };
    expect(await statusOf(recordFiling(db, bureau, fx.compoundId, input))).toBe(409);
  });

  it("the 竣工验收报告 has the five parts of 171号 第八条 and the parties' signatures", async () => {
    const fx = await ready("CL2");
    await passSession(db, fx.compoundId);
    const pdf = (await completionReportPdf(db, fx.compoundId))!;
    const text = flat(pdf);
    for (const expected of [
      "工程竣工验收报告",
      "一、工程概况",
      "单位工程：城东小区（CL2）",
      "施工单位：德江县鸿达建筑工程有限公司",
      "二、建设单位执行基本建设程序情况",
      "施工单位工程竣工报告已提交1份。",
      "组织竣工预验收并通过",
      "三、对工程勘察、设计、施工、监理等方面的评价",
      "（德江县鸿达建筑工程有限公司）：同意验收",
      "四、工程竣工验收时间、程序、内容和组织形式",
      "检验批4个，已验收4个",
      "五、工程竣工验收意见",
      "验收结论：合格。",
      "工程质量符合设计及规范要求，同意验收。",
      "六、参加验收各方签字",
      // each party's 项目负责人 as signed (监理: the 总监理工程师)
      "建设单位德江县住房和城乡建设局龙德华",
      "施工单位德江县鸿达建筑工程有限公司王建军",
      "监理单位贵州正衡工程建设监理有限公司王振华",
    ])
      expect(text).toContain(expected);
    expect(text).not.toContain("undefined");
    expect(pdfImageCount(pdf)).toBe(4); // four parties' drawn signatures
    fs.mkdirSync(TMP_DIR, { recursive: true });
    fs.writeFileSync(path.join(TMP_DIR, "completion-report.png"), pdfPagePng(pdf));
  });

  it("the 住建局 files once (备案管理办法 第四条: within 15 days); others and a second 备案 are refused", async () => {
    const fx = await ready("CL3");
    await passSession(db, fx.compoundId);
    const input = { number: "德建竣备〔2026〕18号", filedOn: new Date() };
    const contractor = await demoActor(db, "xmjl1");
    const supervisor = await demoActor(db, "zongjian");
    expect(await statusOf(recordFiling(db, contractor, fx.compoundId, input))).toBe(403);
    expect(await statusOf(recordFiling(db, supervisor, fx.compoundId, input))).toBe(403);
    expect(await filingFormPdf(db, fx.compoundId)).toBeNull();

    const bureau = await demoActor(db, "zhujianju");
    const before = (await closingView(db, bureau, fx.compoundId)).passed!;
    expect(before).toMatchObject({ canFile: true, met: null, filing: null });
    expect((await closingView(db, contractor, fx.compoundId)).passed?.canFile).toBe(false);
    await recordFiling(db, bureau, fx.compoundId, input);
    const after = (await closingView(db, bureau, fx.compoundId)).passed!;
    // filed the day it passed: well within the 15 days of 第四条
    expect(after).toMatchObject({ canFile: false, met: true, dueOn: before.dueOn });
    expect(after.filing?.number).toBe(input.number);
    const again = { number: "改号", filedOn: new Date() };
    expect(await statusOf(recordFiling(db, bureau, fx.compoundId, again))).toBe(409);
    const events = await db.auditEvent.findMany({
      where: { action: "acceptance.file", entityId: fx.compoundId },
      select: { actorId: true },
    });
    expect(events).toEqual([{ actorId: bureau.id }]);

    const org = await db.organization.findUniqueOrThrow({
      where: { id: bureau.organizationId },
      select: { name: true },
    });
    const filingPdf = (await filingFormPdf(db, fx.compoundId))!;
    fs.mkdirSync(TMP_DIR, { recursive: true });
    fs.writeFileSync(path.join(TMP_DIR, "filing.png"), pdfPagePng(filingPdf));
    const text = flat(filingPdf);
    for (const expected of [
      "竣工验收备案表",
      "备案编号德建竣备〔2026〕18号",
      `备案机关${org.name}`,
      "（按期）",
      "工程竣工验收报告",
      "工程质量评估报告（监理单位）",
      "施工单位工程竣工报告及质量合格文件",
      "工程质量保修书",
    ])
      expect(text).toContain(expected.replace(/\s+/g, ""));
    expect(text).not.toContain("改号");
  });

  it("the 质量保修书 gives each work type its 第四十条 period from the acceptance date", async () => {
    const fx = await ready("CL4");
    const passedOn = new Date("2026-11-20T02:00:00Z");
    await passSession(db, fx.compoundId, passedOn);
    const pdf = (await warrantyPdf(db, fx.compoundId))!;
    fs.mkdirSync(TMP_DIR, { recursive: true });
    fs.writeFileSync(path.join(TMP_DIR, "warranty.png"), pdfPagePng(pdf));
    const text = flat(pdf);
    for (const expected of [
      "房屋建筑工程质量保修书",
      "建设工程质量管理条例第三十九条、第四十条",
      "自竣工验收合格之日2026-11-20起计算",
      "施工单位德江县鸿达建筑工程有限公司",
      // 第四十条（四）: 电气管线 2 years from the acceptance date
      "2年2028-11-20第四十条（四）",
      "保修责任",
    ])
      expect(text).toContain(expected.replace(/\s+/g, ""));
  });

  it("the 建设单位's 项目负责人 enters the H.0.1-1 facts before the session passes; they print in 表 H.0.1-1", async () => {
    const fx = await ready("CL5");
    const facts = {
      structureType: "砖混结构",
      storeys: "地上7层",
      floorArea: 1520.5,
      startedOn: new Date("2026-04-01T00:00:00+08:00"),
      finishedOn: new Date("2026-10-31T00:00:00+08:00"),
    };
    const contractor = await demoActor(db, "xmjl1");
    expect(await statusOf(recordCompoundFacts(db, contractor, fx.compoundId, facts))).toBe(403);
    const owner = await demoActor(db, "xiangmu");
    const backwards = { ...facts, finishedOn: new Date("2026-03-01T00:00:00+08:00") };
    expect(await statusOf(recordCompoundFacts(db, owner, fx.compoundId, backwards))).toBe(400);
    await recordCompoundFacts(db, owner, fx.compoundId, facts);
    // the form shows back the days as entered (project time zone, not UTC)
    expect((await closingView(db, owner, fx.compoundId)).facts).toMatchObject({
      startedOn: "2026-04-01",
      finishedOn: "2026-10-31",
      floorArea: "1520.5",
    });
    await passSession(db, fx.compoundId);
    expect(await statusOf(recordCompoundFacts(db, owner, fx.compoundId, facts))).toBe(409);
    const text = flat((await acceptanceRecordPdf(db, fx.compoundId))!);
    for (const expected of [
      "结构类型砖混结构",
      "层数地上7层",
      "建筑面积1520.5m²",
      "开工日期—完工日期2026-04-01—2026-10-31",
      "施工单位项目负责人王建军",
    ])
      expect(text).toContain(expected);
    // 分部工程: either the count or the placeholder line, never an empty cell
    expect(text).toMatch(/分部工程(分部工程\d+个，验收合格\d+个|分部工程验收记录尚未录入)/);
  });
});
