/**
 * GB 50300 numbers from `acceptanceRules` of the checklist data (pass rates and the 1.5× factor
 * per specialty code, Appendix D, table 3.0.9), validated with zod, and the rule governing a
 * work type's (or one item's) 一般项目. Reading the data file (zod) is in verdict-rules-data.ts,
 * so the tablet bundle, which imports this module, carries no zod.
 */
import type { AppendixDRow, DoubleSamplingRow, MinimumSampleRow } from "./verdict-sampling";

/** GB 50300 §5.0.1 defers the pass rate to the specialty code; 80% is the common default. */
export const DEFAULT_MIN_PASS_RATE = 0.8;

export interface GeneralItemRule {
  code: string;
  minPassRate: number | null;
  maxDeviationFactor: number | null;
}

export interface VerdictRules {
  generalRules: GeneralItemRule[];
  appendixD: AppendixDRow[];
  doubleSampling: DoubleSamplingRow[];
  minimumSampleSize: MinimumSampleRow[];
  defaultMinPassRate: number;
}

/** Rules resolved for one work type. `minPassRate: null` means "judge with Appendix D". */
export interface LotRules {
  ruleCode: string | null;
  minPassRate: number | null;
  maxDeviationFactor: number | null;
  appendixD: readonly AppendixDRow[];
  doubleSampling?: readonly DoubleSamplingRow[];
  minimumSampleSize: readonly MinimumSampleRow[];
  /** Every specialty rule, for items whose spec names another governing code. */
  generalRules?: readonly GeneralItemRule[];
}

// "GB 50303-2015" → "GB 50303", "GB/T 19095-2019" → "GB/T 19095", "GB 5768.3-2009" → "GB 5768.3".
const STANDARD_NUMBER = /([A-Z]{2,4}(?:\/[A-Z])?)\s*(\d+(?:\.\d+)?)/g;

export function standardNumbers(text: string): string[] {
  return [...text.toUpperCase().matchAll(STANDARD_NUMBER)].map((m) => `${m[1]} ${m[2]}`);
}

/** The first of the standards whose number (year ignored) appears in a rule's `code`. */
export function governingGeneralRule(
  standards: readonly string[],
  rules: { generalRules: readonly GeneralItemRule[] },
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
    doubleSampling: rules.doubleSampling,
    minimumSampleSize: rules.minimumSampleSize,
    generalRules: rules.generalRules,
  };
}

/** An item's own governing code (e.g. plaza paving under CJJ 1 in a CJJ 82 work type). */
export function itemRules(lotRules: LotRules, generalRule: string | undefined): LotRules {
  if (!generalRule || !lotRules.generalRules) return lotRules;
  const rule = governingGeneralRule([generalRule], { generalRules: lotRules.generalRules });
  if (!rule) return lotRules;
  return {
    ...lotRules,
    ruleCode: rule.code,
    minPassRate: rule.minPassRate,
    maxDeviationFactor: rule.maxDeviationFactor,
  };
}
