/**
 * 分项 and 分部 acceptance rules (GB 50300-2013 §5.0.2, §5.0.3; 附录F, 附录G), pure: the caller
 * loads the rows. Codes and parameters only; pages and PDFs word them.
 */
import type { Rating } from "./summary.server";

export const RATINGS = ["good", "fair", "poor"] as const satisfies readonly Rating[];
export const isRating = (v: unknown): v is Rating => RATINGS.includes(v as Rating);

export type PlannedLotState = {
  placeLabel: string;
  lot: { id: string; number: string; status: string; recordsComplete: boolean } | null;
};

/**
 * §5.0.2: a 分项 is accepted when every lot it contains is accepted (1) and their acceptance
 * records are complete (2). A planned place without a lot is a lot not accepted; a 分项 without
 * planned lots contains nothing to accept.
 */
export function subItemReady(lots: PlannedLotState[]): boolean {
  return (
    lots.length > 0 &&
    lots.every((l) => l.lot !== null && l.lot.status === "accepted" && l.lot.recordsComplete)
  );
}

/** 附录F seats: 施工单位 项目专业技术负责人 and 监理单位 专业监理工程师 (§6.0.2). */
export const SUB_ITEM_SEATS = ["contractorTech", "supervisor"] as const;
export type SubItemSeat = (typeof SUB_ITEM_SEATS)[number];
/**
 * 附录G seats (§6.0.3): 施工单位 项目负责人, 设计单位 项目负责人 (where involved: 地基与基础,
 * 主体结构, 节能 — optional for the works of this programme) and 监理单位 总监理工程师.
 */
export const DIVISION_SEATS = ["contractorLead", "designer", "chief"] as const;
export type DivisionSeat = (typeof DIVISION_SEATS)[number];
/** Seats a 分部 record needs before it is signed (the designer's only where involved). */
export const REQUIRED_DIVISION_SEATS: readonly DivisionSeat[] = ["contractorLead", "chief"];

type Person = { role: string; title: string };
/** 职务 are matched in the free-text title people carry (Chinese data), as decision 0019 does. */
const holds = (u: Person, post: string) => u.title.includes(post);
const isTechLead = (u: Person) => holds(u, "技术负责人");

/** The 附录F seat a person may sign, or null. */
export function subItemSeatOf(u: Person): SubItemSeat | null {
  if (u.role === "contractor" && isTechLead(u)) return "contractorTech";
  if (u.role === "supervisor" && holds(u, "监理工程师")) return "supervisor";
  return null;
}

/** The 附录G seat a person may sign, or null. */
export function divisionSeatOf(u: Person): DivisionSeat | null {
  if (u.role === "contractor" && holds(u, "项目负责人") && !isTechLead(u)) return "contractorLead";
  if (u.role === "designer" && holds(u, "项目负责人")) return "designer";
  if (u.role === "supervisor" && holds(u, "总监理工程师")) return "chief";
  return null;
}

/** The 施工单位 项目技术负责人 shown on 附录G (no seat of their own there). */
export const isContractorTechLead = (u: Person) => u.role === "contractor" && isTechLead(u);

export type RatingRow = { point: string; rating: string; ratedAt: Date };
export type AppearanceState = {
  points: { code: string; rating: Rating | null; reworked: boolean }[];
  conclusion: Rating | null;
};

/**
 * The current 观感质量 of a 分部: per point its latest rating (a re-rating after rework replaces
 * a 差, the earlier rows stay on record), the overall rating stored under point "".
 */
export function appearanceState(points: readonly string[], rows: RatingRow[]): AppearanceState {
  const sorted = [...rows].sort((a, b) => a.ratedAt.getTime() - b.ratedAt.getTime());
  const latest = new Map<string, Rating>();
  const history = new Map<string, Rating[]>();
  for (const r of sorted) {
    if (!isRating(r.rating)) continue;
    latest.set(r.point, r.rating);
    history.set(r.point, [...(history.get(r.point) ?? []), r.rating]);
  }
  return {
    points: points.map((code) => {
      const rating = latest.get(code) ?? null;
      const past = history.get(code) ?? [];
      return { code, rating, reworked: rating !== "poor" && past.includes("poor") };
    }),
    conclusion: latest.get("") ?? null,
  };
}

export type DivisionGapCode =
  | "subItemOpen"
  | "appearanceMissing"
  | "appearancePoor"
  | "appearanceConclusion"
  | "unsigned";
export type RuleGap = { code: DivisionGapCode; params: Record<string, string> };

/**
 * What keeps a 分部 from being signed (§5.0.3): every 分项 accepted (1), 观感质量 rated at every
 * point with none 差 — a 差 point is reworked and re-rated (条文说明 §5.0.3; §3.0.6-8) — and an
 * overall rating not 差 (4). Items 2 and 3 (质量控制资料, 安全和功能检验) are the evidence
 * module's gaps, added by the caller.
 */
export function divisionReadinessGaps(input: {
  subItems: { name: string; passed: boolean }[];
  appearance: AppearanceState;
}): RuleGap[] {
  const gaps: RuleGap[] = input.subItems
    .filter((s) => !s.passed)
    .map((s) => ({ code: "subItemOpen", params: { subItem: s.name } }));
  for (const p of input.appearance.points) {
    if (p.rating === null) gaps.push({ code: "appearanceMissing", params: { point: p.code } });
    else if (p.rating === "poor") gaps.push({ code: "appearancePoor", params: { point: p.code } });
  }
  const c = input.appearance.conclusion;
  if (c === null || c === "poor") gaps.push({ code: "appearanceConclusion", params: {} });
  return gaps;
}

/** A record is signed when every required seat has signed; its date is the last signature's. */
export function signedAt(
  required: readonly string[],
  signatures: { seat: string; signedAt: Date }[],
): Date | null {
  const dates = required.map((s) => signatures.find((x) => x.seat === s)?.signedAt);
  if (dates.some((d) => !d)) return null;
  return new Date(Math.max(...dates.map((d) => (d as Date).getTime())));
}
