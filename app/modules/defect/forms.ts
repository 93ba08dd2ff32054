import { z } from "zod";
import { decimalNumber } from "~/infra/zod-zh";
import { DEFECT_ACTIONS, DEFECT_STATES, parseDueOn, SEVERITIES } from "./workflow";

const text = (max: number, label: string) =>
  z
    .string()
    .max(max, `${label}不能超过 ${max} 字`)
    .optional()
    .transform((v) => v?.trim() ?? "");

const common = {
  title: text(200, "标题").refine((v) => v !== "", "请填写问题标题"),
  description: text(4000, "问题描述"),
  severity: z.enum(SEVERITIES, { error: "请选择严重程度" }),
  dueOn: z.string().transform((v, ctx) => {
    const d = parseDueOn(v);
    if (!d) ctx.addIssue({ code: "custom", message: "请填写有效的整改期限" });
    return d ?? new Date(0);
  }),
};

/** 登记质量问题 from a lot's failing item. */
export const CreateFromItemSchema = z.object({
  lotId: z.string().min(1),
  itemId: z.string().min(1),
  ...common,
});

/** 登记质量问题 on its own, at a place of a compound. */
export const CreateStandaloneSchema = z.object({
  compoundId: z.string().min(1),
  contractorOrgId: z.string({ error: "请选择整改单位" }).min(1, "请选择整改单位"),
  placeLabel: text(100, "部位").refine((v) => v !== "", "请填写部位"),
  workTypeCode: z
    .string()
    .optional()
    .transform((v) => v?.trim() || null),
  ...common,
});

export const TransitionSchema = z.object({
  intent: z.enum(DEFECT_ACTIONS),
  comment: text(2000, "说明").transform((v) => (v === "" ? null : v)),
});

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

export const IssueNoticeSchema = z.object({
  compoundId: z.string().min(1),
  contractorOrgId: z.string().min(1),
  subject: text(200, "事由").refine((v) => v !== "", "请填写事由"),
  content: text(4000, "通知内容"),
  defectIds: z.array(z.string().min(1)).min(1, "请至少选择一项质量问题").max(200),
});

export const NoticeReplySchema = z.object({
  replyText: text(4000, "回复内容").refine((v) => v !== "", "请填写回复内容"),
});

/** 登记质量问题 from a point on a drawing sheet (图钉): a standalone defect with its pin. */
export const CreateFromPinSchema = CreateStandaloneSchema.omit({ compoundId: true }).extend({
  revisionId: z.string().min(1),
  x: decimalNumber("标注位置不在图纸范围内").pipe(
    z.number().min(0, "标注位置不在图纸范围内").max(1, "标注位置不在图纸范围内"),
  ),
  y: decimalNumber("标注位置不在图纸范围内").pipe(
    z.number().min(0, "标注位置不在图纸范围内").max(1, "标注位置不在图纸范围内"),
  ),
});
