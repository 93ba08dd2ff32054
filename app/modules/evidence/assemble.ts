/**
 * One 分部's evidence from its rows: which required documents are met, which tests are recorded
 * at every place they must be, and the gaps (GB 50300-2013 §5.0.3-2/3). Pure: the server module
 * reads the rows, this decides.
 */
import type { ConcealedGap } from "~/modules/concealed/summary.server";
import type { DivisionEvidence, EvidenceGap, EvidenceTest } from "./evidence.server";
import { CONCEALED_KIND, DOC_CLAUSE, kindNameZh, requirementFor, testNameZh } from "./requirements";

export type DocRow = {
  id: string;
  division: string;
  kind: string;
  title: string;
  fileName: string;
  format: string;
  uploadedAt: Date;
  /** latest review, if any */
  review: { decision: string; reason: string | null } | null;
};
export type TestRow = {
  id: string;
  division: string;
  code: string;
  placeKind: string;
  placeId: string;
  placeLabel: string;
  pass: boolean;
  summary: string;
  testedOn: Date;
  tester: string;
  recordedAt: Date;
};
export type PlanPlace = {
  division: string;
  workTypeCode: string;
  placeKind: string;
  placeId: string;
  placeLabel: string;
};
export type Place = { key: string; label: string };

export const placeKey = (p: { placeKind: string; placeId: string }) =>
  `${p.placeKind}:${p.placeId}`;

export function docStatus(review: DocRow["review"]): "submitted" | "checked" | "rejected" {
  if (!review) return "submitted";
  return review.decision === "checked" ? "checked" : "rejected";
}

/** The places of the plan a test of the division must be recorded at, in plan order. */
export function testPlaces(places: PlanPlace[], division: string, workTypes: string[]): Place[] {
  const seen = new Map<string, Place>();
  for (const p of places) {
    if (p.division !== division || !workTypes.includes(p.workTypeCode)) continue;
    const key = placeKey(p);
    if (!seen.has(key)) seen.set(key, { key, label: p.placeLabel });
  }
  return [...seen.values()];
}

type Clauses = Record<string, { clause: string; verified: boolean }>;

export function assembleDivision(input: {
  compoundId: string;
  division: string;
  places: PlanPlace[];
  docs: DocRow[];
  tests: TestRow[];
  concealed: ConcealedGap[];
  /** the standard and clause of each test's checklist item */
  clauses: Clauses;
}): DivisionEvidence {
  const { division, compoundId } = input;
  const href = `/compounds/${compoundId}/evidence`;
  const req = requirementFor(division);
  const docs = input.docs.filter((d) => d.division === division);
  const gaps: EvidenceGap[] = [];

  for (const kind of req.documents) {
    if (kind === CONCEALED_KIND) continue;
    const ofKind = docs.filter((d) => d.kind === kind);
    if (ofKind.some((d) => docStatus(d.review) === "checked")) continue;
    const waiting = ofKind.filter((d) => docStatus(d.review) === "submitted");
    if (waiting.length === 0)
      gaps.push({ code: "docMissing", params: { division, kind: kindNameZh(kind) } });
    for (const d of waiting)
      gaps.push({
        code: "docUnchecked",
        params: { division, kind: kindNameZh(kind), title: d.title },
      });
  }
  if (req.documents.includes(CONCEALED_KIND)) {
    for (const g of input.concealed.filter((c) => c.division === division))
      gaps.push({ code: "concealedUnsigned", params: { division, ...g.params } });
  }

  const tests = input.tests
    .filter((t) => t.division === division)
    .sort((a, b) => +a.testedOn - +b.testedOn || +a.recordedAt - +b.recordedAt);
  for (const spec of req.tests) {
    const name = testNameZh(spec.code);
    for (const place of testPlaces(input.places, division, spec.workTypes)) {
      const latest = tests.filter((t) => t.code === spec.code && placeKey(t) === place.key).at(-1);
      if (!latest)
        gaps.push({ code: "testMissing", params: { division, test: name, place: place.label } });
      else if (!latest.pass)
        gaps.push({ code: "testFailed", params: { division, test: name, place: place.label } });
    }
  }

  return {
    division,
    requiredDocuments: req.documents.map((kind) => ({ kind, name: kindNameZh(kind) })),
    documents: docs.map((d) => ({
      id: d.id,
      kind: d.kind,
      title: d.title,
      status: docStatus(d.review),
      uploadedAt: d.uploadedAt,
      href: `/evidence-files/${d.id}`,
      reason: d.review?.decision === "rejected" ? d.review.reason : null,
      fileName: d.fileName,
      format: d.format,
    })),
    requiredTests: req.tests.map((s) => ({
      code: s.code,
      name: testNameZh(s.code),
      clause: input.clauses[s.code]?.clause ?? DOC_CLAUSE,
      verified: input.clauses[s.code]?.verified ?? false,
    })),
    tests: tests.map(
      (t): EvidenceTest => ({
        id: t.id,
        code: t.code,
        name: testNameZh(t.code),
        clause: input.clauses[t.code]?.clause ?? "",
        place: t.placeLabel,
        placeKey: placeKey(t),
        summary: t.summary,
        pass: t.pass,
        recordedAt: t.recordedAt,
        testedOn: t.testedOn,
        tester: t.tester,
      }),
    ),
    gaps,
    href,
  };
}
