import type { Db } from "~/infra/db.server";
import { canHoldSeat } from "~/modules/acceptance/parties";
import type { CurrentUser } from "~/modules/auth/session.server";
import { ladderState } from "./ladder.server";
import { currentStep, preAcceptanceRefusal, reportRefusal } from "./rules";

const dataUrl = (png: Uint8Array) => `data:image/png;base64,${Buffer.from(png).toString("base64")}`;
const parseIds = (json: string): string[] => {
  const v: unknown = JSON.parse(json);
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
};

/**
 * The ladder as the acceptance page shows it to this viewer (the compound is already checked to
 * be theirs): where the compound stands, each contractor's 竣工报告 (a contractor reads only its
 * own report's text), the 预验收 records, and what the viewer may do. Dates are ISO strings.
 */
export async function ladderView(db: Db, user: CurrentUser, compoundId: string) {
  const state = await ladderState(db, compoundId);
  const [reports, pres] = await Promise.all([
    db.completionReport.findMany({
      where: { compoundId },
      select: {
        contractorOrgId: true,
        selfCheck: true,
        report: true,
        signerId: true,
        imagePng: true,
        submittedAt: true,
      },
    }),
    db.preAcceptance.findMany({
      where: { compoundId },
      select: {
        id: true,
        chiefId: true,
        problems: true,
        defectIds: true,
        assessment: true,
        conclusion: true,
        imagePng: true,
        recordedAt: true,
      },
      orderBy: { recordedAt: "asc" },
    }),
  ]);
  const linked = pres.flatMap((p) => parseIds(p.defectIds));
  const canPreAccept =
    user.role === "supervisor" &&
    canHoldSeat("supervisor", user.title) &&
    preAcceptanceRefusal(state) === null;
  const [people, defects] = await Promise.all([
    db.user.findMany({
      where: { id: { in: [...reports.map((r) => r.signerId), ...pres.map((p) => p.chiefId)] } },
      select: { id: true, displayName: true },
    }),
    db.defect.findMany({
      where: canPreAccept ? { compoundId } : { compoundId, id: { in: linked } },
      select: { id: true, number: true, title: true, status: true },
      orderBy: { number: "asc" },
    }),
  ]);
  const nameOf = (id: string) => people.find((p) => p.id === id)?.displayName ?? "";
  const ownOnly = user.role === "contractor";
  return {
    step: currentStep(state),
    contractors: state.contractors.map((c) => {
      const r = reports.find((x) => x.contractorOrgId === c.organizationId);
      const readable = !ownOnly || c.organizationId === user.organizationId;
      return {
        organizationName: c.organizationName,
        report: r && {
          submittedAt: r.submittedAt.toISOString(),
          signer: nameOf(r.signerId),
          text: readable ? { selfCheck: r.selfCheck, report: r.report } : null,
          image: readable ? dataUrl(r.imagePng) : null,
        },
      };
    }),
    preAcceptances: pres.map((p) => ({
      id: p.id,
      chief: nameOf(p.chiefId),
      problems: p.problems,
      assessment: p.assessment,
      conclusion: p.conclusion === "pass" ? ("pass" as const) : ("fail" as const),
      recordedAt: p.recordedAt.toISOString(),
      image: dataUrl(p.imagePng),
      defects: defects.filter((d) => parseIds(p.defectIds).includes(d.id)),
    })),
    preAccepted: state.preAcceptance === "pass",
    canReport:
      user.role === "contractor" &&
      canHoldSeat("contractor", user.title) &&
      reportRefusal(state, user.organizationId) === null,
    canPreAccept,
    /** the compound's defects the 总监 may link to the 预验收 */
    defects: canPreAccept ? defects : [],
  };
}
export type LadderView = Awaited<ReturnType<typeof ladderView>>;
