/**
 * One checklist item's verdict, GB 50300-2013 §5.0.1: 主控项目 all points pass; 一般项目 by the
 * governing code's pass rate and 1.5× band, or Appendix D where the code sets none.
 */
import { tidy } from "./verdict-format";
import {
  type Bounds,
  describeViolation,
  limitText,
  lookupAllowed,
  pointBounds,
  resolveLimit,
  seriousBounds,
  violationOf,
} from "./verdict-judge";
import { msg, num, type VerdictParam, type VerdictText } from "./verdict-message";
import { finishCount, judgeStatistic, missingQuantity, morePoints } from "./verdict-outcomes";
import { itemRules } from "./verdict-rules";
import { appendixDJudgement, requiredSamples } from "./verdict-sampling";
import type { JudgeSpec } from "./verdict-schema";
import {
  base,
  type ItemContext,
  type ItemVerdict,
  itemTitle,
  type LotItemInput,
  list,
  type Outcome,
  type PointResult,
} from "./verdict-types";

export * from "./verdict-types";

export function judgeItem(item: LotItemInput, ctx: ItemContext): ItemVerdict {
  const outcome = outcomeOf(item, ctx);
  const title = itemTitle(item);
  const { notes, ...rest } = outcome;
  return {
    itemId: item.itemId,
    kind: item.kind,
    seq: item.seq,
    ...rest,
    reasons: notes.map((note) => msg("verdict.reason", { title, note })),
  };
}

function outcomeOf(item: LotItemInput, ctx: ItemContext): Outcome {
  if (item.result === "na") return base("na", "na", [msg("verdict.note.na")]);
  if (item.spec === null) {
    if (item.result === "pass") return base("pass", "manual_pass", [msg("verdict.note.pass")]);
    if (item.result === "fail") return base("fail", "manual_fail", [msg("verdict.note.fail")]);
    return base("incomplete", "no_result", [msg("verdict.note.noResult")]);
  }
  return judgeMeasured(item, item.spec, ctx);
}

interface Judged {
  ok: boolean;
  compared: number;
  detail: VerdictText | null;
  serious: boolean;
  seriousDetail: VerdictText | null;
}

/** "（层数 7 ≥ 7，GB 50096-2011 §6.1.3，未核实）" after a limit. */
function withBasis(limit: VerdictText, basis: VerdictParam[]): VerdictText {
  return msg("verdict.limitWithBasis", { limit, basis: { list: basis, join: "comma" } });
}

function judgeMeasured(item: LotItemInput, spec: JudgeSpec, ctx: ItemContext): Outcome {
  const rules = itemRules(ctx.rules, spec.generalRule);
  const resolved = resolveLimit(spec, ctx.attributes);
  if (!resolved.ok) {
    const attributes = resolved.missing.map((a) => msg(`verdict.attributes.${a}`));
    const out = base("incomplete", "missing_attribute", [
      msg("verdict.note.missingAttribute", {
        attributes: { list: attributes, join: "enumeration" },
      }),
    ]);
    return { ...out, params: { attribute: resolved.missing.join(",") } };
  }
  const { limit } = resolved;
  const basis: VerdictParam[] = [
    ...resolved.why,
    resolved.ref,
    ...(spec.unverified ? [msg("verdict.unverified")] : []),
  ];
  const req = requiredSamples(
    spec.sample.rule,
    spec.sample.counts,
    ctx.quantities,
    ctx.attributes,
    rules.minimumSampleSize,
  );
  const required = req.ok ? req.n : 0;
  const b0 = pointBounds(spec, limit);
  const common = {
    limit: withBasis(limitText(spec, limit), basis),
    sampleBasis: req.ok ? req.basis : null,
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
        ...base("incomplete", "missing_attribute", [msg("verdict.note.lookupMissing", { what })]),
        ...common,
      };
    }
    bounds = { min: null, max: allowed };
    Object.assign(common, { bounds: { min: null, max: allowed } });
    common.limit = withBasis(
      msg("verdict.limit.compare", { op: "≤", value: num(allowed, { unit: spec.unit }) }),
      basis,
    );
  }
  if (spec.comparison === "head") {
    const rim = ctx.attributes.rimAboveCrown;
    if (typeof rim === "number" && limit.min !== null && rim < limit.min) {
      bounds = { min: rim, max: null };
      common.limit = withBasis(
        msg("verdict.limit.headToRim", { value: num(rim, { unit: spec.unit }) }),
        [resolved.ref],
      );
    }
  }
  if (bounds === null)
    return { ...base("incomplete", "no_result", [msg("verdict.note.noBounds")]), ...common };

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
    const detail = reverse
      ? msg("verdict.note.reverseSlope", {
          value: num(p.value, { unit: spec.unit }),
          design: num(design!, { unit: spec.unit }),
        })
      : v
        ? describeViolation(compared, v, spec.unit, isDeviation, spec.decimals)
        : p.serious
          ? msg("verdict.note.seriousDefect")
          : null;
    judged.push({
      ok,
      compared,
      detail,
      serious: sv !== null || p.serious === true || reverse,
      seriousDetail: sv
        ? describeViolation(compared, sv, spec.unit, isDeviation, spec.decimals)
        : null,
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

  const details = (of: Judged[]) => list(of.map((f) => f.detail ?? ""));
  /** Every point measured passes: a pass once enough points are measured. */
  const allPass = (text: VerdictText) =>
    finishCount(item, measured, required, req, withCounts, "all_points_pass", text);
  if (item.result === "fail") {
    const notes =
      failing.length > 0
        ? [msg("verdict.note.pointsFail", { count: failing.length, details: details(failing) })]
        : [];
    return withCounts(base("fail", "judged_fail", [msg("verdict.note.judgedFail"), ...notes]));
  }
  if (spec.comparison === "trigger") {
    if (failing.length === 0)
      return allPass(
        msg("verdict.note.triggerNone", { count: measured, limit: limitText(spec, limit) }),
      );
    const trigger = { detail: failing[0]!.detail ?? "", ref: resolved.ref };
    if (item.result === "pass")
      return withCounts(
        base("pass", "manual_pass", [msg("verdict.note.triggerConfirmed", trigger)]),
      );
    return withCounts({
      ...base("incomplete", "trigger_confirm", [msg("verdict.note.triggerConfirm", trigger)]),
    });
  }
  if (item.kind === "main") {
    if (failing.length > 0) {
      const o = base("fail", "points_fail", [
        msg("verdict.note.mainFail", {
          count: failing.length,
          details: details(failing),
          limit: common.limit,
        }),
      ]);
      return withCounts({ ...o, params: { failed: failing.length } });
    }
    if (missingDesign > 0)
      return withCounts(
        base("incomplete", "missing_design", [
          msg("verdict.note.missingDesign", { count: missingDesign }),
        ]),
      );
    return allPass(msg("verdict.note.allPass", { count: measured }));
  }
  // 一般项目
  const beyond = judged.filter((j) => j.serious);
  if (beyond.length > 0) {
    const factor = rules.maxDeviationFactor;
    const params = {
      count: beyond.length,
      details: list(beyond.map((j) => j.seriousDetail ?? j.detail ?? "")),
      rule: rules.ruleCode ? msg("verdict.note.ruleSuffix", { rule: rules.ruleCode }) : "",
    };
    return withCounts(
      base("fail", "serious_fail", [
        factor
          ? msg("verdict.note.beyondFactor", { ...params, factor: num(factor) })
          : msg("verdict.note.seriousOnly", params),
      ]),
    );
  }
  if (missingDesign > 0)
    return withCounts(
      base("incomplete", "missing_design", [
        msg("verdict.note.missingDesign", { count: missingDesign }),
      ]),
    );
  if (!req.ok) return withCounts(missingQuantity(req));
  if (measured < required) return withCounts(morePoints(measured, required));
  const n = measured;
  const failed = failing.length;
  if (rules.minPassRate !== null) {
    const rate = (n - failed) / n;
    const pass = tidy(rate) >= rules.minPassRate;
    const text = msg("verdict.note.rate", {
      rate: { percent: rate },
      op: pass ? "≥" : "<",
      min: { percent: rules.minPassRate },
      n,
      failed,
      details: failed > 0 ? msg("verdict.note.rateDetails", { details: details(failing) }) : "",
      rule: rules.ruleCode ?? "GB 50300 §5.0.1",
    });
    return withCounts(base(pass ? "pass" : "fail", pass ? "rate_pass" : "rate_fail", [text]));
  }
  const d = appendixDJudgement(n, failed, rules.appendixD, rules.doubleSampling ?? []);
  if (d === null)
    return withCounts(base("incomplete", "no_result", [msg("verdict.note.noAppendixD")]));
  if (d.status === "more") {
    return withCounts(
      base("incomplete", "appendix_d_more", [
        msg("verdict.note.appendixDMore", { n, failed, needed: d.needed }),
      ]),
    );
  }
  const pass = d.status === "pass";
  const text = msg("verdict.note.appendixD", {
    failed,
    op: pass ? "≤" : ">",
    ac: d.ac,
    n,
    plan: msg(`verdict.plan.${d.plan}`),
  });
  return withCounts(
    base(pass ? "pass" : "fail", pass ? "appendix_d_pass" : "appendix_d_fail", [text]),
  );
}
