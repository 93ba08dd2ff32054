/**
 * 质监站 监督记录: the quality supervision station supervises the 竣工验收 (its organisation, the
 * procedure, the parties present) and files its own record (建质〔2013〕171号 第六条; 《房屋建筑和
 * 市政基础设施工程质量监督管理规定》). It holds no party seat and its record is not part of what the
 * parties sign; filed once, never changed.
 */
import type { Db } from "~/infra/db.server";
import { isUniqueViolation } from "~/infra/db-errors";
import { DomainError } from "~/infra/domain-error";
import { recordEvent } from "~/modules/audit/record.server";
import { isSupervisionStation, SUPERVISION_MAX } from "./parties";

type Viewer = { id: string; role: string; title: string };

export async function supervisionRecord(db: Db, acceptanceId: string) {
  const row = await db.acceptanceSupervision.findUnique({
    where: { acceptanceId },
    select: { record: true, filedAt: true, userId: true },
  });
  if (!row) return null;
  const user = await db.user.findUnique({
    where: { id: row.userId },
    select: { displayName: true, title: true, organization: { select: { name: true } } },
  });
  return {
    record: row.record,
    filedAt: row.filedAt,
    signer: user?.displayName ?? "",
    title: user?.title ?? "",
    organization: user?.organization.name ?? "",
  };
}

export async function fileSupervisionRecord(
  db: Db,
  viewer: Viewer,
  compoundId: string,
  acceptanceId: string,
  text: string,
  now = new Date(),
) {
  if (!isSupervisionStation(viewer))
    throw new DomainError("acceptance:errors.stationOnly", { status: 403 });
  const acceptance = await db.finalAcceptance.findFirst({
    where: { id: acceptanceId, compoundId },
    select: { id: true, status: true, participants: { select: { userId: true } } },
  });
  if (!acceptance) throw new DomainError("acceptance:errors.notFound", { status: 404 });
  if (acceptance.status === "void")
    throw new DomainError("acceptance:errors.voided", { status: 409 });
  if (acceptance.participants.some((p) => p.userId === viewer.id))
    throw new DomainError("acceptance:errors.stationNoSeat", { status: 409 });
  const record = text.trim();
  if (!record)
    throw new DomainError("acceptance:errors.recordRequired", { status: 400, field: "record" });
  if (record.length > SUPERVISION_MAX)
    throw new DomainError("acceptance:errors.recordTooLong", {
      status: 400,
      field: "record",
      params: { max: SUPERVISION_MAX },
    });
  await db
    .$transaction(async (tx) => {
      const existing = await tx.acceptanceSupervision.count({ where: { acceptanceId } });
      if (existing > 0) throw new DomainError("acceptance:errors.recordFiled", { status: 409 });
      await tx.acceptanceSupervision.create({
        data: { acceptanceId, userId: viewer.id, record, filedAt: now },
      });
      await recordEvent(
        tx,
        {
          actorId: viewer.id,
          action: "acceptance.supervise",
          entityType: "FinalAcceptance",
          entityId: acceptanceId,
          data: { compoundId, userId: viewer.id, record },
        },
        now,
      );
    })
    .catch((error: unknown) => {
      // Two filings at once: the unique index keeps one; the other is told so (409, not 500).
      if (isUniqueViolation(error))
        throw new DomainError("acceptance:errors.recordFiled", { status: 409 });
      throw error;
    });
}
