/**
 * Inspection-lot (检验批) verdict engine, GB 50300-2013 §5.0.1.
 *
 * Pure: every threshold (pass rates, 1.5× factors, Appendix D, table 3.0.9) comes from the
 * checklist data (`acceptanceRules`) so an administrator can correct it by publishing a new
 * checklist version. The only constant is DEFAULT_MIN_PASS_RATE, used when no specialty code
 * governs a work type.
 */

// ---------------------------------------------------------------------------------------------
// Types
// ---------------------------------------------------------------------------------------------

export type ItemKind = "main" | "general";
export type ItemResult = "pass" | "fail" | "na";
export type ItemStatus = "pass" | "fail" | "na" | "incomplete";
export type LotStatus = "pass" | "fail" | "incomplete";

/** `numeric` of a checklist item. `quantity` values other than the two below are not auto-judged. */
export interface NumericSpec {
  unit: string;
  min: number | null;
  max: number | null;
  quantity: string;
  target?: number | null;
  condition?: string;
  note?: string;
}

export interface GeneralItemRule {
  code: string;
  minPassRate: number | null;
  maxDeviationFactor: number | null;
}

export interface AppendixDRow {
  n: number;
  ac: number;
  re: number;
}

export interface MinimumSampleRow {
  lotCapacityMin: number;
  lotCapacityMax: number;
  minSamples: number;
}

export interface VerdictRules {
  generalRules: GeneralItemRule[];
  appendixD: AppendixDRow[];
  minimumSampleSize: MinimumSampleRow[];
  defaultMinPassRate: number;
}

/** Rules resolved for one work type. `minPassRate: null` means "judge with Appendix D". */
export interface LotRules {
  ruleCode: string | null;
  minPassRate: number | null;
  maxDeviationFactor: number | null;
  appendixD: readonly AppendixDRow[];
  minimumSampleSize: readonly MinimumSampleRow[];
}

export interface LotPoint {
  value: number;
  serious?: boolean;
}

export interface LotItemInput {
  itemId: string;
  kind: ItemKind;
  /** 1-based number within its kind (主控项目 1, 一般项目 3). */
  seq: number;
  labelZh: string;
  numeric: NumericSpec | null;
  designValue?: number | null;
  requiredSamples?: number | null;
  result: ItemResult | null;
  points: LotPoint[];
}

export interface LotVerdictInput {
  rules: LotRules;
  lotCapacity?: number | null;
  items: LotItemInput[];
  recordsComplete?: boolean;
}

export interface ItemVerdict {
  itemId: string;
  kind: ItemKind;
  seq: number;
  status: ItemStatus;
  passRate?: number;
  failedPoints: number;
  measuredPoints: number;
  requiredPoints: number;
  reasonsZh: string[];
}

export interface LotVerdict {
  status: LotStatus;
  canAccept: boolean;
  /** One line for lists and error messages, e.g. "不合格：主控项目 2". */
  summaryZh: string;
  items: ItemVerdict[];
  /** Item by item; failing items first, then incomplete, then passing, then not applicable. */
  reasonsZh: string[];
}

export type PointJudgement =
  | {
      ok: boolean;
      /** The measured value, or measured − design for deviationFromDesign items. */
      compared: number;
      /** Why the point fails, e.g. "1.00 m < 1.05 m"; empty when it passes. */
      boundZh: string;
      seriousLimitExceeded: boolean;
      /** The serious limit crossed, e.g. "4.6 mm > 4.5 mm"; empty otherwise. */
      seriousBoundZh: string;
    }
  | { ok: null; messageZh: string };

// ---------------------------------------------------------------------------------------------
// Extracting the rules from checklists.json
// ---------------------------------------------------------------------------------------------

/** GB 50300 §5.0.1 defers the pass rate to the specialty code; 80% is the common default. */
export const DEFAULT_MIN_PASS_RATE = 0.8;

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function field(obj: JsonObject, key: string, path: string): unknown {
  if (!(key in obj)) throw new Error(`${path}.${key} is missing`);
  return obj[key];
}

function objectAt(obj: JsonObject, key: string, path: string): JsonObject {
  const value = field(obj, key, path);
  if (!isObject(value)) throw new Error(`${path}.${key} must be an object`);
  return value;
}

function arrayAt(obj: JsonObject, key: string, path: string): JsonObject[] {
  const value = field(obj, key, path);
  if (!Array.isArray(value) || value.length === 0) {
    throw new Error(`${path}.${key} must be a non-empty array`);
  }
  return value.map((entry, i) => {
    if (!isObject(entry)) throw new Error(`${path}.${key}[${i}] must be an object`);
    return entry;
  });
}

function numberAt(obj: JsonObject, key: string, path: string): number {
  const value = field(obj, key, path);
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new Error(`${path}.${key} must be a number`);
  }
  return value;
}

function nullableNumberAt(obj: JsonObject, key: string, path: string): number | null {
  return field(obj, key, path) === null ? null : numberAt(obj, key, path);
}

function stringAt(obj: JsonObject, key: string, path: string): string {
  const value = field(obj, key, path);
  if (typeof value !== "string" || value.trim() === "") {
    throw new Error(`${path}.${key} must be a non-empty string`);
  }
  return value;
}

/**
 * Reads `acceptanceRules` of checklists.json. Throws with the offending path when the shape is
 * wrong, so a bad checklist version is rejected at import rather than misjudging lots later.
 */
export function rulesFromChecklistData(acceptanceRules: unknown): VerdictRules {
  const root = "acceptanceRules";
  if (!isObject(acceptanceRules)) throw new Error(`${root} must be an object`);

  const generalPath = `${root}.generalItemRuleBySpecialtyCode`;
  const generalRules = arrayAt(acceptanceRules, "generalItemRuleBySpecialtyCode", root).map(
    (row, i) => ({
      code: stringAt(row, "code", `${generalPath}[${i}]`),
      minPassRate: nullableNumberAt(row, "minPassRate", `${generalPath}[${i}]`),
      maxDeviationFactor: nullableNumberAt(row, "maxDeviationFactor", `${generalPath}[${i}]`),
    }),
  );

  const dPath = `${root}.appendixD_generalItemCountingJudgement`;
  const appendixDObject = objectAt(acceptanceRules, "appendixD_generalItemCountingJudgement", root);
  const appendixD = arrayAt(appendixDObject, "singleSampling", dPath)
    .map((row, i) => ({
      n: numberAt(row, "n", `${dPath}.singleSampling[${i}]`),
      ac: numberAt(row, "ac", `${dPath}.singleSampling[${i}]`),
      re: numberAt(row, "re", `${dPath}.singleSampling[${i}]`),
    }))
    .sort((a, b) => a.n - b.n);

  const sPath = `${root}.minimumSampleSize`;
  const sampleObject = objectAt(acceptanceRules, "minimumSampleSize", root);
  const minimumSampleSize = arrayAt(sampleObject, "table", sPath)
    .map((row, i) => ({
      lotCapacityMin: numberAt(row, "lotCapacityMin", `${sPath}.table[${i}]`),
      lotCapacityMax: numberAt(row, "lotCapacityMax", `${sPath}.table[${i}]`),
      minSamples: numberAt(row, "minSamples", `${sPath}.table[${i}]`),
    }))
    .sort((a, b) => a.lotCapacityMin - b.lotCapacityMin);

  // A checklist version may carry its own default; the data file currently does not.
  const defaultMinPassRate =
    typeof acceptanceRules.defaultMinPassRate === "number"
      ? acceptanceRules.defaultMinPassRate
      : DEFAULT_MIN_PASS_RATE;

  return { generalRules, appendixD, minimumSampleSize, defaultMinPassRate };
}

// ---------------------------------------------------------------------------------------------
// Governing specialty code
// ---------------------------------------------------------------------------------------------

// "GB 50303-2015" → "GB 50303", "GB/T 19095-2019" → "GB/T 19095", "GB 5768.3-2009" → "GB 5768.3".
const STANDARD_NUMBER = /([A-Z]{2,4}(?:\/[A-Z])?)\s*(\d+(?:\.\d+)?)/g;

function standardNumbers(text: string): string[] {
  return [...text.toUpperCase().matchAll(STANDARD_NUMBER)].map((m) => `${m[1]} ${m[2]}`);
}

/**
 * The specialty-code rule governing a work type's general items: the first of the work type's
 * standards whose number (year ignored) appears in a rule's `code`. Null when none matches.
 */
export function governingGeneralRule(
  standards: readonly string[],
  rules: Pick<VerdictRules, "generalRules">,
): GeneralItemRule | null {
  for (const standard of standards) {
    const wanted = standardNumbers(standard)[0];
    if (wanted === undefined) continue;
    const rule = rules.generalRules.find((r) => standardNumbers(r.code).includes(wanted));
    if (rule) return rule;
  }
  return null;
}

/** Rules for one work type; without a governing code the default pass rate applies, no 1.5× limit. */
export function lotRulesFor(standards: readonly string[], rules: VerdictRules): LotRules {
  const governing = governingGeneralRule(standards, rules);
  return {
    ruleCode: governing?.code ?? null,
    minPassRate: governing ? governing.minPassRate : rules.defaultMinPassRate,
    maxDeviationFactor: governing?.maxDeviationFactor ?? null,
    appendixD: rules.appendixD,
    minimumSampleSize: rules.minimumSampleSize,
  };
}

// ---------------------------------------------------------------------------------------------
// Number formatting
// ---------------------------------------------------------------------------------------------

const SIGNIFICANT_DIGITS = 12;
const MAX_DECIMALS = 4;

/** Removes binary noise: 1.1 − 1.05 → 0.05, 0.3 × 1.5 → 0.45. */
function tidy(x: number): number {
  return Number(x.toPrecision(SIGNIFICANT_DIGITS));
}

function decimalsOf(x: number): number {
  const text = String(tidy(x));
  if (text.includes("e")) return MAX_DECIMALS;
  const dot = text.indexOf(".");
  return dot < 0 ? 0 : Math.min(text.length - dot - 1, MAX_DECIMALS);
}

export function formatNumber(x: number, decimals: number = decimalsOf(x)): string {
  return tidy(x).toFixed(decimals);
}

/** Percent with at most one decimal, rounded down so a failing rate never displays as the limit. */
export function formatPercent(rate: number): string {
  const tenths = Math.floor(tidy(rate * 1000));
  return `${formatNumber(tenths / 10)}%`;
}

const UNIT_DISPLAY: Record<string, string> = { ratio: "" };
const UNITS_WITHOUT_SPACE = new Set(["%", "‰", "×D"]);

function withUnit(text: string, unit: string): string {
  const shown = UNIT_DISPLAY[unit] ?? unit;
  if (shown === "") return text;
  return UNITS_WITHOUT_SPACE.has(shown) ? `${text}${shown}` : `${text} ${shown}`;
}

/** Measured values as people read them beside their limits: 1 against 1.05 m → "1.00 m". */
export function formatMeasured(values: readonly number[], numeric: NumericSpec): string[] {
  const known = [numeric.min, numeric.max, numeric.target].filter((x): x is number => x != null);
  const decimals = Math.max(0, ...[...values, ...known].map(decimalsOf));
  return values.map((v) => withUnit(formatNumber(v, decimals), numeric.unit));
}

function signed(text: string, x: number): string {
  return x > 0 ? `+${text}` : text;
}

// ---------------------------------------------------------------------------------------------
// Judging one point
// ---------------------------------------------------------------------------------------------

const ABSOLUTE = "absolute";
const DEVIATION = "deviationFromDesign";

interface Bounds {
  min: number | null;
  max: number | null;
}

/** A point can be judged automatically only against an explicit min and/or max. */
export function isAutoJudgeable(numeric: NumericSpec): boolean {
  const knownQuantity = numeric.quantity === ABSOLUTE || numeric.quantity === DEVIATION;
  return knownQuantity && (numeric.min !== null || numeric.max !== null);
}

/**
 * The "serious deviation" band (GB 50210 / CJJ 1 / GB 50268: 不合格点的最大偏差不得大于允许偏差的
 * 1.5 倍). It only exists where the tolerance is an allowable deviation:
 * - deviationFromDesign: the band [min×f, max×f] (a bound of 0 stays 0, so any excess on that side
 *   is serious — the literal reading of the rule);
 * - absolute with no lower bound (min null or 0) and max > 0, e.g. flatness or gap ≤ 3 mm:
 *   the limit max×f;
 * - absolute with a positive minimum (compaction ≥ 90%, railing ≥ 1.05 m) or a range of values
 *   (pH 5.6–8.0) is a requirement, not a deviation: no serious limit, a failing point just fails.
 */
export function seriousLimits(
  numeric: NumericSpec,
  factor: number | null | undefined,
): Bounds | null {
  if (factor === null || factor === undefined) return null;
  const scale = (bound: number | null) => (bound === null ? null : tidy(bound * factor));
  if (numeric.quantity === DEVIATION) return { min: scale(numeric.min), max: scale(numeric.max) };
  const noLowerBound = numeric.min === null || numeric.min === 0;
  if (numeric.quantity === ABSOLUTE && noLowerBound && numeric.max !== null && numeric.max > 0) {
    return { min: null, max: scale(numeric.max) };
  }
  return null;
}

interface Violation {
  op: "<" | ">";
  bound: number;
}

function violationOf(compared: number, bounds: Bounds): Violation | null {
  if (bounds.min !== null && compared < bounds.min) return { op: "<", bound: bounds.min };
  if (bounds.max !== null && compared > bounds.max) return { op: ">", bound: bounds.max };
  return null;
}

function describeViolation(compared: number, violation: Violation, numeric: NumericSpec): string {
  const decimals = Math.max(decimalsOf(compared), decimalsOf(violation.bound));
  const show = (x: number) => withUnit(formatNumber(x, decimals), numeric.unit);
  if (numeric.quantity === DEVIATION) {
    const value = signed(show(compared), compared);
    return `偏差 ${value} ${violation.op} ${signed(show(violation.bound), violation.bound)}`;
  }
  return `${show(compared)} ${violation.op} ${show(violation.bound)}`;
}

function isMissing(x: number | null | undefined): x is null | undefined {
  return x === null || x === undefined || !Number.isFinite(x);
}

/**
 * Judges one measured value against an item's numeric tolerance. `designValue` is required for
 * deviationFromDesign items; `maxDeviationFactor` enables the serious-deviation check.
 */
export function judgePoint(
  value: number,
  numeric: NumericSpec,
  designValue?: number | null,
  maxDeviationFactor?: number | null,
): PointJudgement {
  if (!Number.isFinite(value)) return { ok: null, messageZh: "实测值无效" };
  if (!isAutoJudgeable(numeric)) return { ok: null, messageZh: "无允许范围，需人工判定" };
  if (numeric.quantity === DEVIATION && isMissing(designValue)) {
    return { ok: null, messageZh: "缺少设计值" };
  }
  const compared = tidy(numeric.quantity === DEVIATION ? value - (designValue ?? 0) : value);
  const violation = violationOf(compared, numeric);
  const serious = seriousLimits(numeric, maxDeviationFactor);
  const seriousViolation = serious ? violationOf(compared, serious) : null;
  return {
    ok: violation === null,
    compared,
    boundZh: violation ? describeViolation(compared, violation, numeric) : "",
    seriousLimitExceeded: seriousViolation !== null,
    seriousBoundZh: seriousViolation ? describeViolation(compared, seriousViolation, numeric) : "",
  };
}

// ---------------------------------------------------------------------------------------------
// Sample sizes
// ---------------------------------------------------------------------------------------------

/**
 * GB 50300 table 3.0.9. Below the smallest row every unit is inspected; above the largest row the
 * largest row's minimum applies. Null without a usable capacity.
 */
export function minimumSamplesForCapacity(
  lotCapacity: number | null | undefined,
  table: readonly MinimumSampleRow[],
): number | null {
  if (isMissing(lotCapacity) || lotCapacity < 1 || table.length === 0) return null;
  const capacity = Math.ceil(lotCapacity);
  const row = table.find((r) => capacity >= r.lotCapacityMin && capacity <= r.lotCapacityMax);
  if (row) return row.minSamples;
  const first = table[0]!;
  if (capacity < first.lotCapacityMin) return capacity;
  return table[table.length - 1]!.minSamples;
}

// "不得少于1处", "不少于3间", "至少 2 点" (but not "不少于10%").
const AT_LEAST = /(?:不[得应]?少于|至少)\s*(\d+)(?![\d.%])/g;
// "每节管1点", "测1处", "每组3点", "随机取样5处".
const POINT_COUNT = /(?<![\d.])(\d+)\s*[点处]/g;
// "抽查10株", "查1块板", "抽检1组".
const CHECKED_COUNT = /[测查检]\s*(\d+)\s*[株块组个套间台条]/g;
// "抽查10%", "抽检 20%".
const SAMPLED_PERCENT = /抽[查检测样]?\s*(\d+(?:\.\d+)?)\s*%/g;
const WHOLE_LOT = /全数|逐个/;

function allNumbers(text: string, pattern: RegExp): number[] {
  return [...text.matchAll(pattern)].map((m) => Number(m[1]));
}

/**
 * Best-effort minimum number of measured points for an item, from its `samplePlan` text:
 * the largest of the explicit counts ("不少于3处", "每组3点"), percentage of the lot capacity
 * ("抽查10%") and the whole lot ("全数检查"), when a capacity is given. Plans with none of these
 * fall back to GB 50300 table 3.0.9 for the capacity, else 1. Per-area plans ("每1000m²测1点")
 * are not scaled because the lot capacity's unit is not known here.
 */
export function requiredSampleCount(
  samplePlan: string,
  lotCapacity?: number | null,
  minimumSampleSize: readonly MinimumSampleRow[] = [],
): number {
  const capacity = isMissing(lotCapacity) || lotCapacity < 1 ? null : Math.ceil(lotCapacity);
  const plan = samplePlan.normalize("NFKC");
  const candidates = [
    ...allNumbers(plan, AT_LEAST),
    ...allNumbers(plan, POINT_COUNT),
    ...allNumbers(plan, CHECKED_COUNT),
  ];
  if (capacity !== null) {
    const percents = allNumbers(plan, SAMPLED_PERCENT);
    candidates.push(...percents.map((p) => Math.ceil(tidy((p / 100) * capacity))));
    if (WHOLE_LOT.test(plan)) candidates.push(capacity);
  }
  if (candidates.length > 0) return Math.max(1, ...candidates);
  return minimumSamplesForCapacity(capacity, minimumSampleSize) ?? 1;
}

/**
 * Appendix D acceptance number Ac(n) for single sampling. Between table rows Ac is interpolated
 * linearly and rounded (D.0.2). Below the first row we interpolate from the origin (n=0, Ac=0),
 * so very small samples tolerate fewer defects; above the last row Ac keeps the last row's
 * defect ratio. Null when the table is empty.
 */
export function acceptanceNumber(n: number, table: readonly AppendixDRow[]): number | null {
  if (table.length === 0 || n < 1) return null;
  const rows = [{ n: 0, ac: 0, re: 1 }, ...table];
  const last = rows[rows.length - 1]!;
  if (n >= last.n) return Math.round(tidy((last.ac * n) / last.n));
  const upperIndex = rows.findIndex((r) => r.n >= n);
  const upper = rows[upperIndex]!;
  const lower = rows[upperIndex - 1] ?? upper;
  if (upper.n === n || upper.n === lower.n) return upper.ac;
  const ac = lower.ac + ((upper.ac - lower.ac) * (n - lower.n)) / (upper.n - lower.n);
  return Math.round(tidy(ac));
}

// ---------------------------------------------------------------------------------------------
// Judging items
// ---------------------------------------------------------------------------------------------

const KIND_ZH: Record<ItemKind, string> = { main: "主控项目", general: "一般项目" };
const MAX_LISTED_POINTS = 3;

export function itemTitleZh(item: Pick<LotItemInput, "kind" | "seq" | "labelZh">): string {
  return `${KIND_ZH[item.kind]} ${item.seq} ${item.labelZh}`;
}

interface JudgedPoint {
  serious: boolean;
  ok: boolean;
  boundZh: string;
  seriousLimitExceeded: boolean;
  seriousBoundZh: string;
}

interface Outcome {
  status: ItemStatus;
  notesZh: string[];
  passRate?: number;
  failedPoints: number;
  measuredPoints: number;
  requiredPoints: number;
}

function listPoints(details: string[]): string {
  const shown = details.slice(0, MAX_LISTED_POINTS).join("；");
  return details.length > MAX_LISTED_POINTS ? `${shown} 等` : shown;
}

function pointDetail(point: JudgedPoint): string {
  return point.ok ? "严重缺陷" : point.boundZh;
}

function isFailing(point: JudgedPoint): boolean {
  return !point.ok || point.serious;
}

function judgeByResult(result: ItemResult | null): Outcome {
  const counts = { failedPoints: 0, measuredPoints: 0, requiredPoints: 0 };
  if (result === "pass") return { status: "pass", notesZh: ["合格"], ...counts };
  if (result === "fail") return { status: "fail", notesZh: ["不合格"], ...counts };
  return { status: "incomplete", notesZh: ["未填写"], ...counts };
}

function judgePoints(item: LotItemInput, numeric: NumericSpec, rules: LotRules): JudgedPoint[] {
  const judged: JudgedPoint[] = [];
  for (const point of item.points) {
    const j = judgePoint(point.value, numeric, item.designValue, rules.maxDeviationFactor);
    if (j.ok === null) continue;
    judged.push({ ...j, serious: point.serious === true });
  }
  return judged;
}

function missingPointsNote(measured: number, required: number): string {
  return `还需 ${required - measured} 个实测点 (已测 ${measured}，应测 ${required})`;
}

function mainPointNotes(
  judged: JudgedPoint[],
  required: number,
): Pick<Outcome, "status" | "notesZh"> {
  const failing = judged.filter(isFailing);
  if (failing.length > 0) {
    const details = listPoints(failing.map(pointDetail));
    return { status: "fail", notesZh: [`${failing.length} 点不合格 (${details})`] };
  }
  if (judged.length < required) {
    return { status: "incomplete", notesZh: [missingPointsNote(judged.length, required)] };
  }
  return { status: "pass", notesZh: [`${judged.length} 点全部合格`] };
}

/** The counting rule: the code's pass rate, or Appendix D where the code sets none. */
function judgeRate(judged: JudgedPoint[], rules: LotRules): Pick<Outcome, "status" | "notesZh"> {
  const failed = judged.filter(isFailing).length;
  const n = judged.length;
  const share = `${n} 点中 ${failed} 点不合格`;
  if (rules.minPassRate !== null) {
    const rate = (n - failed) / n;
    const pass = tidy(rate) >= rules.minPassRate;
    const op = pass ? "≥" : "<";
    const text = `合格率 ${formatPercent(rate)} ${op} ${formatPercent(rules.minPassRate)} (${share})`;
    return { status: pass ? "pass" : "fail", notesZh: [text] };
  }
  const ac = acceptanceNumber(n, rules.appendixD);
  if (ac === null)
    return { status: "incomplete", notesZh: ["缺少 GB 50300 附录D 判定表，无法判定"] };
  const pass = failed <= ac;
  const op = pass ? "≤" : ">";
  const text = `不合格点数 ${failed} ${op} 合格判定数 ${ac} (样本 ${n}，GB 50300 附录D)`;
  return { status: pass ? "pass" : "fail", notesZh: [text] };
}

function generalPointNotes(
  judged: JudgedPoint[],
  required: number,
  rules: LotRules,
): Pick<Outcome, "status" | "notesZh"> {
  const severe: string[] = [];
  const beyond = judged.filter((p) => p.seriousLimitExceeded);
  if (beyond.length > 0 && rules.maxDeviationFactor !== null) {
    const factor = formatNumber(rules.maxDeviationFactor);
    const details = listPoints(beyond.map((p) => p.seriousBoundZh));
    severe.push(`${beyond.length} 点超出允许偏差 ${factor} 倍 (${details})`);
  }
  const flagged = judged.filter((p) => p.serious).length;
  if (flagged > 0) severe.push(`${flagged} 点存在严重缺陷`);
  if (severe.length > 0) return { status: "fail", notesZh: severe };
  if (judged.length < required) {
    return { status: "incomplete", notesZh: [missingPointsNote(judged.length, required)] };
  }
  return judgeRate(judged, rules);
}

function requiredPointsFor(item: LotItemInput, rules: LotRules, lotCapacity?: number | null) {
  if (!isMissing(item.requiredSamples) && item.requiredSamples >= 1) {
    return Math.ceil(item.requiredSamples);
  }
  return minimumSamplesForCapacity(lotCapacity, rules.minimumSampleSize) ?? 1;
}

function judgeMeasured(
  item: LotItemInput,
  numeric: NumericSpec,
  rules: LotRules,
  lotCapacity?: number | null,
): Outcome {
  const required = requiredPointsFor(item, rules, lotCapacity);
  if (numeric.quantity === DEVIATION && isMissing(item.designValue) && item.result !== "fail") {
    const counts = { failedPoints: 0, measuredPoints: 0, requiredPoints: required };
    return { status: "incomplete", notesZh: ["缺少设计值，无法判定偏差"], ...counts };
  }
  const judged = judgePoints(item, numeric, rules);
  const pointsOutcome =
    item.kind === "main"
      ? mainPointNotes(judged, required)
      : generalPointNotes(judged, required, rules);
  const measured = judged.length;
  const failedPoints = judged.filter(isFailing).length;
  const counts = { failedPoints, measuredPoints: measured, requiredPoints: required };
  const passRate = measured > 0 ? (measured - failedPoints) / measured : undefined;
  const withRate = passRate === undefined ? counts : { ...counts, passRate };
  if (item.result === "fail") {
    const notes = pointsOutcome.status === "fail" ? pointsOutcome.notesZh : [];
    return { status: "fail", notesZh: ["判定不合格", ...notes], ...withRate };
  }
  return { ...pointsOutcome, ...withRate };
}

function itemOutcome(item: LotItemInput, rules: LotRules, lotCapacity?: number | null): Outcome {
  if (item.result === "na") {
    const counts = { failedPoints: 0, measuredPoints: 0, requiredPoints: 0 };
    return { status: "na", notesZh: ["不适用 (不计入)"], ...counts };
  }
  if (item.numeric === null || !isAutoJudgeable(item.numeric)) return judgeByResult(item.result);
  return judgeMeasured(item, item.numeric, rules, lotCapacity);
}

function judgeItem(item: LotItemInput, rules: LotRules, lotCapacity?: number | null): ItemVerdict {
  const outcome = itemOutcome(item, rules, lotCapacity);
  const title = itemTitleZh(item);
  const verdict: ItemVerdict = {
    itemId: item.itemId,
    kind: item.kind,
    seq: item.seq,
    status: outcome.status,
    failedPoints: outcome.failedPoints,
    measuredPoints: outcome.measuredPoints,
    requiredPoints: outcome.requiredPoints,
    reasonsZh: outcome.notesZh.map((note) => `${title}: ${note}`),
  };
  if (outcome.passRate !== undefined) verdict.passRate = outcome.passRate;
  return verdict;
}

// ---------------------------------------------------------------------------------------------
// The lot
// ---------------------------------------------------------------------------------------------

const RECORDS_INCOMPLETE_ZH = "施工操作依据、质量验收记录不完整";
const NO_APPLICABLE_ITEMS_ZH = "没有适用的检查项目";

function byKindAndSeq(a: LotItemInput, b: LotItemInput): number {
  if (a.kind !== b.kind) return a.kind === "main" ? -1 : 1;
  return a.seq - b.seq;
}

function shortRef(item: ItemVerdict): string {
  return `${KIND_ZH[item.kind]} ${item.seq}`;
}

function lotStatusOf(items: ItemVerdict[], recordsComplete: boolean | undefined): LotStatus {
  if (items.some((i) => i.status === "fail")) return "fail";
  const applicable = items.filter((i) => i.status !== "na");
  if (applicable.length === 0) return "incomplete";
  if (recordsComplete === false || applicable.some((i) => i.status === "incomplete")) {
    return "incomplete";
  }
  return "pass";
}

function summaryOf(status: LotStatus, items: ItemVerdict[], recordsComplete?: boolean): string {
  if (status === "pass") return "合格";
  const wanted: ItemStatus = status === "fail" ? "fail" : "incomplete";
  const refs = items.filter((i) => i.status === wanted).map(shortRef);
  if (status === "incomplete" && recordsComplete === false) refs.push(RECORDS_INCOMPLETE_ZH);
  if (refs.length === 0) refs.push(NO_APPLICABLE_ITEMS_ZH);
  return `${status === "fail" ? "不合格" : "未完成"}：${refs.join("、")}`;
}

/** GB 50300-2013 §5.0.1: main items all pass, general items per the governing code, records complete. */
export function computeLotVerdict(input: LotVerdictInput): LotVerdict {
  const sorted = [...input.items].sort(byKindAndSeq);
  const items = sorted.map((item) => judgeItem(item, input.rules, input.lotCapacity));
  const status = lotStatusOf(items, input.recordsComplete);

  const reasonsOf = (wanted: ItemStatus) =>
    items.filter((i) => i.status === wanted).flatMap((i) => i.reasonsZh);
  const reasonsZh = [
    ...(items.every((i) => i.status === "na") ? [NO_APPLICABLE_ITEMS_ZH] : []),
    ...reasonsOf("fail"),
    ...reasonsOf("incomplete"),
    ...(input.recordsComplete === false ? [RECORDS_INCOMPLETE_ZH] : []),
    ...reasonsOf("pass"),
    ...reasonsOf("na"),
  ];

  return {
    status,
    canAccept: status === "pass",
    summaryZh: summaryOf(status, items, input.recordsComplete),
    items,
    reasonsZh,
  };
}
