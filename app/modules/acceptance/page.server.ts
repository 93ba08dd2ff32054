import type { Db } from "~/infra/db.server";
import { type Actor, type Scope, scopeFor } from "~/modules/auth/permissions";
import type { CurrentUser } from "~/modules/auth/session.server";
import { defectWhere } from "~/modules/defect/access.server";
import { lotWhere } from "~/modules/lot/access.server";
import { reviewSummary } from "~/modules/residents/reviews.server";
import { getCompound } from "~/modules/site/queries.server";
import { acceptanceOverview, organiserRefusal } from "./acceptance.server";
import { type AcceptanceStatus, isSupervisionStation } from "./parties";
import { type Prerequisite, redactBlockers } from "./prerequisites";
import { supervisionRecord } from "./supervision.server";
import type { AnyT } from "./words";

/** Blockers the viewer may open keep their names and links; the others become a count. */
async function visiblePrerequisites(db: Db, user: Actor, compoundId: string, list: Prerequisite[]) {
  const lotScope = scopeFor(user.role, "lot.view");
  const defectScope = scopeFor(user.role, "defect.view");
  if (lotScope === "any" && defectScope === "any") return list;
  const [lots, defects] = await Promise.all([
    db.inspectionLot.findMany({
      where: { AND: [{ compoundId }, lotWhere(user, lotScope)] },
      select: { id: true },
    }),
    db.defect.findMany({
      where: { AND: [{ compoundId }, defectWhere(user, defectScope)] },
      select: { id: true },
    }),
  ]);
  const open = new Set([
    ...lots.map((l) => `/lots/${l.id}`),
    ...defects.map((d) => `/defects/${d.id}`),
  ]);
  return redactBlockers(list, (href) => open.has(href));
}

/**
 * Everything the 竣工验收 page shows the viewer, computed live: prerequisites (redacted to what the
 * viewer may open), the residents' review figures, the party seats (candidates only for the one
 * who names them), the session with its signatures, the 质监站's record and what the viewer may
 * do. Null when the compound is not the viewer's to see. Dates are ISO strings (the page words
 * them); party, status and conclusion are codes.
 */
export async function acceptancePage(
  db: Db,
  user: CurrentUser,
  scope: Scope,
  compoundId: string,
  t?: AnyT,
) {
  const compound = await getCompound(db, compoundId, user, scope);
  if (!compound) return null;
  const overview = await acceptanceOverview(db, compound.id, t);
  if (!overview) return null;
  const { acceptance, seats, prerequisites, hashCheck } = overview;
  const canManage =
    scopeFor(user.role, "acceptance.manage") !== null && organiserRefusal(user, seats) === null;
  const mine = acceptance?.participants.find((p) => p.userId === user.id);
  const supervision = acceptance ? await supervisionRecord(db, acceptance.id) : null;
  const organiser = seats.find((s) => s.party === "owner");
  return {
    compound: { id: compound.id, name: compound.name },
    prerequisites: await visiblePrerequisites(db, user, compound.id, prerequisites),
    reviews: await reviewSummary(db, compound.id),
    seats: seats.map((s) => ({
      seq: s.seq,
      party: s.party,
      organizationName: s.organizationName,
      // Candidate signatories are for the one who names them.
      people: canManage ? s.people : [],
    })),
    acceptance: acceptance && {
      id: acceptance.id,
      // the column holds only these (the module writes it)
      status: acceptance.status as AcceptanceStatus,
      conclusion: acceptance.conclusion,
      remarks: acceptance.remarks,
      openedAt: acceptance.openedAt.toISOString(),
      openedBy: acceptance.openedBy.displayName,
      contentHash: acceptance.contentHash,
      participants: acceptance.participants.map((p) => ({
        id: p.id,
        party: p.party,
        organization: p.organization.name,
        name: p.user.displayName,
        title: p.user.title,
        signature: p.signature && {
          signedAt: p.signature.signedAt.toISOString(),
          opinion: p.signature.opinion,
          image: `data:image/png;base64,${Buffer.from(p.signature.imagePng).toString("base64")}`,
        },
      })),
    },
    hashCheck: hashCheck && {
      matches: hashCheck.matches,
      signaturesMatch: hashCheck.signaturesMatch,
    },
    organiser: organiser?.organizationName ?? "",
    supervision: supervision && { ...supervision, filedAt: supervision.filedAt.toISOString() },
    canSupervise:
      !!acceptance &&
      acceptance.status !== "void" &&
      !supervision &&
      !mine &&
      scopeFor(user.role, "acceptance.supervise") !== null &&
      isSupervisionStation(user),
    canOpen: canManage && acceptance?.status !== "open" && acceptance?.status !== "passed",
    canVoid: canManage && acceptance?.status === "open",
    canSign: acceptance?.status === "open" && !!mine && !mine.signature,
    canExport: scopeFor(user.role, "report.export") !== null,
  };
}
export type AcceptancePageData = NonNullable<Awaited<ReturnType<typeof acceptancePage>>>;
