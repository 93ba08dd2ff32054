import type { Db } from "~/infra/db.server";
import { createLot } from "~/modules/lot/create.server";
import { transitionLot } from "~/modules/lot/lots.server";
import type { PhotoStorage } from "~/modules/photo/storage.server";
import { approvePlan, generateCompoundPlan } from "~/modules/plan/plan.server";
import { fillPassing } from "../../prisma/seed/activity";
import { recordDivisions } from "../../prisma/seed/demo-division";
import { signAllConcealed } from "./concealed";
import { completeEvidence } from "./evidence";
import { passLadder } from "./ladder";

/**
 * A small compound (one building, one stairwell, no outdoor zones) whose lots are all accepted
 * except the last one, left submitted for the supervisor: the state just before final acceptance.
 * Built through the module functions, so the audit chain and signed hashes are real. Its
 * 检验批划分方案 is generated and approved by the 总监 unless `plan` is false; `extraStairwells`
 * adds 单元 (in a second building) that the plan lists but no lot covers. Its contractor's
 * 竣工报告 and the 总监's 预验收 are done unless `ladder` is false.
 */
export async function compoundReadyForAcceptance(
  db: Db,
  options: {
    code?: string;
    name?: string;
    acceptLast?: boolean;
    plan?: boolean;
    extraStairwells?: number;
    /** 2: a second building with one 单元, its lots made like the first's (default 1) */
    buildings?: 1 | 2;
    /** false: leave the 竣工报告 and 预验收 undone (default: both done, decision 0033) */
    ladder?: boolean;
    /** 质量控制资料 checked and 安全和功能检验 passed for every 分部 (default true) */
    evidence?: boolean;
    /** 分项/分部 records signed once every lot is accepted (default true; decision 0029) */
    divisions?: boolean;
    /** sign the 隐蔽工程验收 records the approved plan requires (default true) */
    concealed?: boolean;
    /** where those records' photos are stored (default: the app's store) */
    storage?: PhotoStorage;
  } = {},
) {
  const code = options.code ?? "CX";
  const users = await db.user.findMany({
    select: { id: true, username: true, role: true, title: true, organizationId: true },
  });
  const u = (name: string) => {
    const found = users.find((x) => x.username === name);
    if (!found) throw new Error(`no demo user ${name}`);
    return { ...found, role: found.role as "supervisor" | "contractor" };
  };
  const contractor = u("shigong1");
  const supervisor = u("jianli");
  const project = await db.project.findFirstOrThrow({ select: { id: true } });
  const compound = await db.compound.create({
    data: {
      projectId: project.id,
      code,
      name: options.name ?? "城西老旧小区（验收演练）",
      address: "德江县城西路 8 号",
      households: 14,
      builtYear: 1998,
      contracts: {
        create: {
          contractorOrgId: contractor.organizationId,
          name: `标段三（${code}）`,
          scopeZh: "楼道改造",
        },
      },
      buildings: {
        create: {
          seq: 1,
          name: "1栋",
          floors: 7,
          stairwells: { create: { seq: 1, name: "1单元", floors: 7, households: 14 } },
        },
      },
    },
    select: { id: true, buildings: { select: { stairwells: { select: { id: true } } } } },
  });
  if (options.extraStairwells)
    await db.building.create({
      data: {
        compoundId: compound.id,
        seq: 2,
        name: "2栋",
        floors: 6,
        stairwells: {
          create: Array.from({ length: options.extraStairwells }, (_, i) => ({
            seq: i + 1,
            name: `${i + 1}单元`,
            floors: 6,
            households: 12,
          })),
        },
      },
    });
  // a second building with lots in its 单元 too (issue 15's walk: a compound of two buildings)
  const second =
    options.buildings === 2
      ? await db.building.create({
          data: {
            compoundId: compound.id,
            seq: 2,
            name: "2栋",
            floors: 6,
            stairwells: { create: { seq: 1, name: "1单元", floors: 6, households: 12 } },
          },
          select: { stairwells: { select: { id: true } } },
        })
      : null;
  const stairwellIds = [compound.buildings[0]?.stairwells[0]?.id ?? ""].concat(
    second?.stairwells.map((s) => s.id) ?? [],
  );
  const workTypes = await db.workType.findMany({
    where: { placeKind: "stairwell" },
    select: { code: true },
    orderBy: { seq: "asc" },
  });
  const lots: { id: string; number: string }[] = [];
  const planned = stairwellIds.flatMap((id) => workTypes.map((wt) => ({ id, wt })));
  for (const [i, { id: stairwellId, wt }] of planned.entries()) {
    const lot = await createLot(db, contractor, "own", {
      workTypeCode: wt.code,
      place: { kind: "stairwell", id: stairwellId },
      capacity: 14,
      capacityUnit: "跑",
    });
    await fillPassing(db, { ...contractor, role: "contractor" }, lot.id);
    await transitionLot(db, contractor, "own", lot.id, "submit", null);
    const last = i === planned.length - 1;
    if (!last || options.acceptLast)
      await transitionLot(db, supervisor, "any", lot.id, "accept", null);
    lots.push(lot);
  }
  if (options.plan !== false) {
    const chief = u("zongjian");
    await generateCompoundPlan(db, chief, compound.id);
    await approvePlan(db, chief, compound.id);
    if (options.concealed !== false)
      await signAllConcealed(db, compound.id, { storage: options.storage });
    if (options.evidence !== false) await completeEvidence(db, compound.id);
    if (options.acceptLast && options.divisions !== false) await recordDivisions(db, compound.id);
  }
  if (options.ladder !== false) await passLadder(db, compound.id);
  return { compoundId: compound.id, lots, lastLot: lots[lots.length - 1]! };
}
