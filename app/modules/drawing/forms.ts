import { z } from "zod";
import { decimalInt } from "~/infra/zod-zh";
import { parseDueOn } from "~/modules/defect/workflow";

const text = (max: number, label: string) =>
  z
    .string()
    .max(max, `${label}不能超过 ${max} 字`)
    .optional()
    .transform((v) => v?.trim() ?? "");

/** The upload form's fields (the file itself is streamed separately). */
export const UploadFieldsSchema = z.object({
  discipline: text(20, "专业").refine((v) => v !== "", "请填写专业"),
  numberPrefix: text(30, "图号前缀"),
  startNumber: z.preprocess(
    (v) => (v === "" || v === null ? undefined : v),
    decimalInt("起始序号须是整数").pipe(z.number().max(999, "起始序号不能大于 999")).default(1),
  ),
  pageLines: text(12000, "每页图号与图名").transform((v) => v.split(/\r?\n/)),
  defaultTitle: text(100, "图名"),
  revision: text(2, "版次").transform((v) => (v === "" ? null : v.toUpperCase())),
  issuedOn: z.string().transform((v, ctx) => {
    const d = parseDueOn(v);
    if (!d) ctx.addIssue({ code: "custom", message: "请填写有效的出图日期" });
    return d ?? new Date(0);
  }),
  workTypeId: text(40, "工程类别").transform((v) => (v === "" ? null : v)),
  /** The supersessions the user confirmed (the preview's token), absent on the first submit. */
  confirm: text(4000, "确认内容").transform((v) => (v === "" ? null : v)),
});

export const LotDrawingSchema = z.object({
  intent: z.enum(["drawing-add", "drawing-remove", "drawing-ack"]),
  revisionId: z.string().min(1, "请选择图纸"),
});
