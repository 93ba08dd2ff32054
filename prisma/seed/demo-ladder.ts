/**
 * Demo of the acceptance ladder (decision 0033) on 县农行老旧小区: each contractor with a contract
 * there has submitted its 工程竣工报告 (its text says what the data shows: how many lots are
 * accepted), and the 总监's first 竣工预验收 did not pass — its problems are what the demo data
 * holds (planned lots not yet accepted, open defects, linked), so the ladder stands at 预验收.
 */
import sharp from "sharp";
import type { Db } from "~/infra/db.server";
import { canHoldSeat } from "~/modules/acceptance/parties";
import { pendingPlannedLots } from "~/modules/acceptance/record.server";
import { readSignature } from "~/modules/acceptance/signature-image.server";
import { recordPreAcceptance, submitCompletionReport } from "~/modules/ladder/ladder.server";
import { planOverview } from "~/modules/plan/plan.server";
import { DEMO_PASSWORD } from "./demo-data";

async function drawn(seed: number) {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="300" height="120"><path d="M20 ${70 + seed * 5} C 70 10, 120 110, 170 40 S 250 ${90 - seed * 7}, 285 30" stroke="#1a1a1a" stroke-width="4" fill="none"/></svg>`;
  const png = await sharp(Buffer.from(svg)).png().toBuffer();
  return readSignature(`data:image/png;base64,${png.toString("base64")}`);
}

export async function seedDemoLadder(db: Db) {
  const nh = await db.compound.findUniqueOrThrow({
    where: { code: "NH" },
    select: { id: true, contracts: { select: { contractorOrgId: true, scopeZh: true } } },
  });
  const people = await db.user.findMany({
    where: { active: true },
    select: { id: true, username: true, role: true, title: true, organizationId: true },
  });
  const accepted = await db.inspectionLot.count({
    where: { compoundId: nh.id, status: "accepted" },
  });
  for (const [i, c] of nh.contracts.entries()) {
    const pm = people.find(
      (p) => p.organizationId === c.contractorOrgId && canHoldSeat("contractor", p.title),
    );
    if (!pm) continue;
    const submitted = await db.completionReport.count({
      where: { compoundId: nh.id, contractorOrgId: c.contractorOrgId },
    });
    if (submitted > 0) continue;
    await submitCompletionReport(
      db,
      pm,
      nh.id,
      {
        selfCheck: `已完成部位自检合格，已验收检验批 ${accepted} 个；未完成部位见预验收意见。`,
        report: `本标段（${c.scopeZh}）申请监理竣工预验收，以确认剩余施工和整改范围。`,
        password: DEMO_PASSWORD,
        image: await drawn(i),
      },
      new Date("2021-07-28T10:00:00+08:00"),
    );
  }
  const chief = people.find((p) => p.username === "zongjian");
  if (!chief) return;
  const pending = pendingPlannedLots(await planOverview(db, nh.id), (code) => code);
  const open = await db.defect.findMany({
    where: { compoundId: nh.id, status: { not: "closed" } },
    select: { id: true },
  });
  const problems = [
    pending?.pending.length
      ? `检验批划分方案中尚有 ${pending.pending.length} 个计划检验批未验收`
      : "",
    open.length ? `质量问题 ${open.length} 项尚未整改关闭` : "",
  ].filter(Boolean);
  await recordPreAcceptance(
    db,
    { ...chief, role: "supervisor" },
    nh.id,
    {
      problems: problems.length ? `${problems.join("；")}。请施工单位整改后申请复查。` : "",
      defectIds: open.map((d) => d.id),
      assessment: "工程尚不具备竣工验收条件，整改完成后重新组织预验收。",
      conclusion: problems.length ? "fail" : "pass",
      password: DEMO_PASSWORD,
      image: await drawn(5),
    },
    new Date("2021-07-30T15:00:00+08:00"),
  );
}
