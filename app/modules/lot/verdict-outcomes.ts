/** Outcomes shared by the item judges: missing quantities, more points, and the statistic. */
import { formatNumber, withUnit } from "./verdict-format";
import { upperRepresentative } from "./verdict-judge";
import type { requiredSamples } from "./verdict-sampling";
import type { JudgeSpec } from "./verdict-schema";
import {
  base,
  type ItemContext,
  type LotItemInput,
  type Outcome,
  type VerdictCode,
} from "./verdict-types";

export function missingQuantity(req: { ok: false; what: string; missing: string }): Outcome {
  const text =
    req.missing === "quantity"
      ? `缺少检验批容量 (${req.what})，无法确定抽样数量`
      : `缺少${req.what}，无法确定抽样数量`;
  return { ...base("incomplete", "missing_quantity", [text]), params: { quantity: req.what } };
}

export function morePoints(measured: number, required: number): Outcome {
  const o = base("incomplete", "more_points", [
    `还需 ${required - measured} 个实测点 (已测 ${measured}，应测 ${required})`,
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
  passText: string,
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
  if (item.result === "fail") return { ...base("fail", "judged_fail", ["判定不合格"]), ...counts };
  if (design === null)
    return { ...base("incomplete", "missing_design", ["缺少设计值，无法判定代表值"]), ...counts };
  const minN = Math.max(stat.minPoints, required);
  if (values.length < minN) return { ...morePoints(values.length, minN), ...counts };
  const za =
    stat.za.find((z) => z.when.every((c) => ctx.attributes[c.attr] === c.value))?.za ??
    stat.za[stat.za.length - 1]!.za;
  const r = upperRepresentative(values, za);
  const pass = r.value <= design;
  const text = `代表值 ${formatNumber(r.value, 1)} = 平均 ${formatNumber(r.mean, 1)} + ${formatNumber(za)}×S ${formatNumber(r.sd, 1)} ${pass ? "≤" : ">"} 设计值 ${withUnit(formatNumber(design), spec.unit)} (${values.length} 点)`;
  const o = base(pass ? "pass" : "fail", pass ? "statistic_pass" : "statistic_fail", [text]);
  return { ...o, ...counts, params: { representative: r.value, design, za } };
}
