/**
 * 入户调查表 (调查摸底): the survey form's items, the import columns and row validation. Pure.
 * The items follow the county plan's 调查摸底 (居民户数、楼栋等情况，建立登记台账，完善入户调查表)
 * and the works it lists (楼道线路、声控灯、栏杆、道路、雨污管网、化粪池、停车位…).
 */

import { z } from "~/infra/zod";
import type { Resources } from "~/locales/resources";
import type { ResidentsT } from "./i18n";

/** Renovation needs a household may report (residents:survey.needs.*). */
export const NEED_CODES = [
  "lights",
  "wiring",
  "railings",
  "pipes",
  "sewer",
  "roads",
  "parking",
  "walls",
  "green",
  "fitness",
] as const;
export type Need = (typeof NEED_CODES)[number];

export const OCCUPANCIES = ["owner", "tenant", "vacant"] as const;
export const CONSENTS = ["agree", "disagree", "undecided"] as const;
export type Occupancy = (typeof OCCUPANCIES)[number];
export type Consent = (typeof CONSENTS)[number];

/**
 * Import columns, in order (residents:survey.fields.*); the export writes the same, so an
 * exported ledger imports again, in either language.
 */
export const SURVEY_COLUMN_KEYS = [
  "building",
  "stairwell",
  "room",
  "headName",
  "phone",
  "occupancy",
  "residents",
  "elderly",
  "disabled",
  "needs",
  "consent",
  "note",
] as const;

/** The column headers in the language of `t`. */
export function surveyColumns(t: ResidentsT): string[] {
  return SURVEY_COLUMN_KEYS.map((k) => t(`survey.fields.${k}`));
}

export const MAX_IMPORT_ROWS = 2000;

type CountLabel = "residents" | "elderly" | "disabled";
const count = (t: ResidentsT, which: CountLabel) => {
  const label = t(`survey.validation.${which}`);
  return z.coerce
    .number({ error: t("survey.validation.notNumber", { label }) })
    .int(t("survey.validation.notInteger", { label }))
    .min(0, t("survey.validation.negative", { label }))
    .max(30, t("survey.validation.tooMany", { label }));
};

/** One household as entered on the tablet form (places by id) or read from a row (by name). */
export function householdFieldsSchema(t: ResidentsT) {
  const v = (key: Exclude<keyof Resources["residents"]["survey"]["validation"], CountLabel>) =>
    t(`survey.validation.${key}`);
  return z
    .object({
      room: z
        .string({ error: v("roomRequired") })
        .trim()
        .min(1, v("roomRequired"))
        .max(10, v("roomTooLong"))
        .regex(/^[0-9A-Za-z-]+$/, v("roomFormat")),
      headName: z
        .string({ error: v("headRequired") })
        .trim()
        .min(1, v("headRequired"))
        .max(20, v("headTooLong")),
      phone: z
        .string()
        .trim()
        .regex(/^(1\d{10}|0\d{2,3}-?\d{7,8})?$/, v("phone"))
        .default("")
        .transform((x) => x || null),
      occupancy: z.enum(OCCUPANCIES, { error: v("occupancy") }),
      residents: count(t, "residents"),
      elderly: count(t, "elderly"),
      disabled: count(t, "disabled"),
      needs: z.array(z.enum(NEED_CODES, { error: v("need") })).default([]),
      consent: z.enum(CONSENTS, { error: v("consent") }),
      note: z.string().trim().max(200, v("noteTooLong")).default(""),
    })
    .refine((h) => h.elderly <= h.residents && h.disabled <= h.residents, {
      message: v("moreThanResidents"),
      path: ["residents"],
    });
}
export type HouseholdFields = z.output<ReturnType<typeof householdFieldsSchema>>;

export type PlaceIndex = Map<string, Map<string, string>>; // building name → stairwell name → id
export type ParsedRow = HouseholdFields & { line: number; stairwellId: string };
export type RowError = { line: number; message: string };

/** A code from its label in any of the readers' languages (or the code itself). */
function fromLabel<C extends string>(
  codes: readonly C[],
  label: (t: ResidentsT, code: C) => string,
  readers: readonly ResidentsT[],
  value: string,
): C | undefined {
  return codes.find((c) => c === value || readers.some((r) => label(r, c) === value));
}

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
  t: ResidentsT,
  readers: readonly ResidentsT[] = [t],
): { rows: ParsedRow[]; errors: RowError[] } {
  const out: ParsedRow[] = [];
  const errors: RowError[] = [];
  const seen = new Map<string, number>();
  const schema = householdFieldsSchema(t);
  if (rows.length === 0) errors.push({ line: 0, message: t("survey.rows.empty") });
  if (rows.length > MAX_IMPORT_ROWS)
    errors.push({ line: 0, message: t("survey.rows.tooMany", { max: MAX_IMPORT_ROWS }) });
  for (const { line, values } of rows.slice(0, MAX_IMPORT_ROWS)) {
    const v = values.map(cell);
    const building = normBuilding(v[0] ?? "");
    const stairwell = normStairwell(v[1] ?? "");
    const stairwellId = places.get(building)?.get(stairwell);
    if (!stairwellId) {
      errors.push({
        line,
        message: t("survey.rows.noPlace", { place: `${building}${stairwell}` }),
      });
      continue;
    }
    const need = (l: string) => fromLabel(NEED_CODES, (r, c) => r(`survey.needs.${c}`), readers, l);
    // Labels are separated by list punctuation; a piece no label matches may be several
    // labels separated by spaces (English labels contain spaces themselves).
    const needs = (v[9] ?? "")
      .split(/[、,，;；]+/)
      .map((piece) => piece.trim())
      .filter(Boolean)
      .flatMap((piece) => (need(piece) ? [piece] : piece.split(/\s+/).filter(Boolean)))
      .map((l) => need(l) ?? l);
    const occupancy = v[5] ?? "";
    const consent = v[10] ?? "";
    const parsed = schema.safeParse({
      room: v[2],
      headName: v[3],
      phone: v[4],
      occupancy:
        fromLabel(OCCUPANCIES, (r, c) => r(`survey.occupancy.${c}`), readers, occupancy) ??
        occupancy,
      residents: v[6] || "0",
      elderly: v[7] || "0",
      disabled: v[8] || "0",
      needs,
      consent: fromLabel(CONSENTS, (r, c) => r(`survey.consent.${c}`), readers, consent) ?? consent,
      note: v[11] ?? "",
    });
    if (!parsed.success) {
      errors.push({
        line,
        message: parsed.error.issues.map((i) => i.message).join(t("survey.rows.separator")),
      });
      continue;
    }
    const key = `${stairwellId}/${parsed.data.room}`;
    const first = seen.get(key);
    if (first !== undefined) {
      errors.push({
        line,
        message: t("survey.rows.duplicate", {
          first,
          place: `${building}${stairwell}`,
          room: parsed.data.room,
        }),
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
