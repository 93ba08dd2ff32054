import type { Db } from "~/infra/db.server";
import { env } from "~/infra/env.server";
import { can, type Scope, scopeFor } from "~/modules/auth/permissions";
import type { CurrentUser } from "~/modules/auth/session.server";
import { pinOfDefect, pinPrefill } from "~/modules/drawing/pins.server";
import { withAnnotationVersions } from "~/modules/photo/annotation.server";
import { defectPhotoRefusal, defectPhotos } from "~/modules/photo/defect-photos.server";
import { defectBase } from "./defect-base";
import { defectPrefillFromItem } from "./defects.server";
import type { FilterSchema } from "./forms";
import {
  defectHistory,
  defectListCounts,
  getDefect,
  isOwnContractor,
  standaloneDefectOptions,
  unrepliedAfterPhotos,
} from "./read.server";
import { defectRegisterPage } from "./register.server";
import {
  allowedDefectActions,
  DEFECT_STATES,
  type DefectState,
  defaultDueOn,
  dueOnIso,
  isDefectState,
  isOverdue,
  SEVERITIES,
  type Severity,
} from "./workflow";

// View models of the defect pages: what each page shows, read and redacted here so the routes
// only parse, authorise, call and render. Labels stay codes; the components word them.

type Filter = ReturnType<(typeof FilterSchema)["parse"]>;

/** The defect list (质量问题 / 我的整改): one page of rows, counts and the filters' choices. */
export async function defectListPage(
  db: Db,
  user: CurrentUser,
  scope: Scope,
  filter: Filter,
  after: string | undefined,
) {
  const any = scope === "any";
  const [page, allCounts, workTypes, compounds, contractors] = await Promise.all([
    defectRegisterPage(db, user, scope, filter, { after }),
    defectListCounts(db, user, scope, filter),
    db.workType.findMany({ select: { code: true, nameZh: true }, orderBy: { seq: "asc" } }),
    any ? db.compound.findMany({ select: { id: true, name: true }, orderBy: { code: "asc" } }) : [],
    any
      ? db.organization.findMany({
          where: { kind: "contractor" },
          select: { id: true, shortName: true },
          orderBy: { name: "asc" },
        })
      : [],
  ]);
  const counts = Object.fromEntries(
    ["all", "overdue", ...DEFECT_STATES].map((k) => [k, allCounts[k] ?? 0]),
  ) as Record<DefectState | "all" | "overdue", number>;
  return {
    mine: !any,
    filter,
    counts,
    defects: page.rows,
    next: page.next,
    workTypes,
    compounds,
    contractors,
    canExport: scopeFor(user.role, "report.export") !== null,
  };
}

/** One defect with its photos, what the viewer may do next, its history and its pin. */
export async function defectPage(db: Db, user: CurrentUser, scope: Scope, defectId: string) {
  const defect = await getDefect(db, defectId, user, scope);
  if (!defect) return null;
  const status = isDefectState(defect.status) ? defect.status : "open";
  const own = isOwnContractor(user, defect);
  const actions = allowedDefectActions(status, user.role, own).filter((a) =>
    a === "close" || a === "return" ? can(user, "defect.review") : can(user, "defect.rectify"),
  );
  const photos = await defectPhotos(db, defect.id);
  // Whoever may add a side's photos now may also mark them up (标注); the original stays as is.
  const may = (action: "defect.create" | "defect.rectify", role: "before" | "after") =>
    can(user, action) && defectPhotoRefusal(user, defect, role) === null;
  return {
    photos: {
      before: {
        photos: await withAnnotationVersions(db, photos.before),
        canUpload: may("defect.create", "before"),
      },
      after: {
        photos: await withAnnotationVersions(db, photos.after),
        canUpload: may("defect.rectify", "after"),
      },
      maxFileBytes: env().photoMaxFileBytes,
      unreplied: actions.includes("reply") ? (await unrepliedAfterPhotos(db, defect.id)).length : 0,
    },
    defect: {
      id: defect.id,
      number: defect.number,
      title: defect.title,
      description: defect.description,
      severity: defect.severity,
      status,
      dueOn: dueOnIso(defect.dueOn),
      overdue: isOverdue(defect.dueOn, status, new Date()),
      placeLabel: defect.placeLabel,
      lastComment: defect.lastComment,
      compound: defect.compound,
      lot: defect.lot,
      item: defect.item,
      workType: defect.workType?.nameZh ?? null,
      contractor: defect.contractor.name,
      createdBy: defect.createdBy.displayName,
      createdAt: defect.createdAt,
      /** the state a transition queued offline on this page is recorded against */
      base: defectBase(defect),
    },
    actions,
    history: await defectHistory(db, defect.id),
    pin: await pinOfDefect(db, defect.id),
  };
}

/** The refusal of the new-defect page's query: which thing was not found, or a bad pin. */
export type NewDefectMiss = "drawing" | "compound" | "checklistItem" | "pinOutside";

/**
 * The new-defect form: ?lotId&itemId from a lot's failing item (prefilled); ?compoundId on its
 * own; ?revisionId&x&y on its own, pinned at that point of a drawing sheet (图钉).
 */
export async function newDefectPage(
  db: Db,
  user: CurrentUser,
  query: URLSearchParams,
): Promise<NewDefectPage | { miss: NewDefectMiss; status?: number }> {
  const now = new Date();
  const dueBySeverity = Object.fromEntries(
    SEVERITIES.map((s) => [s, dueOnIso(defaultDueOn(s, now))]),
  ) as Record<Severity, string>;
  const revisionId = query.get("revisionId");
  if (revisionId) {
    const revision = await pinPrefill(db, user, "any", revisionId);
    if (!revision) return { miss: "drawing" };
    const x = Number(query.get("x"));
    const y = Number(query.get("y"));
    if (!(x >= 0 && x <= 1 && y >= 0 && y <= 1)) return { miss: "pinOutside", status: 400 };
    const options = await standaloneDefectOptions(db, user, revision.sheet.compound.id);
    if (!options) return { miss: "compound" };
    const { sheet } = revision;
    return {
      mode: "pin",
      ...options,
      dueBySeverity,
      pin: {
        revisionId: revision.id,
        x,
        y,
        superseded: revision.status === "superseded",
        previewWidth: revision.previewWidth,
        previewHeight: revision.previewHeight,
        renderStatus: revision.renderStatus,
        sheet: `${sheet.number} ${sheet.title}`,
        revision: revision.revision,
      },
    };
  }
  const compoundId = query.get("compoundId");
  if (compoundId) {
    const options = await standaloneDefectOptions(db, user, compoundId);
    if (!options) return { miss: "compound" };
    return { mode: "standalone", ...options, dueBySeverity, pin: null };
  }
  const itemId = query.get("itemId") ?? "";
  const prefill = await defectPrefillFromItem(db, user, "any", query.get("lotId") ?? "", itemId);
  return {
    mode: "item",
    lot: { id: prefill.lot.id, number: prefill.lot.number, placeLabel: prefill.lot.placeLabel },
    contractor: prefill.lot.contractor.name,
    itemId,
    title: prefill.title,
    description: prefill.description,
    dueBySeverity,
  };
}

type Options = NonNullable<Awaited<ReturnType<typeof standaloneDefectOptions>>>;
type Due = { dueBySeverity: Record<Severity, string> };
export type NewDefectPage =
  | (Due & {
      mode: "item";
      lot: { id: string; number: string; placeLabel: string };
      contractor: string;
      itemId: string;
      title: string;
      description: string;
    })
  | (Due & Options & { mode: "standalone"; pin: null })
  | (Due &
      Options & {
        mode: "pin";
        pin: {
          revisionId: string;
          x: number;
          y: number;
          superseded: boolean;
          previewWidth: number | null;
          previewHeight: number | null;
          renderStatus: string;
          sheet: string;
          revision: string;
        };
      });

/** Where a pinned defect goes: the compound of the revision the viewer may see, or null. */
export async function pinnedCompoundId(db: Db, user: CurrentUser, revisionId: string) {
  const revision = await pinPrefill(db, user, "any", revisionId);
  return revision?.sheet.compound.id ?? null;
}
