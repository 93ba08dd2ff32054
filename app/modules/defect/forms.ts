import { z } from "zod";
import { DEFECT_ACTIONS, DEFECT_STATES, parseDueOn, SEVERITIES } from "./workflow";

const text = (max: number, label: string) =>
  z
    .string()
    .max(max, `${label}不能超过 ${max} 字`)
    .optional()
    .transform((v) => v?.trim() ?? "");

/** 登记质量问题 from a lot's failing item. */
export const CreateFromItemSchema = z.object({
  lotId: z.string().min(1),
  itemId: z.string().min(1),
  title: text(200, "标题").refine((v) => v !== "", "请填写问题标题"),
  description: text(4000, "问题描述"),
  severity: z.enum(SEVERITIES, { error: "请选择严重程度" }),
  dueOn: z.string().transform((v, ctx) => {
    const d = parseDueOn(v);
    if (!d) ctx.addIssue({ code: "custom", message: "请填写有效的整改期限" });
    return d ?? new Date(0);
  }),
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
  overdue: z.literal("1").optional().catch(undefined),
});

/** 登记质量问题 from a point on a drawing sheet (图钉): compound-level, with the pin. */
export const CreateFromPinSchema = z.object({
  revisionId: z.string().min(1),
  x: z.coerce.number().min(0, "标注位置不在图纸范围内").max(1, "标注位置不在图纸范围内"),
  y: z.coerce.number().min(0, "标注位置不在图纸范围内").max(1, "标注位置不在图纸范围内"),
  contractorOrgId: z.string().min(1, "请选择整改单位"),
  placeLabel: text(200, "部位").refine((v) => v !== "", "请填写部位"),
  title: text(200, "标题").refine((v) => v !== "", "请填写问题标题"),
  description: text(4000, "问题描述"),
  severity: z.enum(SEVERITIES, { error: "请选择严重程度" }),
  dueOn: z.string().transform((v, ctx) => {
    const d = parseDueOn(v);
    if (!d) ctx.addIssue({ code: "custom", message: "请填写有效的整改期限" });
    return d ?? new Date(0);
  }),
});
