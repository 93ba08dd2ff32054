/**
 * View models of the 分部/分项 record pages: what the viewer may see (the compound through the
 * site access rules: a contractor only its own compounds) and may do (its seat, the 总监's rating).
 * Codes and data only; dates as ISO strings, signatures as PNG data URLs.
 */
import type { Db } from "~/infra/db.server";
import type { Scope } from "~/modules/auth/permissions";
import type { CurrentUser } from "~/modules/auth/session.server";
import { isChiefSupervisor } from "~/modules/plan/plan";
import { getCompound } from "~/modules/site/queries.server";
import { compoundDivisions, type DivisionRecord, type SignatureView } from "./records.server";
import { divisionSeatOf, isContractorTechLead, subItemSeatOf } from "./rules";

const signatureOf = (s: SignatureView) => ({
  seat: s.seat,
  signerName: s.signerName,
  organization: s.organization,
  conclusion: s.conclusion,
  signedAt: s.signedAt.toISOString(),
  image: `data:image/png;base64,${Buffer.from(s.imagePng).toString("base64")}`,
});

/** A 分项's line in the list and on its 分部's record. */
const subItemRow = (s: DivisionRecord["subItems"][number]) => ({
  id: s.id,
  name: s.name,
  subDivision: s.subDivision,
  planned: s.planned,
  accepted: s.accepted,
  ready: s.ready,
  passed: s.passed,
  href: s.href,
});

async function recordsFor(db: Db, user: CurrentUser, scope: Scope, compoundId: string) {
  const compound = await getCompound(db, compoundId, user, scope);
  if (!compound) return null;
  return {
    compound: { id: compound.id, name: compound.name },
    divisions: await compoundDivisions(db, compound.id),
  };
}

/** The list: every 分部 with its 子分部 and 分项 and their state. */
export async function divisionListPage(
  db: Db,
  user: CurrentUser,
  scope: Scope,
  compoundId: string,
) {
  const found = await recordsFor(db, user, scope, compoundId);
  if (!found) return null;
  return {
    compound: found.compound,
    divisions: found.divisions.map((d) => ({
      division: d.division,
      subDivisions: d.subDivisions,
      passed: d.passed,
      signed: d.signedAt !== null,
      href: d.href,
      subItems: d.subItems.map(subItemRow),
    })),
  };
}

/** One 分项 record (附录F) and the seat the viewer may sign. */
export async function subItemPage(
  db: Db,
  user: CurrentUser,
  scope: Scope,
  compoundId: string,
  subItemId: string,
) {
  const found = await recordsFor(db, user, scope, compoundId);
  const d = found?.divisions.find((x) => x.subItems.some((s) => s.id === subItemId));
  const s = d?.subItems.find((x) => x.id === subItemId);
  if (!found || !d || !s) return null;
  const seat = subItemSeatOf(user);
  const ownWork =
    seat !== "contractorTech" || s.contractors.some((o) => o.id === user.organizationId);
  const free = seat !== null && !s.signatures.some((x) => x.seat === seat);
  return {
    compound: found.compound,
    division: { name: d.division, href: d.href },
    record: {
      id: s.id,
      name: s.name,
      subDivision: s.subDivision,
      standard: s.standard,
      contractors: s.contractors.map((o) => o.name),
      planned: s.planned,
      accepted: s.accepted,
      ready: s.ready,
      passed: s.passed,
      places: s.places.map((p) => ({
        id: p.id,
        placeLabel: p.placeLabel,
        capacity: p.capacity,
        capacityUnit: p.capacityUnit,
        href: p.href,
        lot: p.lot,
      })),
      signatures: s.signatures.map(signatureOf),
    },
    signAs: seat && ownWork && free && s.ready ? seat : null,
    pdfHref: `/reports/compounds/${found.compound.id}/divisions/sub/${s.id}/record.pdf`,
  };
}

/** One 分部 record (附录G): 分项, evidence, 观感, seats, and what the viewer may do. */
export async function divisionPage(
  db: Db,
  user: CurrentUser,
  scope: Scope,
  compoundId: string,
  division: string,
) {
  const found = await recordsFor(db, user, scope, compoundId);
  const d = found?.divisions.find((x) => x.division === division);
  if (!found || !d) return null;
  const seat = divisionSeatOf(user);
  const ownWork =
    seat !== "contractorLead" || d.contractors.some((o) => o.id === user.organizationId);
  const free = seat !== null && !d.signatures.some((x) => x.seat === seat);
  const techLeads = await db.user.findMany({
    where: { organizationId: { in: d.contractors.map((o) => o.id) }, active: true },
    select: { displayName: true, role: true, title: true },
  });
  return {
    compound: found.compound,
    record: {
      division: d.division,
      subDivisions: d.subDivisions,
      contractors: d.contractors.map((o) => o.name),
      techLeads: techLeads.filter(isContractorTechLead).map((u) => u.displayName),
      subItems: d.subItems.map(subItemRow),
      points: d.points.map((p) => {
        const state = d.appearance.points.find((x) => x.code === p.code);
        return { ...p, rating: state?.rating ?? null, reworked: state?.reworked ?? false };
      }),
      conclusion: d.appearance.conclusion,
      evidence: d.evidence && {
        requiredDocuments: d.evidence.requiredDocuments,
        documents: d.evidence.documents.map((x) => ({
          ...x,
          uploadedAt: x.uploadedAt.toISOString(),
        })),
        requiredTests: d.evidence.requiredTests,
        tests: d.evidence.tests.map((x) => ({ ...x, recordedAt: x.recordedAt.toISOString() })),
        href: d.evidence.href,
        complete: d.evidence.gaps.length === 0,
      },
      readiness: d.readiness,
      passed: d.passed,
      signatures: d.signatures.map(signatureOf),
      seats: d.seats,
    },
    canRate: isChiefSupervisor(user) && d.signatures.length === 0,
    signAs: seat && ownWork && free && d.readiness.length === 0 ? seat : null,
    pdfHref: `/reports/compounds/${found.compound.id}/divisions/${encodeURIComponent(d.division)}/record.pdf`,
  };
}
export type DivisionPageData = NonNullable<Awaited<ReturnType<typeof divisionPage>>>;
export type SubItemPageData = NonNullable<Awaited<ReturnType<typeof subItemPage>>>;
export type DivisionListData = NonNullable<Awaited<ReturnType<typeof divisionListPage>>>;
