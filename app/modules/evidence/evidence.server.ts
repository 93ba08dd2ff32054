/**
 * 质量控制资料 and 安全和功能检验 of each 分部 of a compound's 检验批划分方案 (GB 50300-2013
 * §5.0.3-2/3, §5.0.4-2/3). CONTRACT shared by the 分部 records (附录G) and the 单位工程 record
 * (附录H): the evidence module implements it; the others only call it. Names (`name`, `division`)
 * are the Chinese standard names, the language of record.
 */
import type { Db } from "~/infra/db.server";
import { type ConcealedGap, concealedWorkGaps } from "~/modules/concealed/summary.server";
import { getPlan } from "~/modules/plan/plan.server";
import { assembleDivision } from "./assemble";
import { testClauses } from "./specs.server";

export type EvidenceDocument = {
  id: string;
  /** document kind code, e.g. certificate | retest | witnessSampling | labReport */
  kind: string;
  title: string;
  status: "submitted" | "checked" | "rejected";
  uploadedAt: Date;
  /** where the file is viewed */
  href: string;
  /** the 监理's reason when rejected */
  reason?: string | null;
  fileName?: string;
  /** pdf | jpeg | png | webp */
  format?: string;
};
export type EvidenceTest = {
  id: string;
  /** test code of the data table, e.g. lightingTrial | insulation | closedWater */
  code: string;
  name: string;
  clause: string;
  place: string;
  /** the recorded values and limit in words, e.g. "绝缘电阻 2.5 MΩ ≥ 0.5 MΩ" */
  summary: string;
  pass: boolean;
  recordedAt: Date;
  /** `${placeKind}:${placeId}` of the plan's place */
  placeKey?: string;
  testedOn?: Date;
  tester?: string;
};
export type EvidenceGap =
  | { code: "docMissing"; params: { division: string; kind: string } }
  | { code: "docUnchecked"; params: { division: string; kind: string; title: string } }
  | { code: "testMissing"; params: { division: string; test: string; place?: string } }
  | { code: "testFailed"; params: { division: string; test: string; place: string } }
  | { code: "concealedUnsigned"; params: { division: string; work: string; place: string } };
export type DivisionEvidence = {
  division: string;
  /** QC document kinds this 分部 requires, with their Chinese names */
  requiredDocuments: { kind: string; name: string }[];
  documents: EvidenceDocument[];
  /** 安全和功能检验 this 分部 requires */
  requiredTests: { code: string; name: string; clause: string; verified?: boolean }[];
  tests: EvidenceTest[];
  /** empty = 质量控制资料 complete and 安全和功能检验 conform */
  gaps: EvidenceGap[];
  /** the page where the gaps are fixed */
  href: string;
};

/** One entry per 分部 of the compound's plan (none without a plan). */
export async function divisionEvidence(
  db: Db,
  compoundId: string,
  /** the compound's hidden-work gaps when the caller has read them already */
  given: { concealed?: ConcealedGap[] } = {},
): Promise<DivisionEvidence[]> {
  const plan = await getPlan(db, compoundId);
  if (!plan) return [];
  const divisionOf = new Map(plan.subItems.map((s) => [s.id, s.division]));
  const divisions = [...new Set(plan.subItems.map((s) => s.division))];
  const places = plan.lots.map((l) => ({
    division: divisionOf.get(l.subItemId) ?? "",
    workTypeCode: l.workTypeCode,
    placeKind: l.placeKind,
    placeId: l.placeId,
    placeLabel: l.placeLabel,
  }));
  const [docRows, tests, concealed] = await Promise.all([
    db.evidenceDocument.findMany({
      where: { compoundId },
      orderBy: { uploadedAt: "asc" },
      select: {
        id: true,
        division: true,
        kind: true,
        title: true,
        fileName: true,
        format: true,
        uploadedAt: true,
        reviews: {
          orderBy: { reviewedAt: "desc" },
          take: 1,
          select: { decision: true, reason: true },
        },
      },
    }),
    db.functionTest.findMany({
      where: { compoundId },
      select: {
        id: true,
        division: true,
        code: true,
        placeKind: true,
        placeId: true,
        placeLabel: true,
        pass: true,
        summary: true,
        testedOn: true,
        tester: true,
        recordedAt: true,
      },
    }),
    given.concealed ?? concealedWorkGaps(db, compoundId),
  ]);
  const docs = docRows.map(({ reviews, ...d }) => ({ ...d, review: reviews[0] ?? null }));
  return divisions.map((division) =>
    assembleDivision({
      compoundId,
      division,
      places,
      docs,
      tests,
      concealed,
      clauses: testClauses(division),
    }),
  );
}
