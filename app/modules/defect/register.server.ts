import type { Db } from "~/infra/db.server";
import type { Actor, Scope } from "~/modules/auth/permissions";
import { type DefectFilter, listDefects } from "./defects.server";
import {
  DEFECT_STATE_LABELS_ZH,
  dueOnIso,
  isDefectState,
  isOverdue,
  isSeverity,
  nextStepZh,
  SEVERITY_LABELS_ZH,
} from "./workflow";

/** The defect register as the list page, its Excel and its PDF show it, with the same filters. */
export async function defectRegister(
  db: Db,
  viewer: Actor,
  scope: Scope,
  filter: DefectFilter & { overdue?: "1" },
  now = new Date(),
) {
  const rows = await listDefects(db, viewer, scope, filter);
  return rows
    .map((d) => {
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
        severityZh: isSeverity(d.severity) ? SEVERITY_LABELS_ZH[d.severity] : d.severity,
        status,
        statusZh: DEFECT_STATE_LABELS_ZH[status],
        createdOn: dueOnIso(d.createdAt),
        dueOn: dueOnIso(d.dueOn),
        closedOn: d.closedAt ? dueOnIso(d.closedAt) : null,
        overdue: isOverdue(d.dueOn, status, now),
        next: nextStepZh(status),
        lastComment: d.lastComment,
        beforePhotoId: d.photos.find((p) => p.role === "before")?.id ?? null,
        afterPhotoId: d.photos.findLast((p) => p.role === "after")?.id ?? null,
      };
    })
    .filter((d) => !filter.overdue || d.overdue);
}
export type DefectRegisterRow = Awaited<ReturnType<typeof defectRegister>>[number];
