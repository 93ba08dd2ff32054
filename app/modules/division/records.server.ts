/**
 * The 分项 (附录F) and 分部 (附录G) records of a compound, computed from its approved
 * 检验批划分方案, the lots, the stored signatures and 观感 ratings, and the evidence module's
 * 质量控制资料/安全和功能检验 (its gaps are the 分部's gaps). One read for every page, PDF and the
 * 竣工验收 prerequisite.
 */
import type { Db } from "~/infra/db.server";
import { type DivisionEvidence, divisionEvidence } from "~/modules/evidence/evidence.server";
import { planOverview } from "~/modules/plan/plan.server";
import { appearancePointsOf } from "./appearance-points";
import {
  type AppearanceState,
  appearanceState,
  DIVISION_SEATS,
  divisionReadinessGaps,
  REQUIRED_DIVISION_SEATS,
  SUB_ITEM_SEATS,
  signedAt,
  subItemReady,
} from "./rules";
import type { DivisionGap } from "./summary.server";

export const divisionsHref = (compoundId: string) => `/compounds/${compoundId}/divisions`;
export const subItemHref = (compoundId: string, subItemId: string) =>
  `/compounds/${compoundId}/divisions/sub/${subItemId}`;
export const divisionHref = (compoundId: string, division: string) =>
  `/compounds/${compoundId}/divisions/${encodeURIComponent(division)}`;

export type SignatureView = {
  seat: string;
  signerId: string;
  signerName: string;
  signerTitle: string;
  organization: string;
  conclusion: string;
  signedAt: Date;
  imagePng: Uint8Array;
};

async function signaturesOf(db: Db, compoundId: string): Promise<SignatureRow[]> {
  const rows = await db.divisionSignature.findMany({
    where: { compoundId },
    select: {
      level: true,
      recordKey: true,
      seat: true,
      signerId: true,
      conclusion: true,
      signedAt: true,
      imagePng: true,
    },
    orderBy: { signedAt: "asc" },
  });
  const users = await db.user.findMany({
    where: { id: { in: [...new Set(rows.map((r) => r.signerId))] } },
    select: { id: true, displayName: true, title: true, organization: { select: { name: true } } },
  });
  return rows.map((r) => {
    const u = users.find((x) => x.id === r.signerId);
    return {
      ...r,
      signerName: u?.displayName ?? "—",
      signerTitle: u?.title ?? "",
      organization: u?.organization.name ?? "",
    };
  });
}
type SignatureRow = SignatureView & { level: string; recordKey: string };

/** The contractor organisations whose lots a set of planned places holds. */
async function contractorsOf(db: Db, lotIds: string[]) {
  const lots = await db.inspectionLot.findMany({
    where: { id: { in: lotIds } },
    select: { id: true, contractorOrgId: true },
  });
  const orgs = await db.organization.findMany({
    where: { id: { in: [...new Set(lots.map((l) => l.contractorOrgId))] } },
    select: { id: true, name: true },
  });
  return { lots: new Map(lots.map((l) => [l.id, l.contractorOrgId])), orgs };
}

export type SubItemRecord = Awaited<
  ReturnType<typeof compoundDivisions>
>[number]["subItems"][number];
export type DivisionRecord = Awaited<ReturnType<typeof compoundDivisions>>[number];

/** Every 分部 of the compound's plan with its 子分部, 分项 records and 分部 record state. */
export async function compoundDivisions(
  db: Db,
  compoundId: string,
  given: { evidence?: DivisionEvidence[] } = {},
) {
  const overview = await planOverview(db, compoundId);
  if (!overview) return [];
  const [signatures, ratings, evidence] = await Promise.all([
    signaturesOf(db, compoundId),
    db.appearanceRating.findMany({
      where: { compoundId },
      select: { division: true, point: true, rating: true, ratedAt: true },
    }),
    given.evidence ?? divisionEvidence(db, compoundId),
  ]);
  const lotIds = overview.coverage.flatMap((s) =>
    s.places.flatMap((p) => (p.lot ? [p.lot.id] : [])),
  );
  const contractors = await contractorsOf(db, lotIds);
  const standards = new Map(overview.plan.subItems.map((s) => [s.id, s.standard]));
  const subItems = overview.coverage.map((s) => {
    const own = signatures.filter((x) => x.level === "subItem" && x.recordKey === s.id);
    const ready = subItemReady(s.places);
    const at = signedAt(SUB_ITEM_SEATS, own);
    const orgIds = new Set(
      s.places.flatMap((p) => (p.lot ? [contractors.lots.get(p.lot.id) ?? ""] : [])),
    );
    return {
      id: s.id,
      division: s.division,
      subDivision: s.subDivision,
      name: s.name,
      standard: standards.get(s.id) ?? "",
      planned: s.planned,
      accepted: s.accepted,
      places: s.places,
      contractors: contractors.orgs.filter((o) => orgIds.has(o.id)),
      ready,
      signatures: own,
      signedAt: at,
      /** §5.0.2 and the 附录F record signed by both seats */
      passed: ready && at !== null,
      href: subItemHref(compoundId, s.id),
    };
  });
  const names = [...new Set(subItems.map((s) => s.division))];
  return names.map((division) => {
    const own = subItems.filter((s) => s.division === division);
    const points = appearancePointsOf(division);
    const appearance: AppearanceState = appearanceState(
      points.map((p) => p.code),
      ratings.filter((r) => r.division === division),
    );
    const ev: DivisionEvidence | null = evidence.find((e) => e.division === division) ?? null;
    const sigs = signatures.filter((x) => x.level === "division" && x.recordKey === division);
    const href = divisionHref(compoundId, division);
    const readiness: DivisionGap[] = [
      ...divisionReadinessGaps({ subItems: own, appearance }).map((g) => ({
        ...g,
        href:
          g.code === "subItemOpen"
            ? (own.find((s) => s.name === g.params.subItem)?.href ?? href)
            : href,
      })),
      ...(ev?.gaps ?? []).map((g) => ({ code: g.code, params: g.params, href: ev?.href ?? href })),
    ];
    const at = signedAt(REQUIRED_DIVISION_SEATS, sigs);
    const gaps: DivisionGap[] =
      at === null ? [...readiness, { code: "unsigned", params: { division }, href }] : readiness;
    return {
      division,
      subDivisions: [...new Set(own.map((s) => s.subDivision).filter(Boolean))],
      subItems: own,
      contractors: [...new Map(own.flatMap((s) => s.contractors).map((o) => [o.id, o])).values()],
      points,
      appearance,
      evidence: ev,
      signatures: sigs,
      seats: DIVISION_SEATS,
      /** what keeps the 分部 from being signed (empty: it may be signed) */
      readiness,
      signedAt: at,
      /** §5.0.3: 分项 all passed, evidence without gaps, 观感 rated without 差, and signed */
      passed: readiness.length === 0 && at !== null,
      gaps,
      href,
    };
  });
}
