/**
 * Reads GB 50300 numbers from `acceptanceRules` of the checklist data (pass rates and the 1.5×
 * factor per specialty code, Appendix D, table 3.0.9), validated with zod. Apart from
 * verdict-rules.ts: `~/infra/zod` configures zod on import, so any module importing it puts zod
 * into every bundle that imports that module (the tablet's lot page imports verdict-rules).
 */
import { z } from "~/infra/zod";
import { DEFAULT_MIN_PASS_RATE, type VerdictRules } from "./verdict-rules";

function rulesSchema() {
  const Row = z.object({
    n: z.number().int().positive(),
    ac: z.number().int(),
    re: z.number().int(),
  });
  return z.object({
    generalItemRuleBySpecialtyCode: z
      .array(
        z.object({
          code: z.string().min(1),
          minPassRate: z.number().min(0).max(1).nullable(),
          maxDeviationFactor: z.number().min(1).nullable(),
        }),
      )
      .min(1),
    appendixD_generalItemCountingJudgement: z.object({
      singleSampling: z.array(Row).min(1),
      doubleSampling: z.array(z.object({ stage1: Row, stage2cumulative: Row })).default([]),
    }),
    minimumSampleSize: z.object({
      table: z
        .array(
          z.object({
            lotCapacityMin: z.number().int(),
            lotCapacityMax: z.number().int(),
            minSamples: z.number().int().positive(),
          }),
        )
        .min(1),
    }),
    defaultMinPassRate: z.number().min(0).max(1).optional(),
  });
}
let cachedSchema: ReturnType<typeof rulesSchema> | undefined;

/** Reads `acceptanceRules`; throws with the offending path when the shape is wrong. */
export function rulesFromChecklistData(acceptanceRules: unknown): VerdictRules {
  cachedSchema ??= rulesSchema();
  const parsed = cachedSchema.safeParse(acceptanceRules);
  if (!parsed.success) {
    const first = parsed.error.issues[0]!;
    throw new Error(`acceptanceRules.${first.path.join(".")}: ${first.message}`);
  }
  const r = parsed.data;
  const d = r.appendixD_generalItemCountingJudgement;
  return {
    generalRules: r.generalItemRuleBySpecialtyCode.map(
      ({ code, minPassRate, maxDeviationFactor }) => ({
        code,
        minPassRate,
        maxDeviationFactor,
      }),
    ),
    appendixD: [...d.singleSampling].sort((a, b) => a.n - b.n),
    doubleSampling: d.doubleSampling
      .map((row) => ({ stage1: row.stage1, stage2: row.stage2cumulative }))
      .sort((a, b) => a.stage1.n - b.stage1.n),
    minimumSampleSize: [...r.minimumSampleSize.table].sort(
      (a, b) => a.lotCapacityMin - b.lotCapacityMin,
    ),
    defaultMinPassRate: r.defaultMinPassRate ?? DEFAULT_MIN_PASS_RATE,
  };
}
