/**
 * 质监站 监督记录: the quality supervision station supervises the 竣工验收 (its organisation, the
 * procedure, the parties present) and files its own record (建质〔2013〕171号 第六条; 《房屋建筑和
 * 市政基础设施工程质量监督管理规定》). It holds no party seat and its record is not part of what the
 * parties sign; filed once, never changed.
 */
import type { Db } from "~/infra/db.server";
import { isUniqueViolation } from "~/infra/db-errors";
import { recordEvent } from "~/modules/audit/record.server";
import { AcceptanceError } from "./acceptance.server";
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
  if (!isSupervisionStation(viewer)) throw new AcceptanceError("监督记录由质量安全监督站填写", 403);
  const acceptance = await db.finalAcceptance.findFirst({
    where: { id: acceptanceId, compoundId },
    select: { id: true, status: true, participants: { select: { userId: true } } },
  });
  if (!acceptance) throw new AcceptanceError("竣工验收不存在", 404);
  if (acceptance.status === "void") throw new AcceptanceError("本次竣工验收已作废", 409);
  if (acceptance.participants.some((p) => p.userId === viewer.id))
    throw new AcceptanceError("监督人员不占参建单位签字席位，不能同时作为签字人", 409);
  const record = text.trim();
  if (!record) throw new AcceptanceError("请填写监督记录");
  if (record.length > SUPERVISION_MAX)
    throw new AcceptanceError(`监督记录不超过 ${SUPERVISION_MAX} 字`);
  await db
    .$transaction(async (tx) => {
      const existing = await tx.acceptanceSupervision.count({ where: { acceptanceId } });
      if (existing > 0) throw new AcceptanceError("监督记录已填写，不可更改", 409);
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
      if (isUniqueViolation(error)) throw new AcceptanceError("监督记录已填写，不可更改", 409);
      throw error;
    });
}
