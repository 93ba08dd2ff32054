/**
 * 分项 and 分部 records (GB 50300-2013 §5.0.2, §5.0.3; 附录F, 附录G) of a compound, as the
 * 单位工程 record and the 竣工验收 prerequisites read them. CONTRACT: the division module
 * implements it; the others only call it. Names are the Chinese standard names (language of record).
 */
import type { Db } from "~/infra/db.server";
import zhDivision from "~/locales/zh-CN/division";
import type { DivisionEvidence } from "~/modules/evidence/evidence.server";
import { compoundDivisions } from "./records.server";

export type Rating = "good" | "fair" | "poor"; // 好 / 一般 / 差
export type SubItemSummary = {
  name: string;
  subDivision: string;
  standard: string;
  /** planned lots of this 分项 and how many of them are accepted */
  planned: number;
  accepted: number;
  /** §5.0.2: every planned lot accepted with complete records, and the 附录F record signed */
  passed: boolean;
  signedAt: Date | null;
  href: string;
};
export type DivisionGap = {
  /** e.g. subItemOpen | appearanceMissing | appearancePoor | unsigned | plus the evidence gap codes */
  code: string;
  params: Record<string, string | number>;
  href: string;
};
export type DivisionSummary = {
  division: string;
  subItems: SubItemSummary[];
  /** 观感质量 per point and the 总监's overall rating */
  appearance: { points: { name: string; rating: Rating }[]; conclusion: Rating | null };
  /** §5.0.3: the 附录G record is complete and signed 合格 */
  passed: boolean;
  signedAt: Date | null;
  /** empty when passed */
  gaps: DivisionGap[];
  href: string;
};

/** One entry per 分部 of the compound's plan (none without a plan). */
export async function divisionSummaries(
  db: Db,
  compoundId: string,
  /** the compound's evidence when the caller has read it already */
  given: { evidence?: DivisionEvidence[] } = {},
): Promise<DivisionSummary[]> {
  const divisions = await compoundDivisions(db, compoundId, given);
  return divisions.map((d) => ({
    division: d.division,
    subItems: d.subItems.map((s) => ({
      name: s.name,
      subDivision: s.subDivision,
      standard: s.standard,
      planned: s.planned,
      accepted: s.accepted,
      passed: s.passed,
      signedAt: s.signedAt,
      href: s.href,
    })),
    appearance: {
      points: d.appearance.points.flatMap((p) =>
        p.rating ? [{ name: pointNameZh(p.code), rating: p.rating }] : [],
      ),
      conclusion: d.appearance.conclusion,
    },
    passed: d.passed,
    signedAt: d.signedAt,
    gaps: d.gaps,
    href: d.href,
  }));
}

/** A 观感 point's Chinese name (language of record). */
const pointNameZh = (code: string) => (zhDivision.points as Record<string, string>)[code] ?? code;
