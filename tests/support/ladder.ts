import sharp from "sharp";
import type { Db } from "~/infra/db.server";
import {
  acceptanceOverview,
  openAcceptance,
  signAcceptance,
} from "~/modules/acceptance/acceptance.server";
import { canHoldSeat } from "~/modules/acceptance/parties";
import { readSignature } from "~/modules/acceptance/signature-image.server";
import { recordPreAcceptance, submitCompletionReport } from "~/modules/ladder/ladder.server";
import { DEMO_PASSWORD } from "../../prisma/seed/demo-data";

/** A drawn signature as the pad sends it: ink on a transparent canvas. */
export async function drawnSignatureImage() {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="300" height="120"><path d="M20 80 C 60 10, 120 110, 180 40 S 260 90, 280 30" stroke="#000" stroke-width="4" fill="none"/></svg>`;
  const png = await sharp(Buffer.from(svg)).png().toBuffer();
  return readSignature(`data:image/png;base64,${png.toString("base64")}`);
}

const userSelect = { id: true, role: true, title: true, organizationId: true } as const;

/** A contractor's 项目负责人 (the one who signs its 竣工报告). */
export async function projectManagerOf(db: Db, organizationId: string) {
  const people = await db.user.findMany({ where: { organizationId }, select: userSelect });
  const pm = people.find((p) => canHoldSeat("contractor", p.title));
  if (!pm) throw new Error(`no 项目负责人 in organisation ${organizationId}`);
  return pm;
}

/** Each contractor of the compound submits its 竣工报告 (GB 50300 §6.0.5). */
export async function submitAllReports(db: Db, compoundId: string, now = new Date()) {
  const contracts = await db.contract.findMany({
    where: { compoundId },
    select: { contractorOrgId: true },
  });
  const image = await drawnSignatureImage();
  for (const orgId of new Set(contracts.map((c) => c.contractorOrgId))) {
    const pm = await projectManagerOf(db, orgId);
    await submitCompletionReport(
      db,
      pm,
      compoundId,
      {
        selfCheck: "已按合同和设计文件完成全部施工内容，自检合格。",
        report: "楼道照明、声光控开关及扶手栏杆改造已全部完成。",
        password: DEMO_PASSWORD,
        image,
      },
      now,
    );
  }
}

/** A demo user as the modules take an actor (role typed). */
export async function demoActor(db: Db, username: string) {
  const u = await db.user.findUniqueOrThrow({ where: { username }, select: userSelect });
  return { ...u, role: u.role as "bureau" };
}

/** The demo 总监理工程师. */
export const chiefOf = (db: Db) =>
  db.user.findUniqueOrThrow({ where: { username: "zongjian" }, select: userSelect });

/**
 * The steps before the 竣工验收 session (decision 0033): every 竣工报告 submitted, the 总监's
 * 预验收 passed. Tests that open a session directly call this first.
 */
export async function passLadder(db: Db, compoundId: string, now = new Date()) {
  await submitAllReports(db, compoundId, now);
  await recordPreAcceptance(
    db,
    await chiefOf(db),
    compoundId,
    {
      problems: "",
      defectIds: [],
      assessment: "工程已按设计和合同完成，同意组织竣工验收。",
      conclusion: "pass",
      password: DEMO_PASSWORD,
      image: await drawnSignatureImage(),
    },
    now,
  );
}

/**
 * The 建设单位's 项目负责人 (xiangmu) opens a 合格 session with each seat's first eligible person,
 * and every one of them signs: the session passes (decision 0019). Returns its id.
 */
export async function passSession(db: Db, compoundId: string, now = new Date()) {
  const overview = (await acceptanceOverview(db, compoundId))!;
  const chosen = overview.seats.map((s) => s.people[0]!.id);
  const { id } = await openAcceptance(db, await demoActor(db, "xiangmu"), compoundId, {
    conclusion: "pass",
    remarks: "工程质量符合设计及规范要求，同意验收。",
    signatories: Object.fromEntries(overview.seats.map((s, i) => [s.seq, chosen[i]!])),
  });
  const image = await drawnSignatureImage();
  for (const userId of chosen) {
    const u = await db.user.findUniqueOrThrow({ where: { id: userId }, select: userSelect });
    await signAcceptance(
      db,
      { ...u, role: u.role as "bureau" },
      id,
      { password: DEMO_PASSWORD, image, opinion: "同意验收" },
      now,
    );
  }
  return id;
}
