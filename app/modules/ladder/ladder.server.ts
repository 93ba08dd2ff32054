/**
 * The steps before the 竣工验收 session (decision 0033): each contractor's 自检 and 工程竣工报告,
 * then the 总监理工程师's 竣工预验收 (GB 50300-2013 §6.0.5; 建质〔2013〕171号 第五条). Each is
 * signed (drawn signature + signing password), written once with its audit event, never edited.
 */
import type { Db } from "~/infra/db.server";
import { isUniqueViolation } from "~/infra/db-errors";
import { DomainError } from "~/infra/domain-error";
import { canHoldSeat } from "~/modules/acceptance/parties";
import type { SignatureImage } from "~/modules/acceptance/signature-image.server";
import { recordEvent } from "~/modules/audit/record.server";
import { checkSigningPassword } from "~/modules/auth/signing-password.server";
import { ladderRows } from "./rows.server";
import { type LadderState, preAcceptanceRefusal, reportRefusal } from "./rules";

type Viewer = { id: string; role: string; organizationId: string; title: string };
type Signed = { password: string; image: SignatureImage };

/** The ladder's state for the rules: contractors with a contract, reports, 预验收, session. */
export async function ladderState(db: Db, compoundId: string): Promise<LadderState> {
  const [contracts, rows, session] = await Promise.all([
    db.contract.findMany({
      where: { compoundId },
      select: { contractor: { select: { id: true, name: true } } },
      orderBy: { name: "asc" },
    }),
    ladderRows(db, compoundId),
    db.finalAcceptance.findFirst({
      where: { compoundId, status: { not: "void" } },
      select: { status: true },
      orderBy: { openedAt: "desc" },
    }),
  ]);
  const contractors = new Map<string, string>();
  for (const c of contracts) contractors.set(c.contractor.id, c.contractor.name);
  return {
    contractors: [...contractors].map(([organizationId, organizationName]) => ({
      organizationId,
      organizationName,
    })),
    reported: rows.reported,
    preAcceptance: rows.preAcceptance,
    acceptance: session?.status ?? null,
  };
}

async function checkPassword(db: Db, viewer: Viewer, password: string, now: Date) {
  const result = await checkSigningPassword(db, viewer.id, password, now);
  if (!result.ok)
    throw result.status === 429
      ? new DomainError("acceptance:errors.passwordThrottled", { status: 429 })
      : new DomainError("acceptance:errors.wrongPassword", { status: 400, field: "password" });
}

const rethrowDuplicate =
  (code: "ladder:errors.reportSubmitted" | "ladder:errors.preAccepted") => (error: unknown) => {
    if (isUniqueViolation(error)) throw new DomainError(code, { status: 409 });
    throw error;
  };

export type ReportInput = Signed & { selfCheck: string; report: string };

/** A contractor's 项目负责人 submits its 自检 conclusion and 工程竣工报告 (§6.0.5). */
export async function submitCompletionReport(
  db: Db,
  viewer: Viewer,
  compoundId: string,
  input: ReportInput,
  now = new Date(),
) {
  const state = await ladderState(db, compoundId);
  const refusal = reportRefusal(state, viewer.organizationId);
  if (refusal === "noContract") throw new DomainError("ladder:errors.noContract", { status: 403 });
  if (!canHoldSeat("contractor", viewer.title))
    throw new DomainError("ladder:errors.reportPost", { status: 403 });
  if (refusal === "submitted")
    throw new DomainError("ladder:errors.reportSubmitted", { status: 409 });
  if (refusal === "preAccepted")
    throw new DomainError("ladder:errors.preAccepted", { status: 409 });
  await checkPassword(db, viewer, input.password, now);
  const data = {
    compoundId,
    contractorOrgId: viewer.organizationId,
    selfCheck: input.selfCheck.trim(),
    report: input.report.trim(),
    signerId: viewer.id,
    imageSha256: input.image.sha256,
  };
  await db
    .$transaction(async (tx) => {
      const row = await tx.completionReport.create({
        data: { ...data, imagePng: new Uint8Array(input.image.png), submittedAt: now },
        select: { id: true },
      });
      await recordEvent(
        tx,
        {
          actorId: viewer.id,
          action: "acceptance.report",
          entityType: "Compound",
          entityId: compoundId,
          data: { reportId: row.id, ...data },
        },
        now,
      );
    })
    .catch(rethrowDuplicate("ladder:errors.reportSubmitted"));
}

export type PreAcceptanceInput = Signed & {
  problems: string;
  defectIds: string[];
  assessment: string;
  conclusion: "pass" | "fail";
};

/** The 总监理工程师 records the 竣工预验收: problems found, linked defects, assessment, conclusion. */
export async function recordPreAcceptance(
  db: Db,
  viewer: Viewer,
  compoundId: string,
  input: PreAcceptanceInput,
  now = new Date(),
) {
  if (viewer.role !== "supervisor" || !canHoldSeat("supervisor", viewer.title))
    throw new DomainError("ladder:errors.chiefOnly", { status: 403 });
  const refusal = preAcceptanceRefusal(await ladderState(db, compoundId));
  if (refusal === "passed") throw new DomainError("ladder:errors.preAccepted", { status: 409 });
  if (refusal === "reportsMissing")
    throw new DomainError("ladder:errors.reportsMissing", { status: 409 });
  const problems = input.problems.trim();
  if (input.conclusion === "fail" && !problems)
    throw new DomainError("ladder:errors.failNeedsProblems", { status: 400, field: "problems" });
  const defectIds = [...new Set(input.defectIds)];
  const found = await db.defect.count({ where: { id: { in: defectIds }, compoundId } });
  if (found !== defectIds.length)
    throw new DomainError("ladder:errors.defectUnknown", { status: 400, field: "defectIds" });
  await checkPassword(db, viewer, input.password, now);
  const data = {
    compoundId,
    chiefId: viewer.id,
    problems,
    defectIds: JSON.stringify(defectIds),
    assessment: input.assessment.trim(),
    conclusion: input.conclusion,
    imageSha256: input.image.sha256,
  };
  await db.$transaction(async (tx) => {
    // a passed 预验收 is final: a second one at the same moment is refused here
    if ((await tx.preAcceptance.count({ where: { compoundId, conclusion: "pass" } })) > 0)
      throw new DomainError("ladder:errors.preAccepted", { status: 409 });
    const row = await tx.preAcceptance.create({
      data: { ...data, imagePng: new Uint8Array(input.image.png), recordedAt: now },
      select: { id: true },
    });
    await recordEvent(
      tx,
      {
        actorId: viewer.id,
        action: "acceptance.preaccept",
        entityType: "Compound",
        entityId: compoundId,
        data: { preAcceptanceId: row.id, ...data },
      },
      now,
    );
  });
}
