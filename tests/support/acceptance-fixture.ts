import type { Db } from "~/infra/db.server";
import { createLot } from "~/modules/lot/create.server";
import {
  getLot,
  LotError,
  saveEntry,
  saveLotRecords,
  transitionLot,
} from "~/modules/lot/lots.server";

/**
 * A small compound (one building, one stairwell, no outdoor zones) whose lots are all accepted
 * except the last one, left submitted for the supervisor: the state just before final acceptance.
 * Built through the module functions, so the audit chain and signed hashes are real.
 */
export async function compoundReadyForAcceptance(
  db: Db,
  options: { code?: string; name?: string; acceptLast?: boolean } = {},
) {
  const code = options.code ?? "CX";
  const users = await db.user.findMany({
    select: { id: true, username: true, role: true, organizationId: true },
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
  const stairwellId = compound.buildings[0]?.stairwells[0]?.id ?? "";
  const workTypes = await db.workType.findMany({
    where: { placeKind: "stairwell" },
    select: { code: true },
    orderBy: { seq: "asc" },
  });
  const lots: { id: string; number: string }[] = [];
  for (const [i, wt] of workTypes.entries()) {
    const lot = await createLot(db, contractor, "own", {
      workTypeCode: wt.code,
      place: { kind: "stairwell", id: stairwellId },
      capacity: 14,
      capacityUnit: "跑",
    });
    await fillPassing(db, { ...contractor, role: "contractor" }, lot.id);
    await transitionLot(db, contractor, "own", lot.id, "submit", null);
    const last = i === workTypes.length - 1;
    if (!last || options.acceptLast)
      await transitionLot(db, supervisor, "any", lot.id, "accept", null);
    lots.push(lot);
  }
  return { compoundId: compound.id, lots, lastLot: lots[lots.length - 1]! };
}

/** Records every item of a lot as passing: checks pass, measured values at an allowed value. */
export async function fillPassing(
  db: Db,
  contractor: { id: string; role: "contractor"; organizationId: string },
  lotId: string,
) {
  const detail = await getLot(db, lotId, contractor, "own");
  if (!detail) throw new LotError("no lot", 404);
  for (const item of detail.items) {
    const n = item.numeric;
    const deviation = n?.quantity === "deviationFromDesign";
    const value = !n
      ? 0
      : deviation
        ? 0
        : n.min !== null && n.max !== null
          ? (n.min + n.max) / 2
          : n.min !== null
            ? n.min + 1
            : n.max !== null
              ? n.max
              : (n.target ?? 0);
    await saveEntry(db, contractor, "own", lotId, {
      itemId: item.itemId,
      result: n && (n.min !== null || n.max !== null) ? null : "pass",
      note: null,
      designValue: deviation ? 0 : null,
      points: n
        ? Array.from({ length: item.requiredSamples ?? 1 }, () => ({ value, serious: false }))
        : [],
    });
  }
  const after = await getLot(db, lotId, contractor, "own");
  const bad = after?.verdict.items.filter((v) => v.status !== "pass" && v.status !== "na");
  if (bad?.length)
    throw new Error(
      `fixture cannot pass ${JSON.stringify(bad)} ${JSON.stringify(after?.items.filter((i) => bad.some((b) => b.itemId === i.itemId)))}`,
    );
  await saveLotRecords(db, contractor, "own", lotId, {
    recordsComplete: true,
    selfCheckNote: "自检合格",
  });
}
