/**
 * The fourth step of the ladder (decision 0034), after a passed 竣工验收 session: the data the
 * 竣工验收报告 (建质〔2013〕171号 第八条), the 竣工验收备案表 (备案管理办法 第四条) and the
 * 质量保修书 (建设工程质量管理条例 第四十条) are built from, and the 住建局's 备案, written once.
 */

import type { Db } from "~/infra/db.server";
import { DomainError } from "~/infra/domain-error";
import { recordEvent } from "~/modules/audit/record.server";
import { filingDueOn } from "./rules";

type Viewer = { id: string; role: string; organizationId: string };

/** The compound's passed acceptance with its parties as they signed, or null. */
export async function passedAcceptance(db: Db, compoundId: string) {
  return db.finalAcceptance.findFirst({
    where: { compoundId, status: "passed" },
    orderBy: { openedAt: "desc" },
    select: {
      id: true,
      openedAt: true,
      closedAt: true,
      remarks: true,
      openedBy: { select: { displayName: true, organization: { select: { name: true } } } },
      participants: {
        orderBy: { seq: "asc" },
        select: {
          party: true,
          organization: { select: { name: true } },
          user: { select: { displayName: true, title: true } },
          signature: { select: { opinion: true, signedAt: true, imagePng: true } },
        },
      },
    },
  });
}
export type PassedAcceptance = NonNullable<Awaited<ReturnType<typeof passedAcceptance>>>;

/** The day the acceptance passed: its last signature (the session closes then). */
export const acceptedAt = (a: PassedAcceptance) => a.closedAt ?? a.openedAt;

export const filingOf = (db: Db, compoundId: string) =>
  db.completionFiling.findFirst({
    where: { compoundId },
    select: { number: true, filedOn: true, authority: true, recordedAt: true, acceptanceId: true },
  });

/** Whether the 备案 came within 15 days of the passed acceptance (备案管理办法 第四条). */
export function filingTimeliness(accepted: Date, filedOn: Date | null) {
  const dueOn = filingDueOn(accepted);
  return { dueOn, met: filedOn === null ? null : filedOn.getTime() <= dueOn.getTime() };
}

export type FilingInput = { number: string; filedOn: Date };

/**
 * A 住建局 user records the 竣工验收备案 of a passed acceptance: once, with its audit event
 * (`acceptance.file`); the 备案机关 is the user's organisation.
 */
export async function recordFiling(
  db: Db,
  viewer: Viewer,
  compoundId: string,
  input: FilingInput,
  now = new Date(),
) {
  if (viewer.role !== "bureau") throw new DomainError("ladder:errors.bureauOnly", { status: 403 });
  const acceptance = await passedAcceptance(db, compoundId);
  if (!acceptance) throw new DomainError("ladder:errors.notAccepted", { status: 409 });
  const org = await db.organization.findUniqueOrThrow({
    where: { id: viewer.organizationId },
    select: { name: true },
  });
  const data = {
    compoundId,
    acceptanceId: acceptance.id,
    number: input.number.trim(),
    filedOn: input.filedOn,
    authority: org.name,
    filedById: viewer.id,
  };
  await db.$transaction(async (tx) => {
    if ((await tx.completionFiling.count({ where: { compoundId } })) > 0)
      throw new DomainError("ladder:errors.filed", { status: 409 });
    const row = await tx.completionFiling.create({
      data: { ...data, recordedAt: now },
      select: { id: true },
    });
    await recordEvent(
      tx,
      {
        actorId: viewer.id,
        action: "acceptance.file",
        entityType: "Compound",
        entityId: compoundId,
        data: { filingId: row.id, ...data, filedOn: data.filedOn.toISOString() },
      },
      now,
    );
  });
}
