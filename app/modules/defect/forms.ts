import { z } from "~/infra/zod";
import { decimalNumber } from "~/infra/zod-fields";
import type { Translate as TFunction } from "./labels";
import { DEFECT_ACTIONS, DEFECT_STATES, parseDueOn, SEVERITIES } from "./workflow";

// The defect and notice forms: one schema per form, used by useSchemaForm in the browser and by
// parseSubmission in the action; messages in the language of `t` (same words on both sides).

type Field = "title" | "description" | "place" | "comment" | "subject" | "content" | "reply";

function texts(t: TFunction) {
  const text = (max: number, field: Field) =>
    z
      .string()
      .max(
        max,
        t("defect:form.tooLong", { label: t(`defect:form.fields.${field}`), max: String(max) }),
      )
      .optional()
      .transform((v) => v?.trim() ?? "");
  const required = (max: number, field: Field, message: string) =>
    text(max, field).refine((v) => v !== "", message);
  return { text, required };
}

function defectFields(t: TFunction) {
  const { text, required } = texts(t);
  return {
    title: required(200, "title", t("defect:form.titleRequired")),
    description: text(4000, "description"),
    severity: z.enum(SEVERITIES, { error: t("defect:form.severityRequired") }),
    dueOn: z.string({ error: t("defect:form.dueOnInvalid") }).transform((v, ctx) => {
      const d = parseDueOn(v);
      if (!d) ctx.addIssue({ code: "custom", message: t("defect:form.dueOnInvalid") });
      return d ?? new Date(0);
    }),
  };
}

/** 登记质量问题 from a lot's failing item. */
export function createFromItemSchema(t: TFunction) {
  return z.object({
    lotId: z.string().min(1),
    itemId: z.string().min(1),
    ...defectFields(t),
  });
}

/** 登记质量问题 on its own, at a place of a compound. */
export function createStandaloneSchema(t: TFunction) {
  const { required } = texts(t);
  const contractorRequired = t("defect:form.contractorRequired");
  return z.object({
    compoundId: z.string().min(1),
    contractorOrgId: z.string({ error: contractorRequired }).min(1, contractorRequired),
    placeLabel: required(100, "place", t("defect:form.placeRequired")),
    workTypeCode: z
      .string()
      .optional()
      .transform((v) => v?.trim() || null),
    ...defectFields(t),
  });
}

/** 登记质量问题 from a point on a drawing sheet (图钉): a standalone defect with its pin. */
export function createFromPinSchema(t: TFunction) {
  const outside = t("defect:form.pinOutside");
  const coordinate = decimalNumber(outside).pipe(z.number().min(0, outside).max(1, outside));
  return createStandaloneSchema(t)
    .omit({ compoundId: true })
    .extend({ revisionId: z.string().min(1), x: coordinate, y: coordinate });
}

/** The new-defect page's form, whichever way it starts (the hidden fields tell). */
export function newDefectSchema(t: TFunction, mode: "item" | "standalone" | "pin") {
  if (mode === "item") return createFromItemSchema(t);
  return mode === "pin" ? createFromPinSchema(t) : createStandaloneSchema(t);
}

/** Acknowledge, reply, close, return: the button names the intent; the comment is optional here. */
export function transitionSchema(t: TFunction) {
  const { text } = texts(t);
  return z.object({
    intent: z.enum(DEFECT_ACTIONS, { error: t("defect:form.unknownAction") }),
    comment: text(2000, "comment").transform((v) => (v === "" ? null : v)),
  });
}

export const FilterSchema = z.object({
  status: z.enum(DEFECT_STATES).optional().catch(undefined),
  severity: z.enum(SEVERITIES).optional().catch(undefined),
  compoundId: z.string().min(1).optional().catch(undefined),
  contractorOrgId: z.string().min(1).optional().catch(undefined),
  workTypeCode: z.string().min(1).max(60).optional().catch(undefined),
  place: z.string().trim().min(1).max(100).optional().catch(undefined),
  overdue: z.literal("1").optional().catch(undefined),
});

/** ?target=compoundId:contractorOrgId from the notices page, or the two fields. */
export const NoticeTargetSchema = z.preprocess(
  (v) => {
    const o = v as Record<string, string>;
    if (!o.target) return o;
    const [compoundId, contractorOrgId] = o.target.split(":");
    return { compoundId, contractorOrgId };
  },
  z.object({ compoundId: z.string().min(1), contractorOrgId: z.string().min(1) }),
);

/** 签发监理通知单: subject, text and the defects it carries. */
export function issueNoticeSchema(t: TFunction) {
  const { text, required } = texts(t);
  const noneChosen = t("defect:errors.notice.noneChosen");
  return z.object({
    compoundId: z.string().min(1),
    contractorOrgId: z.string().min(1),
    subject: required(200, "subject", t("defect:errors.notice.subjectRequired")),
    content: text(4000, "content"),
    defectIds: z.preprocess(
      (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
      z.array(z.string().min(1)).min(1, noneChosen).max(200),
    ),
  });
}

/** 回复单 of a notice. */
export function noticeReplySchema(t: TFunction) {
  const { required } = texts(t);
  return z.object({
    replyText: required(4000, "reply", t("defect:errors.notice.replyRequired")),
  });
}
