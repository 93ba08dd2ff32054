/** The parties of a 单位工程竣工验收, in the order the record lists them. */
export const PARTIES = ["owner", "contractor", "supervisor", "designer", "bureau"] as const;
export type Party = (typeof PARTIES)[number];

export const PARTY_LABELS_ZH: Record<Party, string> = {
  owner: "建设单位",
  contractor: "施工单位",
  supervisor: "监理单位",
  designer: "设计单位",
  bureau: "住建局",
};

export const ACCEPTANCE_STATUSES = ["open", "passed", "failed", "void"] as const;
export type AcceptanceStatus = (typeof ACCEPTANCE_STATUSES)[number];

export const ACCEPTANCE_STATUS_LABELS_ZH: Record<AcceptanceStatus, string> = {
  open: "签字中",
  passed: "验收合格",
  failed: "验收不合格",
  void: "已作废",
};

export const CONCLUSIONS = ["pass", "fail"] as const;
export type Conclusion = (typeof CONCLUSIONS)[number];
export const CONCLUSION_LABELS_ZH: Record<Conclusion, string> = { pass: "合格", fail: "不合格" };

export function isParty(value: unknown): value is Party {
  return (PARTIES as readonly unknown[]).includes(value);
}

export function acceptanceStatusZh(status: string): string {
  return (ACCEPTANCE_STATUS_LABELS_ZH as Record<string, string>)[status] ?? status;
}

export function conclusionZh(conclusion: string): string {
  return (CONCLUSION_LABELS_ZH as Record<string, string>)[conclusion] ?? conclusion;
}
