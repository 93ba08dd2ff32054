/**
 * 附录F 分项工程质量验收记录 and 附录G 分部工程质量验收记录 (GB 50300-2013) as PDFs, every field
 * from data. Always in Chinese, the language of record.
 */
import type { Db } from "~/infra/db.server";
import zhDivision from "~/locales/zh-CN/division";
import type { AnyT } from "~/modules/acceptance/words";
import { formatDate } from "~/modules/i18n/dates";
import { fixedT } from "~/modules/i18n/i18n.server";
import { type Cell, PdfReport } from "~/modules/report/pdf.server";
import { compoundDivisions, type DivisionRecord, type SignatureView } from "./records.server";
import { divisionSeatOf, isContractorTechLead } from "./rules";
import { gapText } from "./words";

const zh = () => fixedT("zh-CN") as AnyT;
const NONE = "—";
const SEP = zhDivision.separator;
const paren = (text: string, note: string) => zh()("division:record.paren", { text, note });
const pair = (label: string, value: string) => zh()("division:record.pair", { label, value });

async function compoundName(db: Db, compoundId: string) {
  const c = await db.compound.findUnique({ where: { id: compoundId }, select: { name: true } });
  return c?.name ?? NONE;
}

/** The contractors' 项目负责人 and 项目技术负责人 (names as the register holds them). */
async function contractorPeople(db: Db, orgIds: string[]) {
  const people = await db.user.findMany({
    where: { organizationId: { in: orgIds }, active: true, role: "contractor" },
    select: { displayName: true, role: true, title: true },
    orderBy: { username: "asc" },
  });
  const names = (ok: (u: (typeof people)[number]) => boolean) =>
    people
      .filter(ok)
      .map((u) => u.displayName)
      .join(SEP) || NONE;
  return {
    leaders: names((u) => divisionSeatOf(u) === "contractorLead"),
    techLeads: names(isContractorTechLead),
  };
}

/** A signature block: seat, the conclusion as signed, the drawn image, the signer and date. */
function signatureRows(
  t: AnyT,
  seats: { label: string; signature: SignatureView | undefined; absent?: string }[],
): Cell[][] {
  return seats.map(({ label, signature, absent }) =>
    signature
      ? [
          { text: label, bold: true },
          signature.conclusion,
          { text: signature.signerName, image: Buffer.from(signature.imagePng), imageHeight: 32 },
          `${signature.signerName}\n${t("division:record.date")} ${formatDate(signature.signedAt)}`,
        ]
      : [{ text: label, bold: true }, absent ?? t("division:seat.unsigned"), "", NONE],
  );
}
const SIGNATURE_COLUMNS = [
  { header: "", width: 0.24 },
  { header: "", width: 0.36 },
  { header: "", width: 0.2 },
  { header: "", width: 0.2 },
];

/** 附录F for one 分项 of the plan; null when it is none of the compound's. */
export async function subItemRecordPdf(db: Db, compoundId: string, subItemId: string) {
  const t = zh();
  const divisions = await compoundDivisions(db, compoundId);
  const s = divisions.flatMap((d) => d.subItems).find((x) => x.id === subItemId);
  if (!s) return null;
  const people = await contractorPeople(
    db,
    s.contractors.map((o) => o.id),
  );
  const pdf = new PdfReport(t("division:record.subItemTitle"), t("division:record.subItemForm"));
  pdf.heading(t("division:record.subItemTitle"));
  pdf.line(t("division:record.subItemForm"), { align: "right", size: 8 });
  const divisionName = s.subDivision ? paren(s.division, s.subDivision) : s.division;
  pdf.keyValues(
    [
      [t("division:facts.compound"), await compoundName(db, compoundId)],
      [t("division:facts.division"), divisionName],
      [t("division:facts.subItem"), s.name],
      [t("division:facts.lotCount"), String(s.planned)],
      [t("division:facts.contractor"), s.contractors.map((o) => o.name).join(SEP) || NONE],
      [t("division:record.leader"), people.leaders],
      [t("division:record.techLead"), people.techLeads],
      [t("division:facts.subcontractor"), NONE],
      [t("division:facts.standard"), s.standard],
      [t("division:record.subLeader"), NONE],
    ],
    2,
  );
  const rows: Cell[][] = s.places.map((p, i) => [
    String(i + 1),
    p.lot ? `${s.name}\n${p.lot.number}` : `${s.name}\n${t("division:lots.missing")}`,
    p.capacity ? `${p.capacity} ${p.capacityUnit ?? ""}` : NONE,
    p.placeLabel,
    p.lot && p.lot.status !== "draft" ? t("division:record.conforms") : NONE,
    p.lot?.status === "accepted" ? t("division:record.lotPassed") : t("division:record.lotOpen"),
  ]);
  pdf.table(
    [
      { header: t("division:lots.seq"), width: 0.07, align: "center" },
      { header: t("division:record.lotName"), width: 0.25 },
      { header: t("division:lots.capacity"), width: 0.11 },
      { header: t("division:lots.place"), width: 0.21 },
      { header: t("division:record.contractorCheck"), width: 0.18 },
      { header: t("division:record.supervisorConclusion"), width: 0.18 },
    ],
    rows,
  );
  const complete = s.places.every((p) => p.lot?.recordsComplete);
  pdf.line(
    `${t("division:record.note")}${t("division:record.noteText", {
      accepted: s.accepted,
      planned: s.planned,
      records: complete ? t("division:record.complete") : t("division:record.incomplete"),
    })}`,
  );
  pdf.space();
  const sig = (seat: string) => s.signatures.find((x) => x.seat === seat);
  pdf.keep(120).table(
    SIGNATURE_COLUMNS,
    signatureRows(t, [
      {
        label: `${t("division:record.contractorCheck")}\n${t("division:seat.contractorTech")}`,
        signature: sig("contractorTech"),
      },
      {
        label: `${t("division:record.supervisorConclusion")}\n${t("division:seat.supervisor")}`,
        signature: sig("supervisor"),
      },
    ]),
    { header: false },
  );
  return { pdf: await pdf.toBuffer(), name: s.name };
}

function evidenceSummary(t: AnyT, d: DivisionRecord, kind: "documents" | "tests") {
  const gaps = (d.evidence?.gaps ?? []).filter((g) =>
    kind === "documents"
      ? g.code.startsWith("doc") || g.code === "concealedUnsigned"
      : g.code.startsWith("test"),
  );
  const list =
    kind === "documents"
      ? (d.evidence?.documents ?? []).map((x) =>
          paren(x.title, t(`division:evidence.docStatus.${x.status}`)),
        )
      : (d.evidence?.tests ?? []).map((x) =>
          paren(
            pair(`${x.name} ${x.place}`, x.summary),
            x.pass ? t("division:evidence.pass") : t("division:evidence.fail"),
          ),
        );
  const lines = [...list, ...gaps.map((g) => gapText(t, g))];
  return lines.length ? lines.join("\n") : t("division:evidence.none");
}

/** 附录G for one 分部 of the plan; null when it is none of the compound's. */
export async function divisionRecordPdf(db: Db, compoundId: string, division: string) {
  const t = zh();
  const d = (await compoundDivisions(db, compoundId)).find((x) => x.division === division);
  if (!d) return null;
  const people = await contractorPeople(
    db,
    d.contractors.map((o) => o.id),
  );
  const pdf = new PdfReport(t("division:record.divisionTitle"), t("division:record.divisionForm"));
  pdf.heading(t("division:record.divisionTitle"));
  pdf.line(t("division:record.divisionForm"), { align: "right", size: 8 });
  pdf.keyValues(
    [
      [t("division:facts.compound"), await compoundName(db, compoundId)],
      [t("division:facts.division"), d.division],
      [t("division:record.subDivisionCount"), String(d.subDivisions.length)],
      [t("division:record.subItemCount"), String(d.subItems.length)],
      [t("division:facts.contractor"), d.contractors.map((o) => o.name).join(SEP) || NONE],
      [t("division:record.leader"), people.leaders],
      [t("division:record.techLead"), people.techLeads],
      [t("division:facts.subcontractor"), NONE],
    ],
    2,
  );
  const rows: Cell[][] = d.subItems.map((s, i) => [
    String(i + 1),
    s.subDivision || NONE,
    s.name,
    String(s.planned),
    s.ready ? t("division:record.conforms") : t("division:record.lotOpen"),
    s.passed ? t("division:record.lotPassed") : t("division:record.notPassed"),
  ]);
  const rated = (r: string | null) =>
    r ? t(`division:rating.${r}` as "division:rating.good") : t("division:appearance.unrated");
  const appearance = [
    ...d.appearance.points.map((p) =>
      pair(
        t(`division:points.${p.code}` as "division:points.general"),
        `${rated(p.rating)}${p.reworked ? t("division:appearance.reworked") : ""}`,
      ),
    ),
    pair(t("division:appearance.overall"), rated(d.appearance.conclusion)),
  ].join(t("division:record.semicolon"));
  const evidenceOk = (d.evidence?.gaps.length ?? 0) === 0;
  const appearanceOk = !d.readiness.some((g) => g.code.startsWith("appearance"));
  const verdict = (ok: boolean) =>
    ok ? t("division:record.conforms") : t("division:record.notPassed");
  const extra = (label: string, text: string, count: string, ok: boolean): Cell[] => [
    "",
    { text: label, bold: true },
    text,
    count,
    verdict(ok),
    verdict(ok),
  ];
  rows.push(
    extra(
      t("division:evidence.documents"),
      evidenceSummary(t, d, "documents"),
      `${d.evidence?.documents.length ?? 0} ${t("division:record.rows")}`,
      evidenceOk,
    ),
    extra(
      t("division:evidence.tests"),
      evidenceSummary(t, d, "tests"),
      `${d.evidence?.tests.length ?? 0} ${t("division:record.items")}`,
      evidenceOk,
    ),
    extra(
      t("division:appearance.title"),
      appearance,
      `${d.points.length} ${t("division:record.items")}`,
      appearanceOk,
    ),
  );
  pdf.table(
    [
      { header: t("division:lots.seq"), width: 0.07, align: "center" },
      { header: t("division:facts.subDivision"), width: 0.17 },
      { header: t("division:facts.subItem"), width: 0.26 },
      { header: t("division:facts.lotCount"), width: 0.12, align: "center" },
      { header: t("division:record.contractorCheck"), width: 0.19 },
      { header: t("division:record.supervisorConclusion"), width: 0.19 },
    ],
    rows,
  );
  pdf.line(
    pair(
      t("division:record.overallConclusion"),
      d.passed ? t("division:record.passed") : t("division:record.notPassed"),
    ),
  );
  for (const g of d.readiness) pdf.line(`· ${gapText(t, g)}`, { size: 8 });
  pdf.space();
  const sig = (seat: string) => d.signatures.find((x) => x.seat === seat);
  pdf.keep(200).table(
    SIGNATURE_COLUMNS,
    signatureRows(t, [
      { label: t("division:seat.contractorLead"), signature: sig("contractorLead") },
      {
        label: t("division:record.surveyor"),
        signature: undefined,
        absent: t("division:record.notInvolved"),
      },
      {
        label: t("division:seat.designer"),
        signature: sig("designer"),
        absent: t("division:record.notInvolved"),
      },
      { label: t("division:seat.chief"), signature: sig("chief") },
    ]),
    { header: false },
  );
  return { pdf: await pdf.toBuffer(), name: d.division };
}
