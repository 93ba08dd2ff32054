/**
 * The fourth step of the ladder (decision 0034), after a passed 竣工验收 session: the data the
 * 竣工验收报告 (建质〔2013〕171号 第八条), the 竣工验收备案表 (备案管理办法 第四条) and the
 * 质量保修书 (建设工程质量管理条例 第四十条) are built from, and the 住建局's 备案, written once.
 */

import type { Db } from "~/infra/db.server";
import { DomainError } from "~/infra/domain-error";
import { acceptanceOverview, organiserRefusal } from "~/modules/acceptance/acceptance.server";
import { recordEvent } from "~/modules/audit/record.server";
import { formatDate } from "~/modules/i18n/dates";
import { FACTS_SELECT } from "./h0101.server";
import { filingDueOn } from "./rules";

type Viewer = Parameters<typeof organiserRefusal>[0];

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

export type FactsInput = {
  structureType?: string;
  storeys?: string;
  floorArea?: number;
  startedOn?: Date;
  finishedOn?: Date;
};

/**
 * The 建设单位's 项目负责人 enters the 附录H H.0.1-1 facts (结构类型, 层数, 建筑面积, 开工/完工日期)
 * while no session has passed; afterwards they are part of the signed record and stay.
 */
export async function recordCompoundFacts(
  db: Db,
  viewer: Viewer,
  compoundId: string,
  input: FactsInput,
  now = new Date(),
) {
  const overview = await acceptanceOverview(db, compoundId);
  if (!overview) throw new DomainError("acceptance:errors.compoundNotFound", { status: 404 });
  const refusal = organiserRefusal(viewer, overview.seats);
  if (refusal) throw refusal;
  if (input.startedOn && input.finishedOn && input.finishedOn < input.startedOn)
    throw new DomainError("ladder:errors.datesOrder", { status: 400, field: "finishedOn" });
  const data = {
    structureType: input.structureType || null,
    storeys: input.storeys || null,
    floorArea: input.floorArea ?? null,
    startedOn: input.startedOn ?? null,
    finishedOn: input.finishedOn ?? null,
  };
  await db.$transaction(async (tx) => {
    if ((await tx.finalAcceptance.count({ where: { compoundId, status: "passed" } })) > 0)
      throw new DomainError("ladder:errors.factsLocked", { status: 409 });
    await tx.compound.update({ where: { id: compoundId }, data, select: { id: true } });
    await recordEvent(
      tx,
      {
        actorId: viewer.id,
        action: "acceptance.facts",
        entityType: "Compound",
        entityId: compoundId,
        data: {
          ...data,
          startedOn: data.startedOn?.toISOString() ?? null,
          finishedOn: data.finishedOn?.toISOString() ?? null,
        },
      },
      now,
    );
  });
}

/** The fourth step as the acceptance page shows it, or null before a passed session. */
export async function closingView(db: Db, user: Viewer, compoundId: string) {
  const [acceptance, filing, overview, facts] = await Promise.all([
    passedAcceptance(db, compoundId),
    filingOf(db, compoundId),
    acceptanceOverview(db, compoundId),
    db.compound.findUnique({
      where: { id: compoundId },
      select: FACTS_SELECT,
    }),
  ]);
  // calendar days in the project's time zone (as the forms send them), yyyy-MM-dd
  const day = (d: Date | null | undefined) => (d ? formatDate(d, "zh-CN") : "");
  const editFacts = !acceptance && !!overview && organiserRefusal(user, overview.seats) === null;
  const factsView = facts && {
    structureType: facts.structureType ?? "",
    storeys: facts.storeys ?? "",
    floorArea: facts.floorArea === null ? "" : String(facts.floorArea),
    startedOn: day(facts.startedOn),
    finishedOn: day(facts.finishedOn),
  };
  if (!acceptance) return { facts: factsView, canEditFacts: editFacts, passed: null };
  const at = acceptedAt(acceptance);
  const { dueOn, met } = filingTimeliness(at, filing?.filedOn ?? null);
  return {
    facts: factsView,
    canEditFacts: false,
    passed: {
      acceptedOn: day(at),
      dueOn: day(dueOn),
      met,
      filing: filing && {
        number: filing.number,
        filedOn: day(filing.filedOn),
        authority: filing.authority,
      },
      canFile: !filing && user.role === "bureau",
    },
  };
}
export type ClosingView = Awaited<ReturnType<typeof closingView>>;
