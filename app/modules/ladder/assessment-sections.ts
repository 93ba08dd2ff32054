/**
 * The 工程质量评估报告's sections (GB 50300-2013 §6.0.5; 建质〔2013〕171号 第五条(三)) built from
 * explicit inputs: pure, so they are tested with empty and full data alike. The 分部 results and
 * the evidence come from the division and evidence contracts (none until those modules record).
 */
import type { DivisionSummary } from "~/modules/division/summary.server";
import type { DivisionEvidence } from "~/modules/evidence/evidence.server";

/** A catalogue lookup in the record's language (Chinese), "ladder:pdf.<key>". */
export type W = (key: string, params?: Record<string, string | number>) => string;

export type AssessmentInput = {
  project: string;
  compound: { name: string; code: string; address: string };
  contractors: string[];
  workTypes: string[];
  /** per 分项 of the approved plan; null without one */
  coverage: { name: string; planned: number; opened: number; accepted: number }[] | null;
  lots: { total: number; accepted: number; returned: number };
  divisions: DivisionSummary[];
  evidence: DivisionEvidence[];
  concealed: { total: number; signed: number };
  defects: { total: number; closed: number };
  reports: { organization: string; selfCheck: string; signer: string; at: string }[];
  pre: {
    problems: string;
    assessment: string;
    conclusion: "pass" | "fail";
    chief: string;
    at: string;
  };
};
export type Section = { heading: string; lines: string[] };

const list = (w: W, items: string[]) => items.join(w("listSep")) || "—";

export function evidenceLines(w: W, evidence: DivisionEvidence[]): string[] {
  const lines: string[] = [];
  for (const e of evidence) {
    for (const req of e.requiredDocuments) {
      const docs = e.documents.filter((d) => d.kind === req.kind);
      const status =
        docs.length === 0
          ? "missing"
          : docs.every((d) => d.status === "checked")
            ? "checked"
            : (docs.find((d) => d.status !== "checked")?.status ?? "submitted");
      lines.push(
        w("evidenceLine", {
          division: e.division,
          name: req.name,
          status: w(`docStatus.${status}`),
        }),
      );
    }
    for (const test of e.tests)
      lines.push(
        w("testLine", {
          division: e.division,
          name: test.name,
          place: test.place,
          summary: test.summary,
          result: w(`testResult.${test.pass ? "pass" : "fail"}`),
        }),
      );
    for (const req of e.requiredTests.filter((r) => !e.tests.some((x) => x.code === r.code)))
      lines.push(w("testRequired", { division: e.division, name: req.name, clause: req.clause }));
  }
  return lines.length > 0 ? lines : [w("noEvidence")];
}

export function divisionLines(w: W, divisions: DivisionSummary[]): string[] {
  if (divisions.length === 0) return [w("noDivisions")];
  return divisions.flatMap((d) => [
    w("divisionLine", {
      name: d.division,
      subItems: d.subItems.length,
      result: w(d.passed ? "divisionPass" : "divisionFail"),
    }),
    w("appearance", {
      division: d.division,
      rating: w(`rating.${d.appearance.conclusion ?? "none"}`),
    }),
  ]);
}

export function assessmentSections(w: W, input: AssessmentInput): Section[] {
  const { compound, pre } = input;
  return [
    {
      heading: w("overview"),
      lines: [
        w("project", { name: input.project }),
        w("compound", { name: compound.name, code: compound.code }),
        w("address", { address: compound.address }),
        w("contractors", { names: list(w, input.contractors) }),
        w("scope", { names: list(w, input.workTypes) }),
      ],
    },
    {
      heading: w("coverage"),
      lines: [
        ...(input.coverage
          ? input.coverage.map((c) => w("coverageLine", { ...c }))
          : [w("noPlan")]),
        w("lots", { total: input.lots.total, accepted: input.lots.accepted }),
      ],
    },
    { heading: w("divisions"), lines: divisionLines(w, input.divisions) },
    {
      heading: w("evidence"),
      lines: [...evidenceLines(w, input.evidence), w("concealed", input.concealed)],
    },
    {
      heading: w("defects"),
      lines: [w("defectsLine", input.defects), w("nonconformance", { count: input.lots.returned })],
    },
    {
      heading: w("reports"),
      lines: input.reports.map((r) =>
        w("reportLine", {
          organization: r.organization,
          selfCheck: r.selfCheck,
          name: r.signer,
          at: r.at,
        }),
      ),
    },
    {
      heading: w("assessment"),
      lines: [
        w("problems", { text: pre.problems || "—" }),
        pre.assessment,
        w("conclusion", { conclusion: w(`preConclusion.${pre.conclusion}`) }),
        w("signer", { name: pre.chief, at: pre.at }),
      ],
    },
  ];
}
