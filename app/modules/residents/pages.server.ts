import type { Db } from "~/infra/db.server";
import { type Actor, type Scope, scopeFor } from "~/modules/auth/permissions";
import {
  DEFECT_ACTIONS,
  type DefectState,
  decideDefectTransition,
} from "~/modules/defect/workflow";
import { visibleCompound } from "./access.server";
import { listIllegal } from "./illegal.server";
import { residentPhotos } from "./photos.server";
import { getPlan, reviewSummary, reviewsForModeration } from "./reviews.server";
import { compoundSurveySummary, surveyPlaces, surveyRegister } from "./survey.server";
import { getWarranty, listWarranty, type Viewer, warrantyRoleFor } from "./warranty.server";
import { passedAcceptance, warrantyFormOptions } from "./warranty-report.server";

// The residents' pages as view models: what each page shows, already scoped and redacted for
// the viewer. null = not found or not the viewer's (the route answers 404).

export async function reviewsPage(db: Db, viewer: Actor, scope: Scope, compoundId: string) {
  const compound = await visibleCompound(db, viewer, scope, compoundId);
  if (!compound) return null;
  const [plan, summary, reviews] = await Promise.all([
    getPlan(db, compound.id),
    reviewSummary(db, compound.id),
    reviewsForModeration(db, compound.id),
  ]);
  const canManage = scopeFor(viewer.role, "review.manage") !== null;
  return { compound, plan, summary, reviews, canManage };
}

export async function surveyPage(
  db: Db,
  viewer: Actor,
  scope: Scope,
  compoundId: string,
  page: number,
) {
  const compound = await visibleCompound(db, viewer, scope, compoundId);
  if (!compound) return null;
  const personal = scopeFor(viewer.role, "survey.personal") !== null;
  const canEdit = scopeFor(viewer.role, "survey.edit") !== null;
  const [register, summary, places] = await Promise.all([
    surveyRegister(db, compound.id, page, personal),
    compoundSurveySummary(db, compound.id),
    canEdit ? surveyPlaces(db, compound.id) : [],
  ]);
  return { compound, register, summary, places, personal, canEdit };
}

export async function warrantyListPage(db: Db, viewer: Viewer, scope: Scope, compoundId: string) {
  const compound = await visibleCompound(db, viewer, scope, compoundId);
  if (!compound) return null;
  const [rows, accepted, options] = await Promise.all([
    listWarranty(db, viewer, scope, compound.id),
    passedAcceptance(db, compound.id),
    warrantyFormOptions(db, compound.id),
  ]);
  const canReport = scopeFor(viewer.role, "warranty.report") !== null && Boolean(accepted);
  return { compound, rows, acceptedAt: accepted?.closedAt ?? null, options, canReport };
}

export async function warrantyPage(db: Db, viewer: Viewer, scope: Scope, id: string) {
  const w = await getWarranty(db, viewer, scope, id);
  if (!w) return null;
  const state = w.status as DefectState;
  const actions = DEFECT_ACTIONS.filter((a) => {
    const { role, own } = warrantyRoleFor(viewer, w, a);
    return decideDefectTransition({
      state,
      action: a,
      role,
      isOwnContractor: own,
      comment: "-",
      newAfterPhotos: 1,
    }).ok;
  });
  const canUpload = warrantyRoleFor(viewer, w, "reply").own && state === "in_progress";
  return { w, photos: await residentPhotos(db, "warranty", w.id), actions, canUpload };
}

export async function illegalPage(db: Db, viewer: Viewer, scope: Scope, compoundId: string) {
  const compound = await visibleCompound(db, viewer, scope, compoundId);
  if (!compound) return null;
  const rows = await listIllegal(db, viewer, scope, compound.id);
  const withPhotos = await Promise.all(
    rows.map(async (r) => ({ ...r, photos: await residentPhotos(db, "illegal", r.id) })),
  );
  return {
    compound,
    rows: withPhotos,
    canManage: scopeFor(viewer.role, "illegal.manage") !== null,
  };
}
