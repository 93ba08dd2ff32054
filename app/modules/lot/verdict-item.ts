/**
 * One checklist item's verdict, GB 50300-2013 §5.0.1: 主控项目 all points pass; 一般项目 by the
 * governing code's pass rate and 1.5× band, or Appendix D where the code sets none.
 */
import { formatNumber, formatPercent, tidy, withUnit } from "./verdict-format";
import {
  type Bounds,
  describeViolation,
  limitTextZh,
  lookupAllowed,
  pointBounds,
  resolveLimit,
  seriousBounds,
  violationOf,
} from "./verdict-judge";
import { finishCount, judgeStatistic, missingQuantity, morePoints } from "./verdict-outcomes";
import { itemRules } from "./verdict-rules";
import { appendixDJudgement, requiredSamples } from "./verdict-sampling";
import type { JudgeSpec } from "./verdict-schema";
import {
  base,
  type ItemContext,
  type ItemVerdict,
  itemTitleZh,
  type LotItemInput,
  list,
  type Outcome,
  type PointResult,
} from "./verdict-types";
import { SAMPLE_QUANTITIES } from "./verdict-vocabulary";

export * from "./verdict-types";

export function judgeItem(item: LotItemInput, ctx: ItemContext): ItemVerdict {
  const outcome = outcomeOf(item, ctx);
  const title = itemTitleZh(item);
  const { notesZh, ...rest } = outcome;
  return {
    itemId: item.itemId,
    kind: item.kind,
    seq: item.seq,
    ...rest,
    reasonsZh: notesZh.map((n) => `${title}: ${n}`),
  };
}

function outcomeOf(item: LotItemInput, ctx: ItemContext): Outcome {
  if (item.result === "na") return base("na", "na", ["不适用 (不计入)"]);
  if (item.spec === null) {
    if (item.result === "pass") return base("pass", "manual_pass", ["合格"]);
    if (item.result === "fail") return base("fail", "manual_fail", ["不合格"]);
    return base("incomplete", "no_result", ["未填写"]);
  }
  return judgeMeasured(item, item.spec, ctx);
}

interface Judged {
  ok: boolean;
  compared: number;
  detailZh: string;
  serious: boolean;
  seriousZh: string;
}

function judgeMeasured(item: LotItemInput, spec: JudgeSpec, ctx: ItemContext): Outcome {
  const rules = itemRules(ctx.rules, spec.generalRule);
  const resolved = resolveLimit(spec, ctx.attributes);
  if (!resolved.ok) {
    const out = base("incomplete", "missing_attribute", [
      `缺少${resolved.missingZh}，无法确定允许值`,
    ]);
    return { ...out, params: { attribute: resolved.missingZh } };
  }
  const { limit } = resolved;
  const why = resolved.whyZh ? `${resolved.whyZh}，` : "";
  const limitZh = `${limitTextZh(spec, limit)}（${why}${resolved.refZh}${spec.unverified ? "，未核实" : ""}）`;
  const countsZh = SAMPLE_QUANTITIES[spec.sample.counts];
  const req = requiredSamples(
    spec.sample.rule,
    spec.sample.counts,
    ctx.quantities,
    ctx.attributes,
    rules.minimumSampleSize,
    countsZh,
  );
  const required = req.ok ? req.n : 0;
  const b0 = pointBounds(spec, limit);
  const common = {
    limitZh,
    sampleBasisZh: req.ok ? req.basisZh : null,
    requiredPoints: required,
    ...(b0 ? { bounds: { min: b0.min, max: b0.max } } : {}),
  };

  if (spec.comparison === "statistic")
    return { ...judgeStatistic(item, spec, ctx, req.ok ? required : 0), ...common };

  let bounds: Bounds | null = pointBounds(spec, limit);
  if (spec.comparison === "lookup") {
    const allowed = lookupAllowed(spec, ctx.attributes);
    if (allowed === null) {
      const what = spec.lookup ? `${ctx.attributes[spec.lookup.attr] ?? "—"}` : "—";
      return {
        ...base("incomplete", "missing_attribute", [`查表无此值 (${what})，无法确定允许值`]),
        ...common,
      };
    }
    bounds = { min: null, max: allowed };
    Object.assign(common, { bounds: { min: null, max: allowed } });
    common.limitZh = `≤ ${withUnit(formatNumber(allowed), spec.unit)}（${why}${resolved.refZh}${spec.unverified ? "，未核实" : ""}）`;
  }
  if (spec.comparison === "head") {
    const rim = ctx.attributes.rimAboveCrown;
    if (typeof rim === "number" && limit.min !== null && rim < limit.min) {
      bounds = { min: rim, max: null };
      common.limitZh = `≥ ${withUnit(formatNumber(rim), spec.unit)} (至上游井口)（${resolved.refZh}）`;
    }
  }
  if (bounds === null)
    return { ...base("incomplete", "no_result", ["无允许范围，需人工判定"]), ...common };

  const serious = seriousBounds(spec, limit, rules.maxDeviationFactor);
  const pointResults: PointResult[] = [];
  const judged: Judged[] = [];
  let missingDesign = 0;
  for (const p of item.points) {
    const design = p.design ?? item.designValue ?? null;
    if (spec.comparison === "design" && (design === null || !Number.isFinite(design))) {
      missingDesign += 1;
      pointResults.push({ ok: null, compared: null });
      continue;
    }
    const compared = tidy(spec.comparison === "design" ? p.value - design! : p.value);
    const isDeviation = spec.comparison === "design";
    const v = violationOf(compared, bounds);
    let reverse = false;
    if (
      spec.noReverse &&
      design !== null &&
      design !== 0 &&
      p.value !== 0 &&
      Math.sign(p.value) !== Math.sign(design)
    ) {
      reverse = true;
    }
    const sv = serious ? violationOf(compared, serious) : null;
    const ok = v === null && !reverse && p.serious !== true;
    const detailZh = reverse
      ? `反坡 ${withUnit(formatNumber(p.value), spec.unit)} (设计 ${withUnit(formatNumber(design!), spec.unit)})`
      : v
        ? describeViolation(compared, v, spec.unit, isDeviation, spec.decimals)
        : p.serious
          ? "严重缺陷"
          : "";
    judged.push({
      ok,
      compared,
      detailZh,
      serious: sv !== null || p.serious === true || reverse,
      seriousZh: sv ? describeViolation(compared, sv, spec.unit, isDeviation, spec.decimals) : "",
    });
    pointResults.push({ ok, compared });
  }
  const measured = judged.length;
  const failing = judged.filter((j) => !j.ok);
  const counts = {
    measuredPoints: measured,
    failedPoints: failing.length,
    points: pointResults,
    ...(measured > 0 ? { passRate: (measured - failing.length) / measured } : {}),
  };
  const withCounts = (o: Outcome): Outcome => ({ ...o, ...common, ...counts });

  if (item.result === "fail") {
    const notes =
      failing.length > 0
        ? [`${failing.length} 点不合格 (${list(failing.map((f) => f.detailZh))})`]
        : [];
    return withCounts(base("fail", "judged_fail", ["判定不合格", ...notes]));
  }
  if (spec.comparison === "trigger") {
    if (failing.length === 0)
      return finishCount(
        item,
        measured,
        required,
        req,
        withCounts,
        "all_points_pass",
        `${measured} 点均不超过 ${limitTextZh(spec, limit)}`,
      );
    const text = `${failing[0]!.detailZh}：须采取防护措施 (${resolved.refZh})`;
    if (item.result === "pass")
      return withCounts(base("pass", "manual_pass", [`${text}，已确认措施到位`]));
    return withCounts({ ...base("incomplete", "trigger_confirm", [`${text}，请确认措施后判定`]) });
  }
  if (item.kind === "main") {
    if (failing.length > 0) {
      const o = base("fail", "points_fail", [
        `${failing.length} 点不合格 (${list(failing.map((f) => f.detailZh))})，要求 ${common.limitZh}`,
      ]);
      return withCounts({ ...o, params: { failed: failing.length, limit: common.limitZh } });
    }
    if (missingDesign > 0)
      return withCounts(base("incomplete", "missing_design", [`${missingDesign} 点缺少设计值`]));
    return finishCount(
      item,
      measured,
      required,
      req,
      withCounts,
      "all_points_pass",
      `${measured} 点全部合格`,
    );
  }
  // 一般项目
  const beyond = judged.filter((j) => j.serious);
  if (beyond.length > 0) {
    const factor = rules.maxDeviationFactor;
    const details = list(beyond.map((j) => j.seriousZh || j.detailZh));
    const head = factor
      ? `${beyond.length} 点超出允许偏差 ${formatNumber(factor)} 倍或有严重缺陷`
      : `${beyond.length} 点存在严重缺陷`;
    return withCounts(
      base("fail", "serious_fail", [
        `${head} (${details})${rules.ruleCode ? `，${rules.ruleCode}` : ""}`,
      ]),
    );
  }
  if (missingDesign > 0)
    return withCounts(base("incomplete", "missing_design", [`${missingDesign} 点缺少设计值`]));
  if (!req.ok) return withCounts(missingQuantity(req));
  if (measured < required) return withCounts(morePoints(measured, required));
  const n = measured;
  const failed = failing.length;
  if (rules.minPassRate !== null) {
    const rate = (n - failed) / n;
    const pass = tidy(rate) >= rules.minPassRate;
    const text = `合格率 ${formatPercent(rate)} ${pass ? "≥" : "<"} ${formatPercent(rules.minPassRate)} (${n} 点中 ${failed} 点不合格${failed > 0 ? `：${list(failing.map((f) => f.detailZh))}` : ""}；${rules.ruleCode ?? "GB 50300 §5.0.1"})`;
    return withCounts(base(pass ? "pass" : "fail", pass ? "rate_pass" : "rate_fail", [text]));
  }
  const d = appendixDJudgement(n, failed, rules.appendixD, rules.doubleSampling ?? []);
  if (d === null)
    return withCounts(base("incomplete", "no_result", ["缺少 GB 50300 附录D 判定表"]));
  if (d.status === "more") {
    return withCounts(
      base("incomplete", "appendix_d_more", [
        `${n} 点中 ${failed} 点不合格：按 GB 50300 附录D 二次抽样，需累计抽样至 ${d.needed} 点`,
      ]),
    );
  }
  const pass = d.status === "pass";
  const plan =
    d.plan === "single" ? "一次抽样" : d.plan === "double" ? "二次抽样" : "样本少于 5，须全部合格";
  const text = `不合格点数 ${failed} ${pass ? "≤" : ">"} 合格判定数 ${d.ac} (样本 ${n}，GB 50300 附录D ${plan})`;
  return withCounts(
    base(pass ? "pass" : "fail", pass ? "appendix_d_pass" : "appendix_d_fail", [text]),
  );
}
