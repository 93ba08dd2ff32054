import type { Db } from "~/infra/db.server";
import { compoundSealedMessage } from "~/modules/acceptance/acceptance.server";
import { recordEvent } from "~/modules/audit/record.server";
import type { Actor, Scope } from "~/modules/auth/permissions";
import { createPinTx, type PinInput, requirePinnableRevision } from "~/modules/drawing/pins.server";
import type { OfflineCommand } from "~/modules/lot/commands.server";
import { getLot } from "~/modules/lot/lots.server";
import { formatEntered } from "~/modules/lot/verdict";
import { verdictTextZh } from "~/modules/lot/verdict-text";
import { copyItemPhotosToDefect } from "~/modules/photo/defect-photos.server";
import { compoundWhere } from "~/modules/site/access.server";
import { defectReplay, recordDefectCommand } from "./defect-commands.server";
import {
  recordDefectTransitionCommand,
  requireDefectBase,
} from "./defect-transition-command.server";
import { notify } from "./inbox.server";
import { recordT, refusal } from "./labels";
import { getDefect, isOwnContractor, unrepliedAfterPhotos } from "./read.server";
import {
  type DefectAction,
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

/**
 * Raises a defect (supervisor): its number, the row and its `defect.create` event together. From
 * a tablet's outbox (`command`, a lot's item only), the receipt is written in the same
 * transaction: a replay answers the defect created the first time and creates nothing.
 */
export async function createDefect(
  db: Db,
  viewer: Viewer,
  input: CreateDefectInput,
  command?: OfflineCommand & { key: string },
) {
  const scope = "any" as const;
  const replay = command ? await defectReplay(db, viewer.id, command.key, input) : null;
  if (replay) return replay;
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
      throw refusal("defect:errors.contractorNotOnCompound", 400, {}, "contractorOrgId");
    if (!input.placeLabel.trim())
      throw refusal("defect:errors.placeRequired", 400, {}, "placeLabel");
    const workType = input.workTypeCode
      ? await db.workType.findUnique({ where: { code: input.workTypeCode }, select: { id: true } })
      : null;
    if (input.workTypeCode && !workType)
      throw refusal("defect:errors.noSuchWorkType", 400, {}, "workTypeCode");
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
  if (!input.title.trim()) throw refusal("defect:errors.titleRequired", 400, {}, "title");
  const sealed = await compoundSealedMessage(db, base.compoundId);
  // The acceptance module words its own refusal (until it returns a code).
  if (sealed) throw refusal("defect:errors.compoundSealed", 409, { message: sealed });
  const { compoundCode, ...row } = base;
  const pinRevision = input.pin
    ? await requirePinnableRevision(db, viewer, scope, base.compoundId, input.pin)
    : null;
  const created = db.$transaction(async (tx) => {
    // A concurrent replay of the same key that committed meanwhile: answered as a replay.
    const late = command ? await defectReplay(tx, viewer.id, command.key, input) : null;
    if (late) return late;
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
    if (command && row.lotId)
      await recordDefectCommand(tx, viewer.id, command, row.lotId, row.itemId, defect.id);
    return defect;
  });
  return created.catch(async (error) => {
    // The same key committed by a concurrent replay in between: created once, by that one.
    const again = command ? await defectReplay(db, viewer.id, command.key, input) : null;
    if (again) return again;
    throw error;
  });
}

/** Acknowledge, reply, close or return: the workflow decides; the change and its event commit together. */
export async function transitionDefect(
  db: Db,
  viewer: Viewer,
  scope: Scope,
  defectId: string,
  action: DefectAction,
  comment: string | null,
  /** a command queued on a tablet offline: applied only to the state it saw, once per key */
  command?: { key: string; baseVersion: string | null; online?: boolean },
) {
  const defect = await getDefect(db, defectId, viewer, scope);
  if (!defect) throw refusal("defect:errors.notFound", 404);
  // The page's own post (online) keeps only the key: its receipt answers a re-sent tap.
  const queued = command && !command.online;
  if (queued) requireDefectBase(defect, command, action);
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
  if (!decision.ok)
    // A missing comment belongs beside the comment box; other refusals above the buttons.
    throw refusal(
      decision.message,
      409,
      decision.params,
      decision.code === "comment_required" ? "comment" : undefined,
    );
  const next = decision.next;
  const text = comment?.trim() || null;
  const now = new Date();
  await db.$transaction(async (tx) => {
    // The status in `where` makes a concurrent second transition find nothing to update.
    const { count } = await tx.defect.updateMany({
      where: { id: defectId, status: from, ...(queued ? { updatedAt: defect.updatedAt } : {}) },
      data: {
        status: next,
        ...(text ? { lastComment: text } : {}),
        closedAt: next === "closed" ? now : null,
      },
    });
    if (count !== 1) throw refusal("defect:errors.changedMeanwhile", 409);
    if (command) await recordDefectTransitionCommand(tx, viewer.id, command, defect, action);
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
