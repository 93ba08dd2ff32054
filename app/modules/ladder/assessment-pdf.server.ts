/**
 * The 工程质量评估报告 the 总监理工程师 issues when the 竣工预验收 passes (GB 50300-2013 §6.0.5;
 * 建质〔2013〕171号 第五条(三)), generated from the compound's data, in Chinese (the language of
 * record). Null when no 预验收 has passed.
 */
import type { Db } from "~/infra/db.server";
import { compoundRecord } from "~/modules/acceptance/record.server";
import { concealedWorkRecords } from "~/modules/concealed/summary.server";
import { formatDate } from "~/modules/i18n/dates";
import { fixedT } from "~/modules/i18n/i18n.server";
import { PdfReport } from "~/modules/report/pdf.server";
import { type AssessmentInput, assessmentSections, type W } from "./assessment-sections";

export const recordWords = (): W => {
  const t = fixedT("zh-CN");
  return (key, params) => String(t(`ladder:pdf.${key}` as never, params as never));
};

/** Everything the report reads, or null before a passed 预验收. */
export async function assessmentInput(
  db: Db,
  compoundId: string,
): Promise<{ input: AssessmentInput; signature: Buffer } | null> {
  const pre = await db.preAcceptance.findFirst({
    where: { compoundId, conclusion: "pass" },
    select: { chiefId: true, problems: true, assessment: true, recordedAt: true, imagePng: true },
  });
  const record = pre ? await compoundRecord(db, compoundId) : null;
  if (!pre || !record) return null;
  const { divisions, evidence } = record.ladderReads;
  const [concealed, returned, reports, people] = await Promise.all([
    concealedWorkRecords(db, compoundId),
    db.auditEvent.count({
      where: { action: "lot.reject", entityId: { in: record.lots.map((l) => l.id) } },
    }),
    db.completionReport.findMany({
      where: { compoundId },
      select: { contractorOrgId: true, selfCheck: true, signerId: true, submittedAt: true },
      orderBy: { submittedAt: "asc" },
    }),
    db.user.findMany({ select: { id: true, displayName: true } }),
  ]);
  const { compound } = record;
  const nameOf = (id: string) => people.find((p) => p.id === id)?.displayName ?? "";
  const orgName = (id: string) =>
    compound.contracts.find((c) => c.contractor.id === id)?.contractor.name ?? "";
  const workTypes = [...new Set(record.lots.map((l) => l.workType.nameZh))];
  return {
    signature: Buffer.from(pre.imagePng),
    input: {
      project: compound.project.name,
      compound: { name: compound.name, code: compound.code, address: compound.address },
      contractors: [...new Set(compound.contracts.map((c) => c.contractor.name))],
      workTypes,
      coverage:
        record.plan?.plan.status === "approved"
          ? record.plan.coverage.map((c) => ({
              name: c.name,
              planned: c.planned,
              opened: c.opened,
              accepted: c.accepted,
            }))
          : null,
      lots: {
        total: record.lots.length,
        accepted: record.lots.filter((l) => l.status === "accepted").length,
        returned,
      },
      divisions,
      evidence,
      concealed: { total: concealed.length, signed: concealed.filter((c) => c.signedAt).length },
      defects: {
        total: record.defects.length,
        closed: record.defects.filter((d) => d.status === "closed").length,
      },
      reports: reports.map((r) => ({
        organization: orgName(r.contractorOrgId),
        selfCheck: r.selfCheck,
        signer: nameOf(r.signerId),
        at: formatDate(r.submittedAt),
      })),
      pre: {
        problems: pre.problems,
        assessment: pre.assessment,
        conclusion: "pass",
        chief: nameOf(pre.chiefId),
        at: formatDate(pre.recordedAt),
      },
    },
  };
}

export async function assessmentReportPdf(db: Db, compoundId: string): Promise<Buffer | null> {
  const data = await assessmentInput(db, compoundId);
  if (!data) return null;
  const w = recordWords();
  const { input } = data;
  const pdf = new PdfReport(w("title"), `${w("title")} · ${input.compound.name}`);
  pdf.heading(w("title"));
  pdf.line(w("cite"), { align: "right", size: 8 });
  pdf.space();
  for (const section of assessmentSections(w, input)) {
    pdf.keep(60);
    pdf.line(section.heading, { size: 12 });
    for (const line of section.lines) pdf.line(line);
    pdf.space();
  }
  pdf.keep(70);
  pdf.image(data.signature, { width: 160, height: 60 });
  return pdf.toBuffer();
}
