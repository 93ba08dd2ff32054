/**
 * GB 50300-2013 附录H tables H.0.1-2 (质量控制资料核查), H.0.1-3 (安全和功能检验资料核查及主要功能
 * 抽查) and H.0.1-4 (观感质量检查) as rows, from explicit inputs (the evidence, division and
 * concealed-work contracts): pure, so an empty record and a full one are both tested.
 */
import type { ConcealedWorkRecordSummary } from "~/modules/concealed/summary.server";
import type { DivisionSummary } from "~/modules/division/summary.server";
import type { DivisionEvidence } from "~/modules/evidence/evidence.server";
import type { W } from "./assessment-sections";

type Row = string[];
const orNone = (w: W, rows: Row[], width: number): Row[] =>
  rows.length > 0 ? rows : [["—", w("none"), ...Array(width - 2).fill("")]];

/** H.0.1-2: each required document kind of each 分部, and the 隐蔽工程验收记录. */
export function documentRows(
  w: W,
  evidence: DivisionEvidence[],
  concealed: ConcealedWorkRecordSummary[],
): Row[] {
  const rows: Row[] = [];
  for (const e of evidence)
    for (const req of e.requiredDocuments) {
      const docs = e.documents.filter((d) => d.kind === req.kind);
      const ok = docs.length > 0 && docs.every((d) => d.status === "checked");
      rows.push([e.division, req.name, String(docs.length), w(ok ? "complete" : "incomplete")]);
    }
  const divisions = [...new Set(concealed.map((c) => c.division))];
  for (const division of divisions) {
    const own = concealed.filter((c) => c.division === division);
    const signed = own.filter((c) => c.signedAt).length;
    rows.push([
      division,
      w("concealed"),
      w("concealedCount", { signed, total: own.length }),
      w(signed === own.length ? "complete" : "incomplete"),
    ]);
  }
  return orNone(
    w,
    rows.map((r, i) => [String(i + 1), ...r]),
    5,
  );
}

/** H.0.1-3: each required 安全和功能 test of each 分部, with its recorded results. */
export function testRows(w: W, evidence: DivisionEvidence[]): Row[] {
  const rows: Row[] = [];
  for (const e of evidence)
    for (const req of e.requiredTests) {
      const done = e.tests.filter((x) => x.code === req.code);
      const result =
        done.length === 0 ? w("untested") : done.map((x) => `${x.place} ${x.summary}`).join("\n");
      const opinion =
        done.length === 0 ? w("untested") : w(done.every((x) => x.pass) ? "conforms" : "fails");
      rows.push([
        e.division,
        w("testName", { name: req.name, clause: req.clause }),
        result,
        opinion,
      ]);
    }
  return orNone(
    w,
    rows.map((r, i) => [String(i + 1), ...r]),
    5,
  );
}

/** H.0.1-4: each 观感 point of each 分部 with its rating, then the 分部's overall rating. */
export function appearanceRows(w: W, divisions: DivisionSummary[]): Row[] {
  const rows: Row[] = [];
  for (const d of divisions) {
    for (const p of d.appearance.points) rows.push([d.division, p.name, w(`ratings.${p.rating}`)]);
    rows.push([d.division, w("overall"), w(`ratings.${d.appearance.conclusion ?? "none"}`)]);
  }
  return orNone(
    w,
    rows.map((r, i) => [String(i + 1), ...r]),
    4,
  );
}
