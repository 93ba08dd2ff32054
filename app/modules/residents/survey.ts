/**
 * 入户调查表 (调查摸底): the survey form's items, the import columns and row validation. Pure.
 * The items follow the county plan's 调查摸底 (居民户数、楼栋等情况，建立登记台账，完善入户调查表)
 * and the works it lists (楼道线路、声控灯、栏杆、道路、雨污管网、化粪池、停车位…).
 */
import { z } from "zod";

export const NEEDS = {
  lights: "楼道灯不亮",
  wiring: "楼道线路杂乱",
  railings: "楼梯栏杆扶手松动",
  pipes: "给排水管道漏堵",
  sewer: "化粪池/污水外溢",
  roads: "道路破损",
  parking: "停车难",
  walls: "楼道墙面破旧",
  green: "绿化不足",
  fitness: "缺少健身器材",
} as const;
export type Need = keyof typeof NEEDS;
export const NEED_CODES = Object.keys(NEEDS) as Need[];

export const OCCUPANCY = { owner: "自住", tenant: "出租", vacant: "空置" } as const;
export const CONSENT = { agree: "同意", disagree: "不同意", undecided: "未表态" } as const;
export type Occupancy = keyof typeof OCCUPANCY;
export type Consent = keyof typeof CONSENT;

/** Import columns, in order; the export writes the same, so an exported ledger imports again. */
export const SURVEY_COLUMNS = [
  "楼栋",
  "单元",
  "房号",
  "户主姓名",
  "联系电话",
  "居住情况",
  "常住人数",
  "60岁以上老人",
  "残疾人",
  "改造需求",
  "是否同意改造方案",
  "备注",
] as const;

export const MAX_IMPORT_ROWS = 2000;

const fromLabel = <T extends Record<string, string>>(labels: T, value: string) =>
  (Object.keys(labels) as (keyof T)[]).find((k) => labels[k] === value || k === value);

const count = (label: string) =>
  z.coerce
    .number({ error: `${label}须为数字` })
    .int(`${label}须为整数`)
    .min(0, `${label}不能为负`)
    .max(30, `${label}不超过 30`);

/** One household as entered on the tablet form (places by id) or read from a row (by name). */
export const HouseholdFieldsSchema = z
  .object({
    room: z
      .string()
      .trim()
      .min(1, "请填写房号")
      .max(10, "房号不超过 10 个字符")
      .regex(/^[0-9A-Za-z-]+$/, "房号只能含数字、字母和 -"),
    headName: z.string().trim().min(1, "请填写户主姓名").max(20, "户主姓名不超过 20 字"),
    phone: z
      .string()
      .trim()
      .regex(/^(1\d{10}|0\d{2,3}-?\d{7,8})?$/, "联系电话应为 11 位手机号或固定电话")
      .transform((v) => v || null),
    occupancy: z.enum(["owner", "tenant", "vacant"], { error: "居住情况应为 自住/出租/空置" }),
    residents: count("常住人数"),
    elderly: count("60岁以上老人数"),
    disabled: count("残疾人数"),
    needs: z.array(z.enum(NEED_CODES as [Need, ...Need[]], { error: "有未知的改造需求" })),
    consent: z.enum(["agree", "disagree", "undecided"], {
      error: "是否同意应为 同意/不同意/未表态",
    }),
    note: z.string().trim().max(200, "备注不超过 200 字").default(""),
  })
  .refine((h) => h.elderly <= h.residents && h.disabled <= h.residents, {
    message: "老人或残疾人数不能多于常住人数",
    path: ["residents"],
  });
export type HouseholdFields = z.infer<typeof HouseholdFieldsSchema>;

export type PlaceIndex = Map<string, Map<string, string>>; // building name → stairwell name → id
export type ParsedRow = HouseholdFields & { line: number; stairwellId: string };
export type RowError = { line: number; message: string };

const cell = (v: unknown) => (v === null || v === undefined ? "" : String(v).trim());
const normBuilding = (v: string) => (/^\d+$/.test(v) ? `${v}栋` : v.replace(/号楼$|#$/, "栋"));
const normStairwell = (v: string) => (/^\d+$/.test(v) ? `${v}单元` : v);

/**
 * Validates every row (line = the spreadsheet's row number). All or nothing: the caller imports
 * only when `errors` is empty. Duplicate households (same 单元 and 房号) in the file are errors.
 */
export function parseSurveyRows(
  rows: { line: number; values: unknown[] }[],
  places: PlaceIndex,
): { rows: ParsedRow[]; errors: RowError[] } {
  const out: ParsedRow[] = [];
  const errors: RowError[] = [];
  const seen = new Map<string, number>();
  if (rows.length === 0) errors.push({ line: 0, message: "表中没有住户数据" });
  if (rows.length > MAX_IMPORT_ROWS)
    errors.push({ line: 0, message: `一次最多导入 ${MAX_IMPORT_ROWS} 户` });
  for (const { line, values } of rows.slice(0, MAX_IMPORT_ROWS)) {
    const v = values.map(cell);
    const building = normBuilding(v[0] ?? "");
    const stairwell = normStairwell(v[1] ?? "");
    const stairwellId = places.get(building)?.get(stairwell);
    if (!stairwellId) {
      errors.push({ line, message: `本小区没有“${building}${stairwell}”` });
      continue;
    }
    const needLabels = (v[9] ?? "").split(/[、,，;；\s]+/).filter(Boolean);
    const needs = needLabels.map((l) => fromLabel(NEEDS, l) ?? l);
    const parsed = HouseholdFieldsSchema.safeParse({
      room: v[2],
      headName: v[3],
      phone: v[4],
      occupancy: fromLabel(OCCUPANCY, v[5] ?? "") ?? v[5],
      residents: v[6] || "0",
      elderly: v[7] || "0",
      disabled: v[8] || "0",
      needs,
      consent: fromLabel(CONSENT, v[10] ?? "") ?? v[10],
      note: v[11] ?? "",
    });
    if (!parsed.success) {
      errors.push({ line, message: parsed.error.issues.map((i) => i.message).join("；") });
      continue;
    }
    const key = `${stairwellId}/${parsed.data.room}`;
    const first = seen.get(key);
    if (first !== undefined) {
      errors.push({
        line,
        message: `与第 ${first} 行是同一户（${building}${stairwell} ${parsed.data.room}）`,
      });
      continue;
    }
    seen.set(key, line);
    out.push({ ...parsed.data, line, stairwellId });
  }
  return { rows: out, errors };
}

export type SurveyRowForSummary = {
  stairwellId: string;
  placeLabel: string;
  needs: readonly string[];
  consent: string;
  elderly: number;
  disabled: number;
};

/**
 * What feeds the plan: per need, the 单元 that reported it (with how many households), and the
 * consent tally (the plan proceeds with the residents' agreement: 以居民业主为主体).
 */
export function surveySummary(rows: readonly SurveyRowForSummary[]) {
  const needs = NEED_CODES.map((code) => {
    const byPlace = new Map<string, number>();
    for (const r of rows)
      if (r.needs.includes(code)) byPlace.set(r.placeLabel, (byPlace.get(r.placeLabel) ?? 0) + 1);
    return {
      code,
      labelZh: NEEDS[code],
      households: [...byPlace.values()].reduce((a, b) => a + b, 0),
      places: [...byPlace.entries()]
        .sort((a, b) => a[0].localeCompare(b[0], "zh"))
        .map(([place, households]) => ({ place, households })),
    };
  }).filter((n) => n.households > 0);
  needs.sort((a, b) => b.households - a.households);
  const consent = { agree: 0, disagree: 0, undecided: 0 } as Record<Consent, number>;
  for (const r of rows) if (r.consent in consent) consent[r.consent as Consent] += 1;
  return {
    households: rows.length,
    elderly: rows.reduce((n, r) => n + r.elderly, 0),
    disabled: rows.reduce((n, r) => n + r.disabled, 0),
    consent,
    needs,
  };
}
