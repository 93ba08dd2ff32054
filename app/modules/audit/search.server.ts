import type { TFunction } from "i18next";
import type { Prisma } from "~/generated/prisma/client";
import type { Db } from "~/infra/db.server";
import { z } from "~/infra/zod";
import type { Lng } from "~/modules/i18n/config";
import { AUDIT_PAGE_SIZE } from "./actions";
import { entityNames } from "./entity-names.server";
import { auditActionLabel, auditEntityLabel } from "./labels";

export type AuditQuery = {
  actorId?: string;
  entityType?: string;
  entityId?: string;
  from?: Date;
  to?: Date;
  page: number;
};

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .transform((v) => new Date(`${v}T00:00:00+08:00`));

/** The log page's query string: anything malformed is ignored rather than refused. */
export const AuditQuerySchema = z.object({
  actorId: z.string().min(1).optional().catch(undefined),
  entityType: z.string().min(1).optional().catch(undefined),
  entityId: z.string().trim().min(1).optional().catch(undefined),
  from: day.optional().catch(undefined),
  to: day
    .transform((d) => new Date(d.getTime() + 86_400_000))
    .optional()
    .catch(undefined),
  page: z.coerce.number().int().min(1).default(1).catch(1),
  verify: z.literal("1").optional().catch(undefined),
});

/**
 * The bureau's search of the log: newest first, with who acted and what on, in the language of
 * `t`. A lot number is what people know: an entity "id" that is a lot's number finds that lot.
 */
export async function searchAudit(db: Db, q: AuditQuery, t: TFunction, lng: Lng) {
  let entityId = q.entityId;
  if (entityId) {
    const lot = await db.inspectionLot.findUnique({
      where: { number: entityId },
      select: { id: true },
    });
    entityId = lot?.id ?? entityId;
  }
  const where: Prisma.AuditEventWhereInput = {
    actorId: q.actorId,
    entityType: q.entityType,
    entityId,
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
    actors.map((a) => [
      a.id,
      t("page.actorName", { ns: "audit", name: a.displayName, org: a.organization.shortName }),
    ]),
  );
  const entities = await entityNames(db, rows, t, lng);
  return {
    total,
    rows: rows.map((r) => ({
      ...r,
      actor: r.actorId ? (names.get(r.actorId) ?? r.actorId) : null,
      actionLabel: auditActionLabel(t, r.action),
      entityTypeLabel: auditEntityLabel(t, r.entityType),
      entityLabel: entities.get(`${r.entityType}:${r.entityId}`)?.label ?? r.entityId,
      href: entities.get(`${r.entityType}:${r.entityId}`)?.href ?? null,
    })),
    actors: actors.map((a) => ({ id: a.id, label: names.get(a.id) ?? a.id })),
  };
}
