import type { Db } from "~/infra/db.server";
import { acceptanceOverview } from "~/modules/acceptance/acceptance.server";
import { isAcceptanceStatus, isConclusion, isParty } from "~/modules/acceptance/parties";
import { applicableWorkTypes } from "~/modules/acceptance/prerequisites";
import { supervisionRecord } from "~/modules/acceptance/supervision.server";
import { prerequisiteLabel } from "~/modules/acceptance/words";
import { listWorkTypes } from "~/modules/checklist/queries.server";
import { formatDate, formatDateTime } from "~/modules/i18n/dates";
import { fixedT } from "~/modules/i18n/i18n.server";
import { appendAppendixH, h0101Pairs } from "~/modules/ladder/appendix-h.server";
import type { LotDetail } from "~/modules/lot/lots.server";
import type { LotRecordExtras } from "~/modules/lot/record-extras.server";
import {
  type LotRecordView,
  lotRecordView,
  type RecordT,
  resultText,
} from "~/modules/lot/record-view";
import { rollUp } from "~/modules/lot/rollup";
import { acceptanceReviewLines } from "~/modules/residents/reviews.server";
import { type Cell, PdfReport } from "./pdf.server";
import type { PdfPhoto } from "./photo-thumbs.server";

/** 单位工程质量竣工验收记录 (GB 50300 表 H.0.1-1), signed; always in Chinese, the language of record. */
export async function acceptanceRecordPdf(db: Db, compoundId: string): Promise<Buffer | null> {
  const overview = await acceptanceOverview(db, compoundId);
  if (!overview?.acceptance) return null;
  const t = fixedT("zh-CN") as RecordT;
  const r = (key: string, params?: Record<string, unknown>) =>
    String(t(`acceptance:record.${key}` as never, params as never));
  const { record, acceptance, hashCheck, prerequisites } = overview;
  const { compound } = record;
  const phases = compound.project.phases;
  // 以居民为主体: the residents' opinion on the plan and the finished work goes with the record.
  const reviewLines = await acceptanceReviewLines(db, compoundId);
  const pdf = new PdfReport(r("title"), r("docTitle", { compound: compound.name }));
  pdf.heading(r("title"));
  pdf.line(
    r("status", {
      status: isAcceptanceStatus(acceptance.status)
        ? t(`acceptance:status.${acceptance.status}`)
        : acceptance.status,
      number: `${compound.code}-JG-${acceptance.id.slice(-6).toUpperCase()}`,
    }),
    { align: "right", size: 9 },
  );
  const applicable = applicableWorkTypes(
    {
      buildings: compound.buildings.length,
      stairwells: compound.buildings.reduce((n, b) => n + b._count.stairwells, 0),
      zoneKinds: compound.zones.map((z) => z.kind),
    },
    record.workTypes,
  ).map((w) => w.code);
  const workTypes = (await listWorkTypes(db)).filter((w) => applicable.includes(w.code));
  const summary = rollUp(workTypes, record.lots);
  const passedDivisions = summary.divisions.filter((d) => d.status === "pass").length;
  const accepted = record.lots.filter((l) => l.status === "accepted").length;
  const complete = record.lots.filter((l) => l.recordsComplete).length;
  const closed = record.defects.filter((d) => d.status === "closed").length;
  const names = (list: string[]) => list.join(r("nameSep"));
  pdf.keyValues([
    [r("name"), compound.name],
    [r("project"), compound.project.name],
    [r("address"), compound.address],
    [r("households"), r("householdsValue", { n: compound.households })],
    [r("contractor"), names(compound.contracts.map((c) => c.contractor.name))],
    [r("contract"), names(compound.contracts.map((c) => c.name))],
    [r("startedOn"), phases[1] ? formatDate(phases[1].startsOn) : "—"],
    [r("acceptedOn"), formatDate(acceptance.closedAt ?? acceptance.openedAt)],
    ...(await h0101Pairs(db, compoundId, record.ladderReads.divisions)), // 表 H.0.1-1's other rows (decision 0034)
  ]);
  const lots = record.lots.length;
  pdf.table(
    [
      { header: r("seq"), width: 0.07, align: "center" },
      { header: r("item"), width: 0.2 },
      { header: r("findings"), width: 0.53 },
      { header: r("conclusion"), width: 0.2, align: "center" },
    ],
    [
      [
        "1",
        r("divisions"),
        r("divisionsFound", { total: summary.divisions.length, passed: passedDivisions }),
        r(`rollup.${summary.status}`),
      ],
      [
        "2",
        r("lots"),
        r("lotsFound", { total: lots, accepted }),
        accepted === lots && lots > 0 ? r("pass") : r("unfinished"),
      ],
      [
        "3",
        r("records"),
        r("recordsFound", { total: lots, complete }),
        complete === lots ? r("recordsComplete") : r("recordsIncomplete"),
      ],
      [
        "4",
        r("defects"),
        r("defectsFound", { total: record.defects.length, closed }),
        closed === record.defects.length ? r("defectsClosed") : r("unfinished"),
      ],
      [
        "5",
        r("prerequisites"),
        prerequisites
          .map((p) => `${p.ok ? "✓" : "✗"} ${prerequisiteLabel(t, p.key)}`)
          .join(r("listSep")),
        prerequisites.every((p) => p.ok) ? r("met") : r("unmet"),
      ],
      ["6", r("reviews"), reviewLines.join("\n"), r("seeRecord")],
    ],
  );
  pdf.table(
    [
      { header: r("division"), width: 0.3 },
      { header: r("subItem"), width: 0.36 },
      { header: r("lotCount"), width: 0.18, align: "center" },
      { header: r("result"), width: 0.16, align: "center" },
    ],
    summary.divisions.flatMap((d) =>
      d.subItems.map((s) => [
        d.name,
        s.nameZh,
        `${s.accepted} / ${s.total}`,
        r(`rollup.${s.status}`),
      ]),
    ),
  );
  pdf.keep(90);
  pdf.table(
    [
      { header: r("overall"), width: 0.2 },
      { header: "", width: 0.8 },
    ],
    [
      [
        { text: r("overall"), bold: true },
        {
          text: r("overallValue", {
            conclusion: isConclusion(acceptance.conclusion)
              ? t(`acceptance:conclusion.${acceptance.conclusion}`)
              : acceptance.conclusion,
            remarks: acceptance.remarks,
          }),
          bold: true,
        },
      ],
    ],
    { header: false },
  );
  pdf.keep(150);
  const rows: Cell[][] = acceptance.participants.map((p) => [
    isParty(p.party) ? t(`acceptance:party.${p.party}`) : p.party,
    p.organization.name,
    `${p.user.displayName}\n${p.user.title}`,
    p.signature
      ? { text: "", image: Buffer.from(p.signature.imagePng), imageHeight: 34 }
      : r("unsigned"),
    p.signature ? `${p.signature.opinion}\n${formatDateTime(p.signature.signedAt)}` : "",
  ]);
  pdf.table(
    [
      { header: r("party"), width: 0.13 },
      { header: r("organization"), width: 0.27 },
      { header: r("signer"), width: 0.17 },
      { header: r("signature"), width: 0.21, align: "center" },
      { header: r("opinion"), width: 0.22 },
    ],
    rows,
  );
  // 建质〔2013〕171号: the 质监站 supervises and keeps its own record; it holds no seat above
  const supervision = await supervisionRecord(db, acceptance.id);
  pdf.keep(60);
  pdf.table(
    [
      { header: t("acceptance:supervision.title"), width: 0.2 },
      { header: "", width: 0.8 },
    ],
    [
      [
        { text: r("supervisionShort"), bold: true },
        supervision
          ? `${supervision.record}\n${r("supervisionBy", { signer: supervision.signer, title: supervision.title, organization: supervision.organization, at: formatDateTime(supervision.filedAt) })}`
          : r("supervisionNone"),
      ],
    ],
    { header: false },
  );
  pdf.line(
    r("hash", {
      hash: acceptance.contentHash,
      check: r(hashCheck?.matches ? "hashMatches" : "hashDiffers"),
    }),
    { size: 7 },
  );
  return (await appendAppendixH(db, pdf, compoundId, record.ladderReads)).toBuffer();
}

/** 检查记录 as runs: corrected and withdrawn values struck through, then the value that counts. */
function checkRecordRuns(t: RecordT, r: LotRecordView["rows"][number]): Cell {
  const extra = r.status === "fail" ? r.reasons.join(t("lot:record.listSep")) : "";
  if (
    r.points.length === 0 ||
    (!r.pointWas.some((w) => w.length > 0) && !r.pointRemoved.some(Boolean))
  )
    return [r.record, extra].filter(Boolean).join("\n");
  const runs = extra ? [...r.runs, { text: `\n${extra}` }] : r.runs;
  return { text: runs.map((x) => x.text).join(""), runs };
}

/**
 * 检验批质量验收记录 (GB 50300 附录E 表E.0.1), A4 portrait, the signatures kept with the table.
 * A signed record: always in Chinese, the language of record, whoever downloads it.
 */
export async function lotRecordPdf(
  detail: LotDetail,
  signature: { signed: string | null; current: string; matches: boolean } | null = null,
  photos: PdfPhoto[] = [],
  extras: LotRecordExtras | null = null,
): Promise<Buffer> {
  const t = fixedT("zh-CN") as RecordT;
  const r = (key: string, params?: Record<string, unknown>) =>
    String(t(`lot:record.${key}` as never, params as never));
  const view = lotRecordView(detail, t);
  const { lot, standards, rows } = view;
  const pdf = new PdfReport(r("title"), r("docTitle", { number: lot.number }));
  pdf.heading(r("title"), 15);
  if (signature && !signature.matches) {
    pdf.line(
      r("tamper", {
        signed: signature.signed?.slice(0, 16) ?? "—",
        current: signature.current.slice(0, 16),
      }),
      { size: 9 },
    );
  }
  pdf.line(r("numbers", { appendixB: lot.appendixB, number: lot.number, status: lot.status }), {
    align: "right",
    size: 8,
  });
  const head = (k: string, v: string): Cell[] => [{ text: r(k), bold: true }, v];
  const unset = r("unset");
  pdf.table(
    [
      { header: "", width: 0.17 },
      { header: "", width: 0.33 },
      { header: "", width: 0.17 },
      { header: "", width: 0.33 },
    ],
    [
      [...head("compound", lot.compound), ...head("division", lot.divisionLine)],
      [...head("subItem", lot.subItem), ...head("capacity", lot.capacity)],
      [
        ...head("contractor", lot.contractor),
        ...head("projectManager", extras?.projectManager ?? unset),
      ],
      [
        ...head("subcontractor", extras?.subcontractorName ?? r("noSubcontractor")),
        ...head(
          "subcontractorManager",
          extras?.subcontractorName ? (extras.subcontractorManager ?? unset) : "—",
        ),
      ],
      [
        ...head("place", lot.place),
        ...head("templateVersion", r("version", { version: lot.templateVersion })),
      ],
    ],
    { header: false, compact: true },
  );
  pdf.table(
    [
      { header: "", width: 0.17 },
      { header: "", width: 0.83 },
    ],
    [
      head(
        "basis",
        extras && extras.drawings.length > 0
          ? extras.drawings.map((d) => d.text).join(r("listSep"))
          : r("basisNone"),
      ),
      head("standards", standards.join(r("nameSep"))),
    ],
    { header: false, compact: true },
  );
  const body: Cell[][] = rows.map((row) => [
    `${r(`kindShort.${row.kind === "main" ? "main" : "general"}`)} ${row.seq}. ${row.label}`,
    row.clause,
    row.requirement,
    `${row.required ?? r("all")} / ${row.livePoints || (row.status === "incomplete" ? "—" : r("all"))}`,
    checkRecordRuns(t, row),
    resultText(t, row.status),
  ]);
  pdf.table(
    [
      { header: r("columns.item"), width: 0.22 },
      { header: r("columns.clause"), width: 0.15 },
      { header: r("columns.requirement"), width: 0.22 },
      { header: r("columns.samplingShort"), width: 0.09, align: "center" },
      { header: r("columns.record"), width: 0.24 },
      { header: r("columns.result"), width: 0.08, align: "center" },
    ],
    body,
    { compact: true, keepWithNext: 110 },
  );
  const signCell = (png: Buffer | null | undefined): Cell =>
    png ? { text: "", image: png, imageHeight: 30 } : r("unsigned");
  const blank = r("blank");
  const gap = r("gap");
  pdf.table(
    [
      { header: "", width: 0.17 },
      { header: "", width: 0.53 },
      { header: "", width: 0.3 },
    ],
    [
      [
        { text: r("selfCheckTitle"), bold: true },
        `${view.selfCheckText}\n${r("foreman")}${lot.foreman ?? blank}\n${r("inspector")}${lot.selfCheck?.name ?? lot.submittedBy?.displayName ?? blank}${gap}${r("date")}${lot.submittedAt ? formatDate(lot.submittedAt) : blank}`,
        signCell(extras?.images.selfcheck),
      ],
      [
        { text: r("acceptTitle"), bold: true },
        `${view.conclusionText}\n${r("supervisor")}${lot.accepted ? (lot.acceptedBy?.displayName ?? "") : blank}${gap}${r("date")}${lot.accepted && lot.acceptedAt ? formatDate(lot.acceptedAt) : blank}`,
        signCell(extras?.images.accept),
      ],
      ...(extras?.nonconformanceRows ?? []), // §5.0.6 (decision 0032)
    ],
    { header: false, compact: true },
  );
  if (photos.length > 0) {
    pdf.newPage();
    pdf.line(r("photos"), { size: 10 });
    pdf.table(
      [
        { header: r("photoItem"), width: 0.3 },
        { header: r("photo"), width: 0.7 },
      ],
      photos.map((p) => [p.label, { text: "", image: p.image, imageHeight: 220 }]),
    );
  }
  return pdf.toBuffer();
}
