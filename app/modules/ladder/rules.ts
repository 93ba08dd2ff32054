/**
 * The order of the 单位工程 acceptance (pure rules; the module loads the rows):
 *   1. each 施工单位 checks its work (自检) and submits its 工程竣工报告 (GB 50300-2013 §6.0.5;
 *      建质〔2013〕171号 第五条(一)(二));
 *   2. the 总监理工程师 organises the 竣工预验收 and, when it passes, issues the 工程质量评估报告
 *      (§6.0.5; 171号 第五条(三));
 *   3. the 建设单位 organises the 竣工验收 (§6.0.6; 171号 第五条, 第六条);
 *   4. the 竣工验收报告 (171号 第八条), the 备案 within 15 days (备案管理办法 第四条) and the
 *      质量保修书 (建设工程质量管理条例 第三十九条, 第四十条).
 */
export const LADDER_STEPS = ["reports", "preAcceptance", "acceptance", "records"] as const;
export type LadderStep = (typeof LADDER_STEPS)[number];

export type LadderContractor = { organizationId: string; organizationName: string };
export type LadderState = {
  /** contractors holding a contract on the compound */
  contractors: LadderContractor[];
  /** organisation ids whose 竣工报告 is submitted */
  reported: string[];
  /** the latest 预验收's conclusion, null when none */
  preAcceptance: "pass" | "fail" | null;
  /** the current 竣工验收 session's status, null when none */
  acceptance: string | null;
};

export const missingReports = (s: LadderState) =>
  s.contractors.filter((c) => !s.reported.includes(c.organizationId));

/** Where the compound stands: the first step not yet done. */
export function currentStep(s: LadderState): LadderStep {
  if (s.contractors.length === 0 || missingReports(s).length > 0) return "reports";
  if (s.preAcceptance !== "pass") return "preAcceptance";
  if (s.acceptance !== "passed") return "acceptance";
  return "records";
}

/** Why the 总监 may not record a 预验收 yet (§6.0.5: after the contractors' 竣工报告), or null. */
export function preAcceptanceRefusal(s: LadderState): "reportsMissing" | "passed" | null {
  if (s.preAcceptance === "pass") return "passed";
  if (s.contractors.length === 0 || missingReports(s).length > 0) return "reportsMissing";
  return null;
}

/** A contractor's 竣工报告 may be submitted while no 预验收 has passed (it comes first). */
export function reportRefusal(
  s: LadderState,
  organizationId: string,
): "noContract" | "submitted" | "preAccepted" | null {
  if (!s.contractors.some((c) => c.organizationId === organizationId)) return "noContract";
  if (s.reported.includes(organizationId)) return "submitted";
  if (s.preAcceptance === "pass") return "preAccepted";
  return null;
}

/** 竣工验收备案 is due within 15 days of the passed acceptance (备案管理办法 第四条). */
export const FILING_DAYS = 15;
export function filingDueOn(acceptedAt: Date): Date {
  return new Date(acceptedAt.getTime() + FILING_DAYS * 24 * 3600 * 1000);
}
