import checklistData from "../../../prisma/data/checklists.json";
import { type LotRules, lotRulesFor, type VerdictRules } from "./verdict";
import { rulesFromChecklistData } from "./verdict-rules-data";

let cached: VerdictRules | undefined;

/** GB 50300 numbers (pass rates, Appendix D, table 3.0.9) from the checklist data file. */
export function verdictRules(): VerdictRules {
  cached ??= rulesFromChecklistData(checklistData.acceptanceRules);
  return cached;
}

export function lotRulesForStandards(standards: readonly string[]): LotRules {
  return lotRulesFor(standards, verdictRules());
}
