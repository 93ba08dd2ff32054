/** Outcomes shared by the item judges: missing quantities, more points, and the statistic. */
import { upperRepresentative } from "./verdict-judge";
import { msg, num } from "./verdict-message";
import type { requiredSamples } from "./verdict-sampling";
import type { JudgeSpec } from "./verdict-schema";
import {
  base,
  type ItemContext,
  type LotItemInput,
  type Outcome,
  type VerdictCode,
  type VerdictText,
} from "./verdict-types";

export function missingQuantity(
  req: Extract<ReturnType<typeof requiredSamples>, { ok: false }>,
): Outcome {
  const text =
    req.missing === "quantity"
      ? msg("verdict.note.missingCapacity", { what: req.what })
      : msg("verdict.note.missingSampleAttribute", { what: req.what });
  return { ...base("incomplete", "missing_quantity", [text]), params: { quantity: req.code } };
}

export function morePoints(measured: number, required: number): Outcome {
  const o = base("incomplete", "more_points", [
    msg("verdict.note.morePoints", { count: required - measured, measured, required }),
  ]);
  return { ...o, params: { measured, required } };
}

export function finishCount(
  _item: LotItemInput,
  measured: number,
  required: number,
  req: ReturnType<typeof requiredSamples>,
  withCounts: (o: Outcome) => Outcome,
  code: VerdictCode,
  passText: VerdictText,
): Outcome {
  if (!req.ok) return withCounts(missingQuantity(req));
  if (measured < required) return withCounts(morePoints(measured, required));
  return withCounts(base("pass", code, [passText]));
}

export function judgeStatistic(
  item: LotItemInput,
  spec: JudgeSpec,
  ctx: ItemContext,
  required: number,
): Outcome {
  const stat = spec.statistic!;
  const values = item.points.map((p) => p.value);
  const design = item.designValue ?? null;
  const counts = {
    measuredPoints: values.length,
    requiredPoints: required,
    points: values.map((v) => ({ ok: null, compared: v })),
  };
  if (item.result === "fail")
    return { ...base("fail", "judged_fail", [msg("verdict.note.judgedFail")]), ...counts };
  if (design === null)
    return {
      ...base("incomplete", "missing_design", [msg("verdict.note.statisticNoDesign")]),
      ...counts,
    };
  const minN = Math.max(stat.minPoints, required);
  if (values.length < minN) return { ...morePoints(values.length, minN), ...counts };
  const za =
    stat.za.find((z) => z.when.every((c) => ctx.attributes[c.attr] === c.value))?.za ??
    stat.za[stat.za.length - 1]!.za;
  const r = upperRepresentative(values, za);
  const pass = r.value <= design;
  const text = msg("verdict.note.statistic", {
    value: num(r.value, { digits: 1 }),
    mean: num(r.mean, { digits: 1 }),
    za: num(za),
    sd: num(r.sd, { digits: 1 }),
    op: pass ? "≤" : ">",
    design: num(design, { unit: spec.unit }),
    count: values.length,
  });
  const o = base(pass ? "pass" : "fail", pass ? "statistic_pass" : "statistic_fail", [text]);
  return { ...o, ...counts, params: { representative: r.value, design, za } };
}
