import type { Db } from "~/infra/db.server";
import { queryRows, toDate } from "~/infra/sql.server";
import { type Actor, type Scope, scopeFor } from "~/modules/auth/permissions";
import { holdsOnLot, lotPlaceOf } from "~/modules/concealed/records.server";
import { dueOnIso, isDefectState, isOverdue } from "~/modules/defect/workflow";
import { lotDrawingRefs, referenceableRevisions } from "~/modules/drawing/lot-refs.server";
import { withAnnotationVersions } from "~/modules/photo/annotation.server";
import { lotPhotos } from "~/modules/photo/photos.server";
import { initialEntries } from "./entries";
import type { LotItemView } from "./item-view";
import { liveLotVerdict } from "./live-verdict";
import { getLot, normalizedPoint, numericOf, signatureStatus } from "./lots.server";
import { nonconformancePanel } from "./nonconformance-view";
import { placeFieldsFor } from "./place";
import { lotHistory } from "./queries.server";
import { RECORD_DIVISIONS } from "./record-division";
import { allowedLotActions, isLotState } from "./workflow";

type Viewer = Actor & { id: string };

/**
 * Everything the lot page shows, for this viewer: the lot, its items and verdict inputs, photos,
 * history, defects, drawing references and what the viewer may do. Null when the lot does not
 * exist or is not the viewer's to see. `photoMaxFileBytes` is the upload limit the page states.
 */
export async function lotPage(
  db: Db,
  viewer: Viewer,
  scope: Scope,
  lotId: string,
  photoMaxFileBytes: number,
) {
  const detail = await getLot(db, lotId, viewer, scope);
  if (!detail) return null;
  const { lot, items, verdict, rules, standards } = detail;
  const state = isLotState(lot.status) ? lot.status : "draft";
  const isOwnContractor = viewer.organizationId === lot.contractorOrgId;
  const actions = allowedLotActions(state, viewer.role, isOwnContractor);
  const may = (action: Parameters<typeof scopeFor>[1]) => scopeFor(viewer.role, action) !== null;
  const canRecord = actions.includes("save") && may("lot.record");
  const canUpload = actions.includes("save") && may("photo.upload");
  const itemViews: LotItemView[] = lot.template.items.map((item, i) => ({
    id: item.id,
    code: item.code,
    kind: item.kind === "main" ? "main" : "general",
    seq: items[i]?.seq ?? i + 1,
    textZh: item.textZh,
    tolerance: item.tolerance,
    samplePlan: item.samplePlan,
    numeric: numericOf(item),
    // Only what numericLimit reads (the whole item here sent every text of it a second time).
    numericFields: {
      numericUnit: item.numericUnit,
      numericMin: item.numericMin,
      numericMax: item.numericMax,
      numericQuantity: item.numericQuantity,
      numericTarget: item.numericTarget,
    },
    numericCondition: item.numericCondition,
    requiredSamples: verdict.items.find((v) => v.itemId === item.id)?.requiredPoints || null,
    spec: items[i]?.spec ?? null,
  }));
  // Independent reads, at once; photos and drawing references only when the record has any,
  // and the signed hash comes with the history (one read of the lot's events).
  const [photos, history, defects, refs, options, concealed] = await Promise.all([
    lot.photos.length > 0
      ? lotPhotos(db, lot.id).then((list) => withAnnotationVersions(db, list))
      : [],
    lotHistory(db, lot.id),
    lotDefects(db, viewer, scope, lot.id),
    lot.drawingRefs.length > 0 ? lotDrawingRefs(db, lot.id) : [],
    canRecord ? referenceableRevisions(db, lot.id, lot.compound.id) : [],
    // 隐蔽工程验收 this lot waits for (GB 50300 §3.0.6-5), shown as its next step
    state === "accepted" ? [] : holdsOnLot(db, lotPlaceOf(lot)),
  ]);
  const signature = await signatureStatus(db, detail, history.signedHash);
  const reviews = may("lot.review");
  const page = {
    lot: {
      id: lot.id,
      number: lot.number,
      status: state,
      placeLabel: lot.placeLabel,
      capacity: lot.capacity,
      capacityUnit: lot.capacityUnit,
      recordsComplete: lot.recordsComplete,
      selfCheckNote: lot.selfCheckNote,
      lastReason: lot.lastReason,
      compound: lot.compound,
      workType: { code: lot.workType.code, nameZh: lot.workType.nameZh },
      templateVersion: lot.template.version,
      contractor: lot.contractor.name,
      submittedBy: lot.submittedBy,
      submittedAt: lot.submittedAt,
      acceptedBy: lot.acceptedBy,
      acceptedAt: lot.acceptedAt,
    },
    standards,
    rules,
    itemViews,
    verdictInputs: items,
    place: detail.place,
    placeFields: placeFieldsFor(
      items.map((i) => i.spec),
      detail.place,
      lot,
    ),
    notes: Object.fromEntries(lot.entries.map((e) => [e.itemId, e.note])),
    // Each item's version as shown: the outbox and the plain form post send it back (0028).
    itemVersions: Object.fromEntries(lot.entries.map((e) => [e.itemId, e.version])),
    // Every recorded point, corrected and withdrawn ones included (the verdict inputs hold live ones).
    recordedPoints: Object.fromEntries(
      lot.entries.map((e) => [e.itemId, e.points.map((p) => normalizedPoint(p))]),
    ),
    subItem: {
      value: lot.subItem,
      choices: RECORD_DIVISIONS[lot.workType.code]?.subItems.map((x) => x.name) ?? [],
    },
    // The sign form starts from the contractor's own note, else the catalogue's default text.
    selfCheckNote: lot.selfCheckNote?.trim() || null,
    signerIsSupervisor: reviews,
    actions: actions.filter((a) => a !== "save"),
    canRecord,
    canUpload,
    viewerIsContractor: isOwnContractor,
    concealed: concealed.map((g) => ({ code: g.code, work: g.work, place: g.place, href: g.href })),
    photoMaxFileBytes,
    photos,
    history: [...history],
    signature,
    // GB 50300-2013 §5.0.6: the routes for a failing lot, and the one recorded (decision 0032).
    nonconformance: nonconformancePanel(lot, verdict.status, reviews),
    defects,
    drawings: {
      refs,
      options,
      canEdit: canRecord,
      canAcknowledge: reviews && state !== "accepted",
    },
    // A defect raised offline from an item the tablet judged failing (issue 17).
    canRaiseDefects: may("defect.create") && canRecord,
    failingItems: may("defect.create")
      ? verdict.items
          .filter((v) => v.status === "fail")
          .map((v) => {
            const item = lot.template.items.find((i) => i.id === v.itemId);
            return { id: v.itemId, code: item?.code ?? "", textZh: item?.textZh ?? "" };
          })
      : [],
  };
  // The verdict the page shows before the browser has its judging code: exactly what the page
  // computes from its first state (the stored records), so hydration matches.
  return { ...page, pageVerdict: liveLotVerdict(page, initialEntries(page)) };
}

export type LotPageData = NonNullable<Awaited<ReturnType<typeof lotPage>>>;

/**
 * The lot's defects the viewer may see, and what blocks acceptance while any is open: their
 * numbers and titles when the viewer may see defects, else only how many.
 */
async function lotDefects(db: Db, viewer: Viewer, lotScope: Scope, lotId: string) {
  const defectScope = scopeFor(viewer.role, "defect.view");
  const rows = (
    await queryRows<{
      id: string;
      number: string;
      title: string;
      status: string;
      dueOn: unknown;
      contractorOrgId: string;
    }>(
      db,
      "SELECT id, number, title, status, dueOn, contractorOrgId FROM Defect WHERE lotId = ? ORDER BY number",
      [lotId],
    )
  ).map((d) => ({ ...d, dueOn: toDate(d.dueOn) }));
  const now = new Date();
  const open = rows.filter((d) => d.status !== "closed");
  const visible =
    defectScope === "any"
      ? rows
      : defectScope === "own" && lotScope === "own"
        ? rows.filter((d) => d.contractorOrgId === viewer.organizationId)
        : [];
  return {
    openCount: open.length,
    openList: defectScope === null ? null : open.map((d) => `${d.number} ${d.title}`).join("; "),
    list: visible.map((d) => {
      const status = isDefectState(d.status) ? d.status : "open";
      return {
        id: d.id,
        number: d.number,
        title: d.title,
        status,
        dueOn: dueOnIso(d.dueOn),
        overdue: isOverdue(d.dueOn, status, now),
      };
    }),
  };
}
