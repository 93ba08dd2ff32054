import { describe, expect, it } from "vitest";
import { DomainError } from "~/infra/domain-error";
import { acceptanceOverview, openAcceptance } from "~/modules/acceptance/acceptance.server";
import type { Blocker } from "~/modules/acceptance/prerequisites";
import { blockerText } from "~/modules/acceptance/words";
import { createDefect } from "~/modules/defect/defects.server";
import { defaultDueOn } from "~/modules/defect/workflow";
import { fixedT } from "~/modules/i18n/i18n.server";
import { recordPreAcceptance, submitCompletionReport } from "~/modules/ladder/ladder.server";
import { DEMO_PASSWORD } from "../../prisma/seed/demo-data";
import { compoundReadyForAcceptance } from "../support/acceptance-fixture";
import { chiefOf, demoActor, drawnSignatureImage, submitAllReports } from "../support/ladder";
import { testDb } from "../support/test-db";

/**
 * The steps before the 竣工验收 session: each 施工单位's 自检 and 工程竣工报告, then the 总监's
 * 竣工预验收 (GB 50300-2013 §6.0.5; 建质〔2013〕171号 第五条(一)-(三)), then the session organised
 * by the 建设单位 (§6.0.6). One test per blocker, each linking to where it is fixed.
 */
const zhText = (e: unknown) => (e instanceof DomainError ? e.text(fixedT("zh-CN")) : String(e));
const refusal = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    return { status: e instanceof DomainError ? e.status : 500, text: zhText(e) };
  }
  throw new Error("expected a refusal");
};
const worded = (b: Blocker) => blockerText(fixedT("zh-CN"), b);

describe("the 单位工程 acceptance ladder", () => {
  const db = testDb({ seeded: true });
  const user = (username: string) => demoActor(db, username);
  const ladderPrereq = async (compoundId: string, key: string) =>
    (await acceptanceOverview(db, compoundId))!.prerequisites.find((p) => p.key === key);
  async function open(compoundId: string, conclusion: "pass" | "fail") {
    const { seats } = (await acceptanceOverview(db, compoundId))!;
    const signatories = Object.fromEntries(seats.map((s) => [s.seq, s.people[0]?.id ?? ""]));
    return openAcceptance(db, await user("xiangmu"), compoundId, {
      conclusion,
      remarks: "资料不全",
      signatories,
    });
  }
  const report = async (username: string, compoundId: string) =>
    submitCompletionReport(db, await user(username), compoundId, {
      selfCheck: "自检合格",
      report: "楼道改造已完成",
      password: DEMO_PASSWORD,
      image: await drawnSignatureImage(),
    });
  const preAccept = async (
    username: string,
    compoundId: string,
    over: Partial<Parameters<typeof recordPreAcceptance>[3]> = {},
  ) =>
    recordPreAcceptance(db, await user(username), compoundId, {
      problems: "",
      defectIds: [],
      assessment: "同意组织竣工验收",
      conclusion: "pass",
      password: DEMO_PASSWORD,
      image: await drawnSignatureImage(),
      ...over,
    });

  it("blocks the session while a contractor's 竣工报告 is missing, naming it and linking to the step", async () => {
    const fx = await compoundReadyForAcceptance(db, {
      code: "LD1",
      acceptLast: true,
      ladder: false,
    });
    const p = await ladderPrereq(fx.compoundId, "completionReports");
    expect(p?.ok).toBe(false);
    expect(p?.blockers.map(worded)).toEqual(["德江县鸿达建筑工程有限公司：未提交工程竣工报告"]);
    expect(p?.blockers[0]?.href).toBe(`/compounds/${fx.compoundId}/acceptance#completion-reports`);
    // §6.0.5 before §6.0.6: no session at all, not even a 不合格 one
    for (const conclusion of ["pass", "fail"] as const) {
      const r = await refusal(open(fx.compoundId, conclusion));
      expect(r.status).toBe(409);
      expect(r.text).toContain("各施工单位已提交工程竣工报告");
    }
    expect(await db.finalAcceptance.count({ where: { compoundId: fx.compoundId } })).toBe(0);
  });

  it("a 竣工报告 is signed by the contractor's 项目负责人, once, and never by another organisation", async () => {
    const fx = await compoundReadyForAcceptance(db, { code: "LD2", ladder: false });
    expect((await refusal(report("shigong1", fx.compoundId))).status).toBe(403); // 质量检查员
    expect((await refusal(report("xmjl2", fx.compoundId))).status).toBe(403); // no contract here
    expect(await db.completionReport.count({ where: { compoundId: fx.compoundId } })).toBe(0);
    await report("xmjl1", fx.compoundId);
    const again = await refusal(report("xmjl1", fx.compoundId));
    expect(again).toEqual({ status: 409, text: "本单位的工程竣工报告已提交，不可修改。" });
    const events = await db.auditEvent.count({
      where: { action: "acceptance.report", entityId: fx.compoundId },
    });
    expect(events).toBe(1);
    expect((await ladderPrereq(fx.compoundId, "completionReports"))?.ok).toBe(true);
  });

  it("blocks the session until the 总监's 预验收 has passed; a failed one names its rectification", async () => {
    const fx = await compoundReadyForAcceptance(db, {
      code: "LD3",
      acceptLast: true,
      ladder: false,
    });
    // the 预验收 comes after every 竣工报告 (§6.0.5)
    expect((await refusal(preAccept("zongjian", fx.compoundId))).status).toBe(409);
    await submitAllReports(db, fx.compoundId);
    let p = await ladderPrereq(fx.compoundId, "preAcceptance");
    expect(p?.blockers.map(worded)).toEqual(["尚未进行竣工预验收"]);
    expect(p?.blockers[0]?.href).toBe(`/compounds/${fx.compoundId}/acceptance#pre-acceptance`);
    // only the 总监理工程师 holds it; a 专业监理工程师 may not
    expect((await refusal(preAccept("jianli", fx.compoundId))).status).toBe(403);
    // a failed 预验收 states its problems
    const bare = await refusal(preAccept("zongjian", fx.compoundId, { conclusion: "fail" }));
    expect(bare.status).toBe(400);
    await preAccept("zongjian", fx.compoundId, { conclusion: "fail", problems: "2单元扶手松动" });
    p = await ladderPrereq(fx.compoundId, "preAcceptance");
    expect(p?.blockers.map(worded)).toEqual(["竣工预验收未通过，整改后须重新预验收"]);
    expect((await refusal(open(fx.compoundId, "pass"))).status).toBe(409);
    // rectified: a second 预验收 passes, and the session opens
    await preAccept("zongjian", fx.compoundId);
    expect((await ladderPrereq(fx.compoundId, "preAcceptance"))?.ok).toBe(true);
    await open(fx.compoundId, "pass");
    // a passed 预验收 is final, and no 竣工报告 comes after it
    expect((await refusal(preAccept("zongjian", fx.compoundId))).status).toBe(409);
    expect(await db.preAcceptance.count({ where: { compoundId: fx.compoundId } })).toBe(2);
  });

  it("links only the compound's own defects to a 预验收", async () => {
    const fx = await compoundReadyForAcceptance(db, { code: "LD4", ladder: false });
    const other = await compoundReadyForAcceptance(db, { code: "LD5", ladder: false });
    await submitAllReports(db, fx.compoundId);
    const contractor = await user("shigong1");
    const defect = await createDefect(db, (await chiefOf(db)) as never, {
      from: "compound",
      compoundId: other.compoundId,
      contractorOrgId: contractor.organizationId,
      placeLabel: "1栋",
      title: "扶手松动",
      description: "",
      severity: "general",
      dueOn: defaultDueOn("general", new Date()),
    });
    const r = await refusal(
      preAccept("zongjian", fx.compoundId, {
        conclusion: "fail",
        problems: "扶手松动",
        defectIds: [defect.id],
      }),
    );
    expect(r).toEqual({ status: 400, text: "所选质量问题不属于本小区。" });
    expect(await db.preAcceptance.count({ where: { compoundId: fx.compoundId } })).toBe(0);
  });
});
