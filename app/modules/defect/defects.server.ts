import type { Prisma } from "~/generated/prisma/client";
import type { Db } from "~/infra/db.server";
import { compoundSealedMessage } from "~/modules/acceptance/acceptance.server";
import { eventsFor, recordEvent } from "~/modules/audit/record.server";
import type { Actor, Role, Scope } from "~/modules/auth/permissions";
import { createPinTx, type PinInput, requirePinnableRevision } from "~/modules/drawing/pins.server";
import { getLot } from "~/modules/lot/lots.server";
import { formatEntered } from "~/modules/lot/verdict";
import { verdictTextZh } from "~/modules/lot/verdict-text";
import { copyItemPhotosToDefect } from "~/modules/photo/defect-photos.server";
import { compoundWhere } from "~/modules/site/access.server";
import { defectWhere } from "./access.server";
import { notify } from "./inbox.server";
import { recordT, refusal } from "./labels";
import {
  type DefectAction,
  type DefectState,
  decideDefectTransition,
  dueOnIso,
  isDefectState,
  type Severity,
} from "./workflow";

type Viewer = Actor & { id: string };

export type CreateDefectInput = {
  title: string;
  description: string;
  severity: Severity;
  dueOn: Date;
  /** 图钉: where on a sheet revision of the same compound, placed together with the defect */
  pin?: PinInput;
} & (
  | { from: "lot"; lotId: string; itemId: string }
  | {
      from: "compound";
      compoundId: string;
      contractorOrgId: string;
      placeLabel: string;
      workTypeCode?: string | null;
    }
);

/** What a defect raised from a lot's failing item starts with (the form's prefill). */
export async function defectPrefillFromItem(
  db: Db,
  viewer: Actor,
  scope: Scope,
  lotId: string,
  itemId: string,
) {
  const detail = await getLot(db, lotId, viewer, scope);
  if (!detail) throw refusal("defect:errors.lotNotFound", 404);
  const item = detail.lot.template.items.find((i) => i.id === itemId);
  const input = detail.items.find((i) => i.itemId === itemId);
  const verdict = detail.verdict.items.find((i) => i.itemId === itemId);
  if (!item || !input || !verdict) throw refusal("defect:errors.itemNotInLot", 404);
  if (verdict.status !== "fail") throw refusal("defect:errors.itemNotFailing", 400);
  // The prefill becomes the defect's own text: written in the language of record.
  const t = recordT();
  const p = t("defect:prefill.separators", { returnObjects: true }) as { list: string };
  const lines = [
    t("defect:prefill.lot", {
      number: detail.lot.number,
      workType: detail.lot.workType.nameZh,
      place: detail.lot.placeLabel,
    }),
    t(input.kind === "main" ? "defect:prefill.mainItem" : "defect:prefill.generalItem", {
      seq: input.seq,
      label: input.labelZh,
    }),
    t("defect:prefill.verdict", {
      reasons: verdict.reasons.map(verdictTextZh).join(p.list) || t("defect:prefill.failed"),
    }),
  ];
  if (input.points.length > 0 && input.spec) {
    const unit = input.spec.unit;
    lines.push(
      t("defect:prefill.measured", {
        values: input.points
          .map((x) => formatEntered(x.value, unit, x.text))
          .join(t("defect:prefill.and")),
      }),
    );
  }
  return {
    lot: detail.lot,
    item,
    title: t("defect:prefill.title", { place: detail.lot.placeLabel, label: input.labelZh }),
    description: lines.join("\n"),
  };
}

/** What the standalone form offers for a compound: its contractors, places and work types. */
export async function standaloneDefectOptions(db: Db, viewer: Actor, compoundId: string) {
  const compound = await db.compound.findFirst({
    where: { AND: [{ id: compoundId }, compoundWhere(viewer, "any")] },
    select: {
      id: true,
      name: true,
      contracts: { select: { contractor: { select: { id: true, name: true } } } },
      buildings: {
        select: { name: true, stairwells: { select: { name: true }, orderBy: { seq: "asc" } } },
        orderBy: { seq: "asc" },
      },
      zones: { select: { name: true }, orderBy: { seq: "asc" } },
    },
  });
  if (!compound) return null;
  const workTypes = await db.workType.findMany({
    select: { code: true, nameZh: true },
    orderBy: { seq: "asc" },
  });
  return {
    compound: { id: compound.id, name: compound.name },
    contractors: compound.contracts.map((c) => c.contractor),
    places: [
      ...compound.buildings.flatMap((b) => [
        b.name,
        ...b.stairwells.map((s) => `${b.name}${s.name}`),
      ]),
      ...compound.zones.map((z) => z.name),
    ],
    workTypes,
  };
}

/** Raises a defect (supervisor): its number, the row and its `defect.create` event together. */
export async function createDefect(db: Db, viewer: Viewer, input: CreateDefectInput) {
  const scope = "any" as const;
  let base: {
    compoundId: string;
    compoundCode: string;
    contractorOrgId: string;
    placeLabel: string;
    lotId: string | null;
    itemId: string | null;
    workTypeId: string | null;
  };
  if (input.from === "lot") {
    const prefill = await defectPrefillFromItem(db, viewer, scope, input.lotId, input.itemId);
    const wt = await db.workType.findUniqueOrThrow({
      where: { code: prefill.lot.workType.code },
      select: { id: true },
    });
    base = {
      compoundId: prefill.lot.compound.id,
      compoundCode: prefill.lot.compound.code,
      contractorOrgId: prefill.lot.contractorOrgId,
      placeLabel: prefill.lot.placeLabel,
      lotId: prefill.lot.id,
      itemId: prefill.item.id,
      workTypeId: wt.id,
    };
  } else {
    const compound = await db.compound.findFirst({
      where: { AND: [{ id: input.compoundId }, compoundWhere(viewer, scope)] },
      select: { id: true, code: true, contracts: { select: { contractorOrgId: true } } },
    });
    if (!compound) throw refusal("defect:errors.compoundNotFound", 404);
    if (!compound.contracts.some((c) => c.contractorOrgId === input.contractorOrgId))
      throw refusal("defect:errors.contractorNotOnCompound", 400);
    if (!input.placeLabel.trim()) throw refusal("defect:errors.placeRequired", 400, {});
    const workType = input.workTypeCode
      ? await db.workType.findUnique({ where: { code: input.workTypeCode }, select: { id: true } })
      : null;
    if (input.workTypeCode && !workType) throw refusal("defect:errors.noSuchWorkType", 400);
    base = {
      compoundId: compound.id,
      compoundCode: compound.code,
      contractorOrgId: input.contractorOrgId,
      placeLabel: input.placeLabel.trim(),
      lotId: null,
      itemId: null,
      workTypeId: workType?.id ?? null,
    };
  }
  if (!input.title.trim()) throw refusal("defect:errors.titleRequired", 400);
  const sealed = await compoundSealedMessage(db, base.compoundId);
  // The acceptance module words its own refusal (until it returns a code).
  if (sealed) throw refusal("defect:errors.compoundSealed", 409, { message: sealed });
  const { compoundCode, ...row } = base;
  const pinRevision = input.pin
    ? await requirePinnableRevision(db, viewer, scope, base.compoundId, input.pin)
    : null;
  return db.$transaction(async (tx) => {
    const count = await tx.defect.count({ where: { compoundId: base.compoundId } });
    const number = `${compoundCode}-QX-${String(count + 1).padStart(3, "0")}`;
    const data = {
      ...row,
      number,
      title: input.title.trim(),
      description: input.description.trim(),
      severity: input.severity,
      dueOn: input.dueOn,
      status: "open",
      createdById: viewer.id,
    };
    const defect = await tx.defect.create({ data, select: { id: true, number: true } });
    const photos =
      row.lotId && row.itemId
        ? await copyItemPhotosToDefect(tx, { lotId: row.lotId, itemId: row.itemId }, defect.id)
        : [];
    await recordEvent(tx, {
      actorId: viewer.id,
      action: "defect.create",
      entityType: "Defect",
      entityId: defect.id,
      data: { ...data, dueOn: data.dueOn.toISOString(), to: "open", photos },
    });
    await notify(
      tx,
      { contractorOrgId: data.contractorOrgId },
      {
        kind: "defect.assigned",
        link: `/defects/${defect.id}`,
        params: { number, title: data.title, place: data.placeLabel, dueOn: dueOnIso(data.dueOn) },
      },
    );
    if (input.pin && pinRevision) await createPinTx(tx, viewer, defect.id, pinRevision, input.pin);
    return defect;
  });
}

const DEFECT_SELECT = {
  id: true,
  number: true,
  title: true,
  description: true,
  severity: true,
  status: true,
  dueOn: true,
  placeLabel: true,
  lastComment: true,
  contractorOrgId: true,
  createdById: true,
  createdAt: true,
  updatedAt: true,
  closedAt: true,
  compound: { select: { id: true, name: true, code: true } },
  lot: { select: { id: true, number: true } },
  item: { select: { code: true, textZh: true } },
  workType: { select: { nameZh: true } },
  contractor: { select: { name: true, shortName: true } },
  createdBy: { select: { displayName: true, title: true } },
} as const;

export async function getDefect(db: Db, defectId: string, viewer: Actor, scope: Scope) {
  return db.defect.findFirst({
    where: { AND: [{ id: defectId }, defectWhere(viewer, scope)] },
    select: DEFECT_SELECT,
  });
}
export type DefectDetail = NonNullable<Awaited<ReturnType<typeof getDefect>>>;

export type DefectFilter = {
  status?: DefectState;
  severity?: Severity;
  compoundId?: string;
  contractorOrgId?: string;
  workTypeCode?: string;
  /** part of the place's name, e.g. 3栋 */
  place?: string;
};

const DAY_MS = 86_400_000;

/** The list's filters as a `where`, scope first (a guessed id finds nothing). */
export function defectListWhere(
  viewer: Actor,
  scope: Scope,
  filter: DefectFilter & { overdue?: "1" },
  now = new Date(),
): Prisma.DefectWhereInput {
  return {
    AND: [
      defectWhere(viewer, scope),
      filter.status ? { status: filter.status } : {},
      filter.severity ? { severity: filter.severity } : {},
      filter.compoundId ? { compoundId: filter.compoundId } : {},
      filter.contractorOrgId ? { contractorOrgId: filter.contractorOrgId } : {},
      filter.workTypeCode ? { workType: { code: filter.workTypeCode } } : {},
      filter.place ? { placeLabel: { contains: filter.place } } : {},
      // overdue: not closed and past the due day (the workflow's isOverdue, in SQL)
      filter.overdue
        ? { status: { not: "closed" }, dueOn: { lte: new Date(now.getTime() - DAY_MS) } }
        : {},
    ],
  };
}

const LIST_SELECT = {
  ...DEFECT_SELECT,
  photos: {
    select: { id: true, role: true },
    orderBy: [{ uploadedAt: "asc" as const }, { id: "asc" as const }],
  },
} satisfies Prisma.DefectSelect;

/**
 * Keyset cursor of the defect list: the list runs not-closed defects first, then closed ones,
 * each by due day then number; the cursor names the segment and the last row's sort key.
 */
const encodeCursor = (closed: boolean, dueOn: Date, number: string) =>
  `${closed ? "c" : "o"}.${dueOn.getTime()}.${number}`;
function decodeCursor(cursor: string | undefined) {
  const m = cursor ? /^([oc])\.(\d{1,15})\.(.{1,60})$/.exec(cursor) : null;
  return m ? { closed: m[1] === "c", dueOn: new Date(Number(m[2])), number: m[3]! } : null;
}

/**
 * One page of the defects the viewer may see, soonest due first (closed ones last), and the
 * cursor of the next page (null on the last one).
 */
export async function listDefectsPage(
  db: Db,
  viewer: Actor,
  scope: Scope,
  filter: DefectFilter & { overdue?: "1" } = {},
  page: { after?: string; take?: number } = {},
  now = new Date(),
) {
  const take = page.take ?? 50;
  const where = defectListWhere(viewer, scope, filter, now);
  const cursor = decodeCursor(page.after);
  const rows: Prisma.DefectGetPayload<{ select: typeof LIST_SELECT }>[] = [];
  for (const closed of [false, true]) {
    if (cursor?.closed && !closed) continue;
    const after =
      cursor && cursor.closed === closed
        ? {
            OR: [
              { dueOn: { gt: cursor.dueOn } },
              { dueOn: cursor.dueOn, number: { gt: cursor.number } },
            ],
          }
        : {};
    rows.push(
      ...(await db.defect.findMany({
        where: {
          AND: [where, closed ? { status: "closed" } : { status: { not: "closed" } }, after],
        },
        select: LIST_SELECT,
        orderBy: [{ dueOn: "asc" }, { number: "asc" }],
        take: take + 1 - rows.length,
      })),
    );
    if (rows.length > take) break;
  }
  const more = rows.length > take;
  const shown = rows.slice(0, take);
  const last = shown.at(-1);
  return {
    rows: shown,
    next: more && last ? encodeCursor(last.status === "closed", last.dueOn, last.number) : null,
  };
}

/** Every defect the viewer may see in list order, read page by page (exports, tests). */
export async function* eachDefect(
  db: Db,
  viewer: Actor,
  scope: Scope,
  filter: DefectFilter & { overdue?: "1" } = {},
  now = new Date(),
) {
  let after: string | undefined;
  for (;;) {
    const page = await listDefectsPage(db, viewer, scope, filter, { after, take: 500 }, now);
    yield* page.rows;
    if (!page.next) return;
    after = page.next;
  }
}

/** Defects the viewer may see, soonest due first (closed ones last). */
export async function listDefects(db: Db, viewer: Actor, scope: Scope, filter: DefectFilter = {}) {
  const rows = [];
  for await (const row of eachDefect(db, viewer, scope, filter)) rows.push(row);
  return rows;
}

/** Counts per status and overdue for the list's filters, in SQL. */
export async function defectListCounts(
  db: Db,
  viewer: Actor,
  scope: Scope,
  filter: DefectFilter & { overdue?: "1" },
  now = new Date(),
) {
  const where = defectListWhere(viewer, scope, filter, now);
  const [byStatus, overdue] = await Promise.all([
    db.defect.groupBy({ by: ["status"], where, _count: { _all: true } }),
    db.defect.count({
      where: {
        AND: [
          where,
          { status: { not: "closed" }, dueOn: { lte: new Date(now.getTime() - DAY_MS) } },
        ],
      },
    }),
  ]);
  const counts: Record<string, number> = { all: 0, overdue };
  for (const g of byStatus) {
    counts[g.status] = g._count._all;
    counts.all = (counts.all ?? 0) + g._count._all;
  }
  return counts;
}

/** 整改后 photos not yet part of an earlier reply: what the next reply would bring. */
export async function unrepliedAfterPhotos(db: Db, defectId: string) {
  const replied = new Set(
    (await eventsFor(db, "Defect", defectId))
      .filter((e) => e.action === "defect.reply")
      .flatMap((e) => (JSON.parse(e.payload) as { photos?: string[] }).photos ?? []),
  );
  const after = await db.photo.findMany({
    where: { defectId, role: "after" },
    select: { sha256: true },
    orderBy: [{ uploadedAt: "asc" }, { id: "asc" }],
  });
  return after.map((p) => p.sha256).filter((sha) => !replied.has(sha));
}

export async function defectHistory(db: Db, defectId: string) {
  const events = await eventsFor(db, "Defect", defectId);
  const actorIds = [...new Set(events.map((e) => e.actorId).filter((x): x is string => !!x))];
  const users = await db.user.findMany({
    where: { id: { in: actorIds } },
    select: { id: true, displayName: true, organization: { select: { shortName: true } } },
  });
  const byId = new Map(users.map((u) => [u.id, u]));
  return events.map((e) => {
    const payload = JSON.parse(e.payload) as {
      from?: string;
      to?: string;
      comment?: string;
      photos?: string[];
    };
    const user = e.actorId ? byId.get(e.actorId) : undefined;
    return {
      seq: e.seq,
      at: e.at,
      action: e.action,
      from: payload.from ?? null,
      to: payload.to ?? null,
      comment: payload.comment ?? null,
      photos: payload.photos ?? [],
      actor: user ? { name: user.displayName, org: user.organization.shortName } : null,
    };
  });
}

export function isOwnContractor(viewer: { role: Role; organizationId: string }, d: DefectDetail) {
  return viewer.role === "contractor" && viewer.organizationId === d.contractorOrgId;
}

/** Acknowledge, reply, close or return: the workflow decides; the change and its event commit together. */
export async function transitionDefect(
  db: Db,
  viewer: Viewer,
  scope: Scope,
  defectId: string,
  action: DefectAction,
  comment: string | null,
) {
  const defect = await getDefect(db, defectId, viewer, scope);
  if (!defect) throw refusal("defect:errors.notFound", 404);
  const from = defect.status;
  if (!isDefectState(from)) throw refusal("defect:errors.unknownState", 500, { state: from });
  const newPhotos = action === "reply" ? await unrepliedAfterPhotos(db, defectId) : [];
  const decision = decideDefectTransition({
    state: from,
    action,
    role: viewer.role,
    isOwnContractor: isOwnContractor(viewer, defect),
    comment,
    newAfterPhotos: newPhotos.length,
  });
  if (!decision.ok) throw refusal(decision.message, 409, decision.params);
  const next = decision.next;
  const text = comment?.trim() || null;
  const now = new Date();
  await db.$transaction(async (tx) => {
    // The status in `where` makes a concurrent second transition find nothing to update.
    const { count } = await tx.defect.updateMany({
      where: { id: defectId, status: from },
      data: {
        status: next,
        ...(text ? { lastComment: text } : {}),
        closedAt: next === "closed" ? now : null,
      },
    });
    if (count !== 1) throw refusal("defect:errors.changedMeanwhile", 409);
    const link = `/defects/${defectId}`;
    const params = { number: defect.number, title: defect.title };
    if (action === "return")
      await notify(
        tx,
        { contractorOrgId: defect.contractorOrgId },
        { link, kind: "defect.returned", params: { ...params, comment: text ?? "" } },
      );
    if (action === "reply")
      await notify(
        tx,
        { userIds: [defect.createdById] },
        { link, kind: "defect.submitted", params },
      );
    await recordEvent(
      tx,
      {
        actorId: viewer.id,
        action: `defect.${action}`,
        entityType: "Defect",
        entityId: defectId,
        data: {
          from,
          to: next,
          comment: text ?? undefined,
          photos: action === "reply" ? newPhotos : undefined,
        },
      },
      now,
    );
  });
  return next;
}
