import type { Db } from "~/infra/db.server";
import { parseStringList } from "~/modules/checklist/queries.server";
import { concealedWorkGaps } from "~/modules/concealed/summary.server";
import { divisionSummaries } from "~/modules/division/summary.server";
import { divisionEvidence } from "~/modules/evidence/evidence.server";
import { ladderRows } from "~/modules/ladder/rows.server";
import { type PlanOverview, planOverview } from "~/modules/plan/plan.server";
import { type AcceptanceContent, acceptanceContentHash } from "./content";
import { canHoldSeat, type Party } from "./parties";
import { acceptancePrerequisites, type PartySeat, type PrereqPlan } from "./prerequisites";
import type { AnyT } from "./words";
import { zhT } from "./zh";

/** The organisation kind of each party's seat when no organisation is named for it. */
const PARTY_ORG_KIND: Record<Party, string> = {
  owner: "owner",
  contractor: "contractor",
  supervisor: "supervisor",
  designer: "design",
  surveyor: "survey",
  bureau: "bureau",
};

export type Seat = PartySeat & {
  seq: number;
  organizationId: string | null;
  people: { id: string; displayName: string; title: string }[];
};

/** The content hash each lot's acceptance signed: the last `lot.accept` event's payload. */
export async function signedLotHashes(db: Db, lotIds: string[]) {
  const events = await db.auditEvent.findMany({
    where: { entityType: "InspectionLot", action: "lot.accept", entityId: { in: lotIds } },
    select: { entityId: true, payload: true },
    orderBy: { seq: "asc" },
  });
  const map = new Map<string, string>();
  for (const e of events) {
    const hash = (JSON.parse(e.payload) as { contentHash?: string }).contentHash;
    if (hash) map.set(e.entityId, hash);
  }
  return map;
}

/** Everything the acceptance of one compound depends on, read in one go. */
export async function compoundRecord(db: Db, compoundId: string) {
  const compound = await db.compound.findUnique({
    where: { id: compoundId },
    select: {
      id: true,
      code: true,
      name: true,
      address: true,
      households: true,
      ownerOrgId: true,
      project: {
        select: { name: true, ownerOrgId: true, phases: { orderBy: { seq: "asc" } } },
      },
      buildings: { select: { _count: { select: { stairwells: true } } } },
      zones: { select: { kind: true } },
      contracts: {
        select: { name: true, contractor: { select: { id: true, name: true } } },
        orderBy: { name: "asc" },
      },
    },
  });
  if (!compound) return null;
  const [lots, defects, workTypes, plan, ladder, concealed] = await Promise.all([
    db.inspectionLot.findMany({
      where: { compoundId },
      select: {
        id: true,
        number: true,
        status: true,
        recordsComplete: true,
        placeLabel: true,
        acceptedAt: true,
        workType: { select: { code: true, nameZh: true } },
      },
      orderBy: { number: "asc" },
    }),
    db.defect.findMany({
      where: { compoundId },
      select: { id: true, number: true, title: true, status: true },
      orderBy: { number: "asc" },
    }),
    db.workType.findMany({
      select: { code: true, nameZh: true, placeKind: true, zoneKinds: true },
      orderBy: { seq: "asc" },
    }),
    planOverview(db, compoundId),
    ladderRows(db, compoundId),
    // concealed-work block: read for the prerequisites only (not part of the content hash)
    concealedWorkGaps(db, compoundId),
  ]);
  const signed = await signedLotHashes(
    db,
    lots.filter((l) => l.status === "accepted").map((l) => l.id),
  );
  // 分部 records count once the plan is approved (decision 0029); not part of the content hash.
  // Read once here for the prerequisites and for the 附录H tables the records print.
  const approved = plan?.plan.status === "approved";
  const evidence = approved ? await divisionEvidence(db, compoundId, { concealed }) : [];
  const summaries = approved ? await divisionSummaries(db, compoundId, { evidence }) : [];
  const divisions = approved
    ? summaries.map((d) => ({ division: d.division, passed: d.passed, href: d.href }))
    : null;
  return {
    compound,
    lots,
    defects,
    signed,
    plan,
    ladder,
    divisions,
    concealed,
    /** the 分部 and evidence records as read above (empty before the plan is approved) */
    ladderReads: { evidence, divisions: summaries },
    workTypes: workTypes.map((wt) => ({ ...wt, zoneKinds: parseStringList(wt.zoneKinds) })),
  };
}
export type CompoundRecord = NonNullable<Awaited<ReturnType<typeof compoundRecord>>>;

/** The compound's 建设单位: its own setting, else the project's (here 县住建局). */
export const ownerOrgIdOf = (record: CompoundRecord) =>
  record.compound.ownerOrgId ?? record.compound.project.ownerOrgId;

/**
 * One seat per required party (GB 50300 §6.0.6): 建设单位 (the compound's owner organisation),
 * 施工单位 once for every contractor holding a contract here, 监理单位, 设计单位, and 勘察单位
 * where one is registered (old-compound renovation usually has none). Candidates are the
 * organisation's active people holding the seat's post (项目负责人; 总监理工程师 for 监理).
 */
export async function partySeats(
  db: Db,
  record: CompoundRecord,
  t: AnyT = zhT() as AnyT,
): Promise<Seat[]> {
  const orgs = await db.organization.findMany({
    select: {
      id: true,
      name: true,
      kind: true,
      users: {
        where: { active: true },
        select: { id: true, displayName: true, title: true },
        orderBy: { username: "asc" },
      },
    },
    orderBy: { name: "asc" },
  });
  const seat = (party: Party, orgId: string | null | undefined, seq: number): Seat => {
    const org = orgs.find((o) => (orgId ? o.id === orgId : o.kind === PARTY_ORG_KIND[party]));
    const people = (org?.users ?? []).filter((u) => canHoldSeat(party, u.title));
    return {
      seq,
      party,
      organizationId: org?.id ?? null,
      organizationName: org?.name ?? t("acceptance:open.unregistered"),
      candidates: people.length,
      people,
    };
  };
  const seats: Seat[] = [seat("owner", ownerOrgIdOf(record), 1)];
  for (const c of record.compound.contracts)
    seats.push(seat("contractor", c.contractor.id, seats.length + 1));
  for (const party of ["supervisor", "designer"] as const)
    seats.push(seat(party, null, seats.length + 1));
  if (orgs.some((o) => o.kind === PARTY_ORG_KIND.surveyor))
    seats.push(seat("surveyor", null, seats.length + 1));
  return seats;
}

/**
 * The plan's planned lots not yet accepted, one per work type and place (the lot there records
 * all of its 分项, named in the label), in the plan's order.
 */
export function pendingPlannedLots(
  plan: PlanOverview | null,
  workTypeName: (code: string) => string,
  t: AnyT = zhT() as AnyT,
): PrereqPlan {
  if (!plan) return null;
  const pending = new Map<
    string,
    { label: string; subItems: string[]; state: "missing" | "opened"; href: string }
  >();
  for (const s of plan.coverage)
    for (const p of s.places) {
      if (p.state === "accepted") continue;
      const key = `${p.workTypeCode}|${p.href}`;
      const entry = pending.get(key) ?? {
        label: `${p.placeLabel} ${workTypeName(p.workTypeCode)}`,
        subItems: [],
        state: p.state,
        href: p.href,
      };
      entry.subItems.push(s.name);
      pending.set(key, entry);
    }
  return {
    approved: plan.plan.status === "approved",
    pending: [...pending.values()].map((p) => ({
      label: t("acceptance:prereq.plannedLot", {
        label: p.label,
        subItems: p.subItems.join(t("acceptance:prereq.listSeparator")),
      }),
      state: p.state,
      href: p.href,
    })),
  };
}

export function prerequisitesOf(record: CompoundRecord, seats: Seat[], t: AnyT = zhT() as AnyT) {
  const { compound } = record;
  return acceptancePrerequisites({
    compoundId: compound.id,
    compound: {
      buildings: compound.buildings.length,
      stairwells: compound.buildings.reduce((n, b) => n + b._count.stairwells, 0),
      zoneKinds: compound.zones.map((z) => z.kind),
    },
    workTypes: record.workTypes,
    lots: record.lots.map((l) => ({ ...l, workTypeCode: l.workType.code })),
    defects: record.defects,
    seats,
    plan: pendingPlannedLots(
      record.plan,
      (code) => record.workTypes.find((w) => w.code === code)?.nameZh ?? code,
      t,
    ),
    ladder: {
      missingReports: compound.contracts
        .filter((c) => !record.ladder.reported.includes(c.contractor.id))
        .map((c) => ({ organization: c.contractor.name })),
      preAcceptance: record.ladder.preAcceptance,
    },
    divisions: record.divisions ?? undefined,
    concealed: record.concealed,
  });
}

export function contentOf(
  record: CompoundRecord,
  participants: AcceptanceContent["participants"],
  conclusion: string,
  remarks: string,
): AcceptanceContent {
  return {
    compound: { id: record.compound.id, code: record.compound.code, name: record.compound.name },
    lots: record.lots.map((l) => ({
      id: l.id,
      status: l.status,
      signedHash: record.signed.get(l.id) ?? null,
    })),
    defects: record.defects.map((d) => ({ id: d.id, status: d.status })),
    participants,
    conclusion,
    remarks,
  };
}

/** The content hash of an acceptance as the compound's record stands now. */
export async function currentContentHash(
  db: Db,
  acceptance: {
    compoundId: string;
    conclusion: string;
    remarks: string;
    participants: { seq: number; party: string; organizationId: string; userId: string }[];
  },
) {
  const record = await compoundRecord(db, acceptance.compoundId);
  if (!record) return null;
  const participants = acceptance.participants.map(({ seq, party, organizationId, userId }) => ({
    seq,
    party,
    organizationId,
    userId,
  }));
  return acceptanceContentHash(
    contentOf(record, participants, acceptance.conclusion, acceptance.remarks),
  );
}
