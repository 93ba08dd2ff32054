/**
 * The records of the ladder's fourth step, in Chinese (the language of record), from the data of
 * the passed 竣工验收 session (decision 0034):
 *  - 竣工验收报告 (建质〔2013〕171号 第八条);
 *  - 竣工验收备案表 (房屋建筑和市政基础设施工程竣工验收备案管理办法 第四条、第五条);
 *  - 质量保修书 (建设工程质量管理条例 第三十九条、第四十条).
 * Each returns null before the session has passed (the 备案表 also before the 备案).
 */
import type { Db } from "~/infra/db.server";
import { compoundRecord } from "~/modules/acceptance/record.server";
import { formatDate } from "~/modules/i18n/dates";
import { fixedT } from "~/modules/i18n/i18n.server";
import { PdfReport } from "~/modules/report/pdf.server";
import { WARRANTY_PERIODS, warrantyEndsOn } from "~/modules/residents/warranty";
import type { W } from "./assessment-sections";
import { acceptedAt, filingOf, filingTimeliness, passedAcceptance } from "./closing.server";

const words = (): W => {
  const t = fixedT("zh-CN");
  return (key, params) => String(t(`ladder:closing.${key}` as never, params as never));
};
const partyName = (party: string) => String(fixedT("zh-CN")(`acceptance:party.${party}` as never));

async function closingData(db: Db, compoundId: string) {
  const acceptance = await passedAcceptance(db, compoundId);
  const record = acceptance ? await compoundRecord(db, compoundId) : null;
  if (!acceptance || !record) return null;
  return { acceptance, record, at: acceptedAt(acceptance) };
}

function sections(pdf: PdfReport, list: { heading: string; lines: string[] }[]) {
  for (const s of list) {
    pdf.keep(60);
    pdf.line(s.heading, { size: 12 });
    for (const line of s.lines) pdf.line(line);
    pdf.space();
  }
}

/** 竣工验收报告 with the five parts of 第八条 and the parties' signatures as signed. */
export async function completionReportPdf(db: Db, compoundId: string): Promise<Buffer | null> {
  const data = await closingData(db, compoundId);
  if (!data) return null;
  const { acceptance, record, at } = data;
  const w = words();
  const c = record.compound;
  const divisions = record.ladderReads.divisions;
  const [reports, pre] = await Promise.all([
    db.completionReport.count({ where: { compoundId } }),
    db.preAcceptance.findFirst({
      where: { compoundId, conclusion: "pass" },
      select: { recordedAt: true },
    }),
  ]);
  const contractors = [...new Set(c.contracts.map((x) => x.contractor.name))].join(w("sep"));
  const workTypes = [...new Set(record.lots.map((l) => l.workType.nameZh))].join(w("sep"));
  const accepted = record.lots.filter((l) => l.status === "accepted").length;
  const pdf = new PdfReport(w("report.title"), `${w("report.title")} · ${c.name}`);
  pdf.heading(w("report.title"));
  pdf.line(w("report.cite"), { align: "right", size: 8 });
  pdf.space();
  sections(pdf, [
    {
      heading: w("report.overview"),
      lines: [
        w("project", { name: c.project.name }),
        w("compound", { name: c.name, code: c.code }),
        w("address", { address: c.address }),
        w("contractors", { names: contractors }),
        w("workTypes", { names: workTypes || w("none") }),
      ],
    },
    {
      heading: w("report.procedure"),
      lines: [
        w("report.reports", { n: reports }),
        pre ? w("report.pre", { date: formatDate(pre.recordedAt) }) : w("none"),
        record.plan?.plan.status === "approved" ? w("report.plan") : w("report.noPlan"),
      ],
    },
    {
      heading: w("report.evaluation"),
      lines: acceptance.participants.map((p) =>
        w("report.partyOpinion", {
          party: partyName(p.party),
          organization: p.organization.name,
          opinion: p.signature?.opinion || w("report.noOpinion"),
        }),
      ),
    },
    {
      heading: w("report.organisation"),
      lines: [
        w("report.time", { opened: formatDate(acceptance.openedAt), closed: formatDate(at) }),
        w("report.organiser", {
          organization: acceptance.openedBy.organization.name,
          name: acceptance.openedBy.displayName,
        }),
        w("report.content", { lots: record.lots.length, accepted }),
        divisions.length === 0
          ? w("report.noDivisions")
          : w("report.divisions", {
              divisions: divisions.length,
              passed: divisions.filter((d) => d.passed).length,
            }),
      ],
    },
    {
      heading: w("report.opinion"),
      lines: [w("report.conclusion"), acceptance.remarks || w("none")],
    },
  ]);
  pdf.keep(90);
  pdf.line(w("report.signatures"), { size: 12 });
  pdf.table(
    [
      { header: w("col.party"), width: 0.18 },
      { header: w("col.organization"), width: 0.3 },
      { header: w("col.signer"), width: 0.16 },
      { header: w("col.signature"), width: 0.2 },
      { header: w("col.date"), width: 0.16 },
    ],
    acceptance.participants.map((p) => [
      partyName(p.party),
      p.organization.name,
      p.user.displayName,
      p.signature ? { text: "", image: Buffer.from(p.signature.imagePng), imageHeight: 30 } : "",
      p.signature ? formatDate(p.signature.signedAt) : "",
    ]),
  );
  return pdf.toBuffer();
}

/** 竣工验收备案表: the filed documents, the 备案编号/日期/机关 and the 15-day rule. */
export async function filingFormPdf(db: Db, compoundId: string): Promise<Buffer | null> {
  const [data, filing] = await Promise.all([closingData(db, compoundId), filingOf(db, compoundId)]);
  if (!data || !filing) return null;
  const w = words();
  const c = data.record.compound;
  const owner = data.acceptance.participants.find((p) => p.party === "owner");
  const { dueOn, met } = filingTimeliness(data.at, filing.filedOn);
  const pdf = new PdfReport(w("filing.title"), `${w("filing.title")} · ${c.name}`);
  pdf.heading(w("filing.title"));
  pdf.line(w("filing.cite"), { align: "right", size: 8 });
  pdf.space();
  pdf.keyValues(
    [
      [w("filing.number"), filing.number],
      [w("filing.filedOn"), formatDate(filing.filedOn)],
      [w("filing.authority"), filing.authority],
      [w("filing.owner"), owner?.organization.name ?? ""],
      [w("filing.compound"), w("compoundName", { name: c.name, code: c.code })],
      [w("filing.address"), c.address],
      [w("filing.acceptedOn"), formatDate(data.at)],
      [
        w("filing.dueOn"),
        w("filing.due", { date: formatDate(dueOn), state: w(met ? "filing.met" : "filing.late") }),
      ],
    ],
    1,
  );
  pdf.space();
  pdf.line(w("filing.documents"), { size: 12 });
  const docs = ["report", "assessment", "record", "quality", "warranty"] as const;
  pdf.table(
    [
      { header: w("col.seq"), width: 0.1, align: "center" },
      { header: w("col.document"), width: 0.9 },
    ],
    docs.map((d, i) => [String(i + 1), w(`filing.doc.${d}`)]),
  );
  return pdf.toBuffer();
}

/** 质量保修书: per work type its period from the acceptance date (第四十条), per contract. */
export async function warrantyPdf(db: Db, compoundId: string): Promise<Buffer | null> {
  const data = await closingData(db, compoundId);
  if (!data) return null;
  const w = words();
  const { record, at } = data;
  const c = record.compound;
  const codes = [...new Set(record.lots.map((l) => l.workType.code))];
  const pdf = new PdfReport(w("warranty.title"), `${w("warranty.title")} · ${c.name}`);
  pdf.heading(w("warranty.title"));
  pdf.line(w("warranty.cite"), { align: "right", size: 8 });
  pdf.space();
  pdf.line(w("compound", { name: c.name, code: c.code }));
  pdf.line(w("warranty.start", { date: formatDate(at) }));
  for (const contract of c.contracts)
    pdf.line(w("warranty.contract", { contract: contract.name, name: contract.contractor.name }));
  pdf.space();
  pdf.table(
    [
      { header: w("col.workType"), width: 0.3 },
      { header: w("col.period"), width: 0.15, align: "center" },
      { header: w("col.endsOn"), width: 0.2, align: "center" },
      { header: w("col.basis"), width: 0.35 },
    ],
    codes.map((code) => {
      const name = record.lots.find((l) => l.workType.code === code)?.workType.nameZh ?? code;
      const rule = WARRANTY_PERIODS[code];
      if (!rule) return [name, w("warranty.none"), "", ""];
      return [
        name,
        w("warranty.years", { n: rule.years }),
        formatDate(warrantyEndsOn(at, rule.years)),
        w(
          `warranty.basis.${rule.basis === "waterproofing" ? "five" : rule.basis === "agreed" ? "agreed" : "two"}`,
        ),
      ];
    }),
  );
  pdf.space();
  pdf.line(w("warranty.duties"), { size: 12 });
  for (const k of ["d1", "d2", "d3"]) pdf.line(w(`warranty.${k}`));
  return pdf.toBuffer();
}
