import zh from "~/locales/zh-CN/acceptance";

/**
 * The parties of a 单位工程竣工验收, in the order the record lists them (GB 50300-2013 §6.0.6;
 * 建质〔2013〕171号 第五条): the 建设单位 organises, the 项目负责人 of 建设, 施工, 设计, 勘察 and
 * the 总监理工程师 of 监理 sign. `bureau` is kept only to read sessions opened before issue 15,
 * when the bureau sat as a party; the 质监站 now files its own 监督记录 and holds no seat.
 */
export const PARTIES = [
  "owner",
  "contractor",
  "supervisor",
  "designer",
  "surveyor",
  "bureau",
] as const;
export type Party = (typeof PARTIES)[number];

/**
 * The post that signs for each party: its 项目负责人; for 监理 the 总监理工程师 (§6.0.6). These are
 * matched against the 职务 people carry in the data (Chinese), so they are data, not UI words.
 */
export const SEAT_TITLE_ZH: Record<Party, string> = {
  owner: "项目负责人",
  contractor: "项目负责人",
  supervisor: "总监理工程师",
  designer: "项目负责人",
  surveyor: "项目负责人",
  bureau: "",
};

/** Whether a person with this 职务 may hold the party's seat. */
export function canHoldSeat(party: Party, title: string): boolean {
  const post = SEAT_TITLE_ZH[party];
  return post !== "" && title.includes(post);
}

/** 质量安全监督站 staff: the bureau's supervision station files its own 监督记录. */
export const isSupervisionStation = (u: { role: string; title: string }) =>
  u.role === "bureau" && u.title.includes("监督");

export const ACCEPTANCE_STATUSES = ["open", "passed", "failed", "void"] as const;
export type AcceptanceStatus = (typeof ACCEPTANCE_STATUSES)[number];

export const CONCLUSIONS = ["pass", "fail"] as const;
export type Conclusion = (typeof CONCLUSIONS)[number];

export function isParty(value: unknown): value is Party {
  return (PARTIES as readonly unknown[]).includes(value);
}

export function isAcceptanceStatus(value: unknown): value is AcceptanceStatus {
  return (ACCEPTANCE_STATUSES as readonly unknown[]).includes(value);
}

export function isConclusion(value: unknown): value is Conclusion {
  return (CONCLUSIONS as readonly unknown[]).includes(value);
}

// Chinese words for the PDF record until it takes the reader's `t` (report module): the
// catalogue's own entries, so there is one source of the words.
/** @deprecated use t(`acceptance:conclusion.${conclusion}`) */
export function conclusionZh(conclusion: string): string {
  return isConclusion(conclusion) ? zh.conclusion[conclusion] : conclusion;
}

/** Longest 监督记录 the station may file. */
export const SUPERVISION_MAX = 2000;
