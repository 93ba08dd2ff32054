import type { Prisma } from "~/generated/prisma/client";
import type { Db } from "~/infra/db.server";
import { entityNames } from "./entity-names.server";
import { AUDIT_PAGE_SIZE } from "./labels";

export type AuditQuery = {
  actorId?: string;
  entityType?: string;
  entityId?: string;
  from?: Date;
  to?: Date;
  page: number;
};

/** The bureau's search of the log: newest first, with who acted. */
export async function searchAudit(db: Db, q: AuditQuery) {
  const where: Prisma.AuditEventWhereInput = {
    actorId: q.actorId,
    entityType: q.entityType,
    entityId: q.entityId,
    at: q.from || q.to ? { gte: q.from, lt: q.to } : undefined,
  };
  const [total, rows, actors] = await Promise.all([
    db.auditEvent.count({ where }),
    db.auditEvent.findMany({
      where,
      orderBy: { seq: "desc" },
      skip: (q.page - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
      select: {
        seq: true,
        at: true,
        actorId: true,
        action: true,
        entityType: true,
        entityId: true,
        hash: true,
      },
    }),
    db.user.findMany({
      select: { id: true, displayName: true, organization: { select: { shortName: true } } },
      orderBy: { displayName: "asc" },
    }),
  ]);
  const names = new Map(
    actors.map((a) => [a.id, `${a.displayName}（${a.organization.shortName}）`]),
  );
  const entities = await entityNames(db, rows);
  return {
    total,
    rows: rows.map((r) => ({
      ...r,
      actor: r.actorId ? (names.get(r.actorId) ?? r.actorId) : "系统",
      entityLabel: entities.get(`${r.entityType}:${r.entityId}`)?.label ?? r.entityId,
      href: entities.get(`${r.entityType}:${r.entityId}`)?.href ?? null,
    })),
    actors: actors.map((a) => ({ id: a.id, label: names.get(a.id) ?? a.id })),
  };
}
