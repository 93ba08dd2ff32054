import type { Db } from "~/infra/db.server";
import type { Actor, Scope } from "~/modules/auth/permissions";
import { type DefectFilter, eachDefect, listDefectsPage } from "./read.server";
import { dueOnIso, isDefectState, isOverdue, isSeverity, nextStep } from "./workflow";

type Row = Awaited<ReturnType<typeof listDefectsPage>>["rows"][number];
type Filter = DefectFilter & { overdue?: "1" };

function registerRow(d: Row, now: Date) {
  const status = isDefectState(d.status) ? d.status : "open";
  return {
    id: d.id,
    number: d.number,
    title: d.title,
    placeLabel: d.placeLabel,
    compound: d.compound.name,
    contractor: d.contractor.shortName,
    lot: d.lot?.number ?? null,
    workType: d.workType?.nameZh ?? null,
    severity: isSeverity(d.severity) ? d.severity : "general",
    status,
    createdOn: dueOnIso(d.createdAt),
    dueOn: dueOnIso(d.dueOn),
    closedOn: d.closedAt ? dueOnIso(d.closedAt) : null,
    overdue: isOverdue(d.dueOn, status, now),
    next: nextStep(status),
    lastComment: d.lastComment,
    beforePhotoId: d.photos.find((p) => p.role === "before")?.id ?? null,
    afterPhotoId: d.photos.findLast((p) => p.role === "after")?.id ?? null,
  };
}
export type DefectRegisterRow = ReturnType<typeof registerRow>;

/** One page of the defect register as the list page shows it, and the next page's cursor. */
export async function defectRegisterPage(
  db: Db,
  viewer: Actor,
  scope: Scope,
  filter: Filter,
  page: { after?: string; take?: number } = {},
  now = new Date(),
) {
  const { rows, next } = await listDefectsPage(db, viewer, scope, filter, page, now);
  return { rows: rows.map((d) => registerRow(d, now)), next };
}

/** The whole register with the same filters, read page by page (Excel and PDF exports). */
export async function* eachDefectRegisterRow(
  db: Db,
  viewer: Actor,
  scope: Scope,
  filter: Filter,
  now = new Date(),
) {
  for await (const d of eachDefect(db, viewer, scope, filter, now)) yield registerRow(d, now);
}

/** The whole register as an array (small registers; exports stream with eachDefectRegisterRow). */
export async function defectRegister(
  db: Db,
  viewer: Actor,
  scope: Scope,
  filter: Filter,
  now = new Date(),
) {
  const rows: DefectRegisterRow[] = [];
  for await (const r of eachDefectRegisterRow(db, viewer, scope, filter, now)) rows.push(r);
  return rows;
}
