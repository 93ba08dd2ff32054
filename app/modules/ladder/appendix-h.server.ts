import type { Db } from "~/infra/db.server";
import { concealedWorkRecords } from "~/modules/concealed/summary.server";
import type { DivisionSummary } from "~/modules/division/summary.server";
import type { DivisionEvidence } from "~/modules/evidence/evidence.server";
import { fixedT } from "~/modules/i18n/i18n.server";
import { routeAcceptedLots } from "~/modules/lot/acceptance-route.server";
import { completionRemark } from "~/modules/lot/nonconformance-view";
import type { RecordT } from "~/modules/lot/record-view";
import type { PdfReport } from "~/modules/report/pdf.server";
import { appearanceRows, documentRows, testRows } from "./appendix-h";
import type { W } from "./assessment-sections";

/** 附录H's words, in Chinese (the language of record). */
export const appendixWords = (): W => {
  const t = fixedT("zh-CN");
  return (key, params) => String(t(`ladder:h.${key}` as never, params as never));
};

/**
 * Appends 表 H.0.1-2, H.0.1-3 and H.0.1-4 to the 单位工程质量竣工验收记录 (after H.0.1-1), each on
 * its own page, from the evidence, division and concealed-work records of the compound.
 */
export async function appendAppendixH(
  db: Db,
  pdf: PdfReport,
  compoundId: string,
  read: { evidence: DivisionEvidence[]; divisions: DivisionSummary[] },
) {
  const { evidence, divisions } = read;
  const [concealed, routed] = await Promise.all([
    concealedWorkRecords(db, compoundId),
    routeAcceptedLots(db, compoundId),
  ]);
  // Lots accepted by GB 50300 §5.0.6-2/-3 count as accepted and are named under H.0.1-1.
  const remark = completionRemark(routed, fixedT("zh-CN") as RecordT);
  if (remark) pdf.line(remark, { size: 9 });
  const w = appendixWords();
  const seq = { header: w("seq"), width: 0.07, align: "center" as const };
  const division = { header: w("division"), width: 0.2 };
  pdf.newPage().heading(w("docsTitle"), 13);
  pdf.table(
    [
      seq,
      division,
      { header: w("document"), width: 0.35 },
      { header: w("count"), width: 0.16 },
      { header: w("opinion"), width: 0.22 },
    ],
    documentRows(w, evidence, concealed),
  );
  pdf.newPage().heading(w("testsTitle"), 13);
  pdf.table(
    [
      seq,
      division,
      { header: w("test"), width: 0.28 },
      { header: w("result"), width: 0.27 },
      { header: w("opinion"), width: 0.18 },
    ],
    testRows(w, evidence),
  );
  pdf.newPage().heading(w("lookTitle"), 13);
  pdf.table(
    [seq, division, { header: w("point"), width: 0.5 }, { header: w("rating"), width: 0.23 }],
    appearanceRows(w, divisions),
  );
  return pdf;
}
export { h0101Pairs } from "./h0101.server";
