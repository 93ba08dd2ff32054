import { data } from "@remix-run/node";
import type { TFunction } from "i18next";
import { DomainError } from "~/infra/domain-error";
import { parseSignatureDataUrl } from "~/modules/acceptance/signature-image.server";
import { requireSignedIn, requireUser } from "~/modules/auth/require-user.server";
import { LotDrawingSchema } from "~/modules/drawing/forms";
import {
  acknowledgeLotDrawingRef,
  addLotDrawingRef,
  removeLotDrawingRef,
} from "~/modules/drawing/lot-refs.server";
import { zodErrorMap } from "~/modules/i18n/zod-messages";
import { pagePostKey } from "./command-form.server";
import {
  EntrySchema,
  lotSignSchema,
  PlaceDataSchema,
  RecordsSchema,
  TransitionSchema,
} from "./forms";
import { saveItemForm } from "./item-form.server";
import { saveEntry, saveLotPlaceData, saveLotRecords } from "./lots.server";
import { placeDataFromForm } from "./place";
import { signLot } from "./sign.server";
import { setLotSubItem } from "./subitem.server";
import { lotPageTransition } from "./transition-command.server";

/** What the lot page's action answers: a message in the reader's language, and whether it worked. */
export type LotActionResult = { ok: boolean; message?: string };

const refused = (message: string, status: number) =>
  data<LotActionResult>({ ok: false, message }, { status });

/**
 * The lot page's one action, by `intent`: an autosaved entry, one item's plain form post, the
 * place data, the records, the sub-item, the drawing references, signing (submit / accept) and
 * the supervisor's return / reopen. Each intent authorises its own permission; a refusal comes
 * back as its message with its status and changes nothing.
 */
export async function lotPageAction(request: Request, lotId: string, t: TFunction) {
  await requireSignedIn(request); // before the body: the intent inside picks the permission
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  try {
    return await byIntent(request, form, intent, lotId, t);
  } catch (error) {
    if (error instanceof DomainError) return refused(error.text(t), error.status);
    if (error instanceof SyntaxError) return refused(t("errors.badFormat", { ns: "lot" }), 400);
    throw error;
  }
}

const zod = (t: TFunction) => ({ error: zodErrorMap(t) });

const firstIssue = (error: { issues: { message: string }[] }, t: TFunction) =>
  error.issues[0]?.message ?? t("errors.invalidData", { ns: "lot" });

async function byIntent(
  request: Request,
  form: FormData,
  intent: string,
  lotId: string,
  t: TFunction,
): Promise<LotActionResult | ReturnType<typeof refused>> {
  const field = (name: string) => {
    const v = form.get(name);
    return typeof v === "string" ? v : null;
  };
  if (intent === "entry") {
    const { user, scope, db } = await requireUser(request, "lot.record");
    const parsed = EntrySchema.safeParse(JSON.parse(field("entry") ?? "null"), zod(t));
    if (!parsed.success) return refused(firstIssue(parsed.error, t), 400);
    await saveEntry(db, user, scope, lotId, parsed.data);
    return { ok: true };
  }
  if (intent === "item") {
    // One item's plain form post: the page without JavaScript (it reloads and shows the record).
    const { user, scope, db } = await requireUser(request, "lot.record");
    await saveItemForm(
      db,
      user,
      scope,
      lotId,
      field("itemId") ?? "",
      {
        result: field("result"),
        op: field("op"),
        point: field("point"),
        pointDesign: field("pointDesign"),
        remove: field("remove"),
        note: field("note"),
        designValue: field("designValue"),
      },
      field("version"),
    );
    return { ok: true, message: t("saved.item", { ns: "lot" }) };
  }
  if (intent === "place") {
    const { user, scope, db } = await requireUser(request, "lot.record");
    const parsed = PlaceDataSchema.safeParse(placeDataFromForm(form));
    if (!parsed.success) return refused(t("errors.placeNumbers", { ns: "lot" }), 400);
    await saveLotPlaceData(db, user, scope, lotId, parsed.data);
    return { ok: true, message: t("saved.place", { ns: "lot" }) };
  }
  if (intent === "records") {
    const { user, scope, db } = await requireUser(request, "lot.record");
    const parsed = RecordsSchema.safeParse(Object.fromEntries(form), zod(t));
    if (!parsed.success) return refused(firstIssue(parsed.error, t), 400);
    await saveLotRecords(db, user, scope, lotId, parsed.data);
    return { ok: true, message: t("saved.records", { ns: "lot" }) };
  }
  if (intent === "subitem") {
    const { user, scope, db } = await requireUser(request, "lot.record");
    await setLotSubItem(db, user, scope, lotId, field("subItem") ?? "");
    return { ok: true, message: t("saved.subItem", { ns: "lot" }) };
  }
  if (intent.startsWith("drawing-")) {
    const parsed = LotDrawingSchema.safeParse(Object.fromEntries(form), zod(t));
    if (!parsed.success) return refused(firstIssue(parsed.error, t), 400);
    const { revisionId } = parsed.data;
    if (parsed.data.intent === "drawing-ack") {
      const { user, scope, db } = await requireUser(request, "lot.review");
      await acknowledgeLotDrawingRef(db, user, scope, lotId, revisionId);
      return { ok: true, message: t("saved.drawingAck", { ns: "lot" }) };
    }
    const { user, scope, db } = await requireUser(request, "lot.record");
    if (parsed.data.intent === "drawing-add")
      await addLotDrawingRef(db, user, scope, lotId, revisionId);
    else await removeLotDrawingRef(db, user, scope, lotId, revisionId);
    return { ok: true, message: t("saved.drawings", { ns: "lot" }) };
  }
  if (intent === "submit" || intent === "accept") {
    const { user, scope, db } = await requireUser(
      request,
      intent === "submit" ? "lot.submit" : "lot.review",
    );
    const signed = lotSignSchema(t).safeParse(Object.fromEntries(form), zod(t));
    if (!signed.success) return refused(firstIssue(signed.error, t), 400);
    const image = await parseSignatureDataUrl(signed.data.signature);
    if ("error" in image) return refused(image.error, 400);
    const next = await signLot(db, user, scope, lotId, signed.data.intent, {
      password: signed.data.password,
      image,
      conclusion: signed.data.conclusion,
      foreman: signed.data.foreman ?? null,
      confirmed: signed.data.confirm === "on",
    });
    return {
      ok: true,
      message: t("saved.signed", { ns: "lot", state: t(`states.${next}`, { ns: "lot" }) }),
    };
  }
  const parsed = TransitionSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return refused(t("errors.unknownIntent", { ns: "lot" }), 400);
  const { intent: step, reason } = parsed.data;
  const { user, scope, db } = await requireUser(request, "lot.review");
  const next = await lotPageTransition(
    db,
    user,
    scope,
    lotId,
    { action: step, reason },
    pagePostKey(form),
  );
  return {
    ok: true,
    message:
      next === "draft"
        ? t("saved.reopened", { ns: "lot" })
        : t("saved.moved", { ns: "lot", state: t(`states.${next}`, { ns: "lot" }) }),
  };
}
