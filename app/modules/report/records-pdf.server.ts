import type { Db } from "~/infra/db.server";
import { acceptanceOverview } from "~/modules/acceptance/acceptance.server";
import {
  acceptanceStatusZh,
  conclusionZh,
  PARTY_LABELS_ZH,
  type Party,
} from "~/modules/acceptance/parties";
import { applicableWorkTypes } from "~/modules/acceptance/prerequisites";
import { supervisionRecord } from "~/modules/acceptance/supervision.server";
import { prerequisiteLabel } from "~/modules/acceptance/words";
import { zhT } from "~/modules/acceptance/zh";
import { listWorkTypes } from "~/modules/checklist/queries.server";
import type { LotDetail } from "~/modules/lot/lots.server";
import type { LotRecordExtras } from "~/modules/lot/record-extras.server";
import { type LotRecordView, lotRecordView, RESULT_ZH } from "~/modules/lot/record-view";
import { ROLLUP_LABELS, rollUp } from "~/modules/lot/rollup";
import { formatEntered } from "~/modules/lot/verdict";
import { acceptanceReviewLines } from "~/modules/residents/reviews.server";
import { formatDate, formatDateTime } from "~/modules/site/labels";
import { type Cell, PdfReport } from "./pdf.server";
import type { PdfPhoto } from "./photo-thumbs.server";

/** 单位工程质量竣工验收记录 (after GB 50300 表 H.0.1-1) with each party's drawn signature. */
export async function acceptanceRecordPdf(db: Db, compoundId: string): Promise<Buffer | null> {
  const overview = await acceptanceOverview(db, compoundId);
  if (!overview?.acceptance) return null;
  const { record, acceptance, hashCheck, prerequisites } = overview;
  const { compound } = record;
  const phases = compound.project.phases;
  // 以居民为主体: the residents' opinion on the plan and the finished work goes with the record.
  const reviewLines = await acceptanceReviewLines(db, compoundId);
  const pdf = new PdfReport(
    "单位工程质量竣工验收记录",
    `${compound.name} 单位工程质量竣工验收记录`,
  );
  pdf.heading("单位工程质量竣工验收记录");
  pdf.line(
    `验收状态：${acceptanceStatusZh(acceptance.status)}　　记录编号：${compound.code}-JG-${acceptance.id.slice(-6).toUpperCase()}`,
    {
      align: "right",
      size: 9,
    },
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
  pdf.keyValues([
    ["工程名称", compound.name],
    ["所属项目", compound.project.name],
    ["工程地址", compound.address],
    ["改造户数", `${compound.households} 户`],
    ["施工单位", compound.contracts.map((c) => c.contractor.name).join("、")],
    ["标段", compound.contracts.map((c) => c.name).join("、")],
    ["开工日期", phases[1] ? formatDate(phases[1].startsOn) : "—"],
    ["验收日期", formatDate(acceptance.closedAt ?? acceptance.openedAt)],
  ]);
  pdf.table(
    [
      { header: "序号", width: 0.07, align: "center" },
      { header: "项目", width: 0.2 },
      { header: "验收记录", width: 0.53 },
      { header: "验收结论", width: 0.2, align: "center" },
    ],
    [
      [
        "1",
        "分部工程验收",
        `共 ${summary.divisions.length} 个分部，经查符合设计及标准规定 ${passedDivisions} 个分部`,
        ROLLUP_LABELS[summary.status],
      ],
      [
        "2",
        "检验批验收",
        `共 ${record.lots.length} 个检验批，已验收 ${accepted} 个`,
        accepted === record.lots.length && record.lots.length > 0 ? "合格" : "未完成",
      ],
      [
        "3",
        "质量控制资料核查",
        `${record.lots.length} 个检验批中资料齐全 ${complete} 个`,
        complete === record.lots.length ? "齐全" : "不齐全",
      ],
      [
        "4",
        "质量问题整改",
        `共登记质量问题 ${record.defects.length} 项，已整改关闭 ${closed} 项`,
        closed === record.defects.length ? "已全部整改" : "未完成",
      ],
      [
        "5",
        "验收条件",
        prerequisites
          .map((p) => `${p.ok ? "✓" : "✗"} ${prerequisiteLabel(zhT(), p.key)}`)
          .join("；"),
        prerequisites.every((p) => p.ok) ? "满足" : "未满足",
      ],
      ["6", "居民评议及满意度", reviewLines.join("\n"), "见记录"],
    ],
  );
  pdf.table(
    [
      { header: "分部工程", width: 0.3 },
      { header: "分项工程（工程类别）", width: 0.36 },
      { header: "检验批 已验收/共", width: 0.18, align: "center" },
      { header: "结论", width: 0.16, align: "center" },
    ],
    summary.divisions.flatMap((d) =>
      d.subItems.map((s) => [
        d.name,
        s.nameZh,
        `${s.accepted} / ${s.total}`,
        ROLLUP_LABELS[s.status],
      ]),
    ),
  );
  pdf.keep(90);
  pdf.table(
    [
      { header: "综合验收结论", width: 0.2 },
      { header: "", width: 0.8 },
    ],
    [
      [
        { text: "综合验收结论", bold: true },
        { text: `${conclusionZh(acceptance.conclusion)}。${acceptance.remarks}`, bold: true },
      ],
    ],
    { header: false },
  );
  pdf.keep(150);
  const rows: Cell[][] = acceptance.participants.map((p) => [
    PARTY_LABELS_ZH[p.party as Party] ?? p.party,
    p.organization.name,
    `${p.user.displayName}\n${p.user.title}`,
    p.signature
      ? { text: "", image: Buffer.from(p.signature.imagePng), imageHeight: 34 }
      : "（未签字）",
    p.signature ? `${p.signature.opinion}\n${formatDateTime(p.signature.signedAt)}` : "",
  ]);
  pdf.table(
    [
      { header: "参加验收单位", width: 0.13 },
      { header: "单位名称", width: 0.27 },
      { header: "签字人", width: 0.17 },
      { header: "签字", width: 0.21, align: "center" },
      { header: "意见及日期", width: 0.22 },
    ],
    rows,
  );
  // 建质〔2013〕171号: the 质监站 supervises and keeps its own record; it holds no seat above
  const supervision = await supervisionRecord(db, acceptance.id);
  pdf.keep(60);
  pdf.table(
    [
      { header: "质量安全监督站 监督记录", width: 0.2 },
      { header: "", width: 0.8 },
    ],
    [
      [
        { text: "质监站监督记录", bold: true },
        supervision
          ? `${supervision.record}\n监督人：${supervision.signer}（${supervision.title}，${supervision.organization}）　${formatDateTime(supervision.filedAt)}`
          : "（尚未填写）",
      ],
    ],
    { header: false },
  );
  pdf.line(
    `签字内容哈希（SHA-256）：${acceptance.contentHash}　${hashCheck?.matches ? "与当前记录一致" : "与当前记录不一致"}`,
    { size: 7 },
  );
  return pdf.toBuffer();
}

/** 检查记录 as runs: corrected and withdrawn values struck through, then the value that counts. */
function checkRecordRuns(r: LotRecordView["rows"][number]): Cell {
  const extra = [r.status === "fail" ? r.reasons.join("；") : ""].filter(Boolean).join("\n");
  if (
    r.points.length === 0 ||
    (!r.pointWas.some((w) => w.length > 0) && !r.pointRemoved.some(Boolean))
  )
    return [r.record, extra].filter(Boolean).join("\n");
  const runs: { text: string; strike?: boolean }[] = [{ text: "实测 " }];
  r.points.forEach((v, i) => {
    if (i > 0) runs.push({ text: "、" });
    for (const w of r.pointWas[i] ?? [])
      runs.push({ text: formatEntered(w.value, r.unit, w.text), strike: true }, { text: " " });
    const shown = formatEntered(v, r.unit, r.pointTexts[i]);
    if (r.pointRemoved[i]) runs.push({ text: shown, strike: true }, { text: "（已作废）" });
    else runs.push({ text: `${shown}${r.pointOk[i] === false ? "✗" : ""}` });
  });
  const tail = [
    r.kind === "general" && r.passRate !== null
      ? `合格率 ${Math.round(r.passRate * 1000) / 10}%`
      : "",
    r.note ?? "",
  ].filter(Boolean);
  if (tail.length > 0) runs.push({ text: `；${tail.join("；")}` });
  if (extra) runs.push({ text: `\n${extra}` });
  return { text: runs.map((x) => x.text).join(""), runs };
}

/** 检验批质量验收记录 (GB 50300 附录E 表E.0.1), A4 portrait, the signatures kept with the table. */
export async function lotRecordPdf(
  detail: LotDetail,
  signature: { signed: string | null; current: string; matches: boolean } | null = null,
  photos: PdfPhoto[] = [],
  extras: LotRecordExtras | null = null,
): Promise<Buffer> {
  const { lot, standards, verdict, rows } = lotRecordView(detail);
  const pdf = new PdfReport("检验批质量验收记录", `检验批质量验收记录 ${lot.number}`);
  pdf.heading("检验批质量验收记录", 15);
  if (signature && !signature.matches) {
    pdf.line(
      `注意：本记录的当前内容与验收签认时的内容不一致（签认哈希 ${signature.signed?.slice(0, 16) ?? "—"}…，现在 ${signature.current.slice(0, 16)}…），签认不再覆盖当前内容。`,
      { size: 9 },
    );
  }
  pdf.line(`编号：${lot.appendixB}　系统编号：${lot.number}　状态：${lot.status}`, {
    align: "right",
    size: 8,
  });
  const head = (k: string, v: string): Cell[] => [{ text: k, bold: true }, v];
  pdf.table(
    [
      { header: "", width: 0.17 },
      { header: "", width: 0.33 },
      { header: "", width: 0.17 },
      { header: "", width: 0.33 },
    ],
    [
      [
        ...head("单位（子单位）工程名称", lot.compound),
        ...head("分部（子分部）工程名称", `${lot.division}（${lot.subDivision}）`),
      ],
      [...head("分项工程名称", lot.subItem), ...head("检验批容量", lot.capacity)],
      [
        ...head("施工单位", lot.contractor),
        ...head("项目负责人", extras?.projectManager ?? "未填写"),
      ],
      [
        ...head("分包单位", extras?.subcontractorName ?? "无"),
        ...head(
          "分包单位项目负责人",
          extras?.subcontractorName ? (extras.subcontractorManager ?? "未填写") : "—",
        ),
      ],
      [...head("检验批部位", lot.place), ...head("检查表版本", `第 ${lot.templateVersion} 版`)],
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
        "施工依据",
        extras && extras.drawings.length > 0
          ? extras.drawings.map((d) => d.text).join("；")
          : "设计文件（未关联图纸）",
      ),
      head("验收依据", standards.join("、")),
    ],
    { header: false, compact: true },
  );
  const body: Cell[][] = rows.map((r) => [
    `${r.kind === "main" ? "主控" : "一般"} ${r.seq}. ${r.label}`,
    r.clause,
    r.requirement,
    `${r.required ?? "全数"} / ${r.livePoints || (r.status === "incomplete" ? "—" : "全数")}`,
    checkRecordRuns(r),
    RESULT_ZH[r.status] ?? r.status,
  ]);
  pdf.table(
    [
      { header: "验收项目", width: 0.22 },
      { header: "条款", width: 0.15 },
      { header: "设计要求及规范规定", width: 0.22 },
      { header: "最小/实际抽样", width: 0.09, align: "center" },
      { header: "检查记录", width: 0.24 },
      { header: "检查结果", width: 0.08, align: "center" },
    ],
    body,
    { compact: true, keepWithNext: 110 },
  );
  const signCell = (png: Buffer | null | undefined): Cell =>
    png ? { text: "", image: png, imageHeight: 30 } : "（未签名）";
  pdf.table(
    [
      { header: "", width: 0.17 },
      { header: "", width: 0.53 },
      { header: "", width: 0.3 },
    ],
    [
      [
        { text: "施工单位检查结果", bold: true },
        `${
          lot.selfCheck
            ? lot.selfCheck.conclusion
            : lot.submittedBy
              ? `自检完成，${lot.recordsComplete ? "施工操作依据、质量验收记录齐全" : "资料不全"}。${lot.selfCheckNote ?? ""}`
              : "尚未提交自检"
        }\n专业工长：${lot.foreman ?? "　　　　"}\n项目专业质量检查员：${lot.selfCheck?.name ?? lot.submittedBy?.displayName ?? "　　　　"}　日期：${lot.submittedAt ? formatDate(lot.submittedAt) : "　　　　"}`,
        signCell(extras?.images.selfcheck),
      ],
      [
        { text: "监理单位验收结论", bold: true },
        `${lot.acceptance ? lot.acceptance.conclusion : lot.accepted ? "合格，同意验收。" : `尚未验收。当前结论：${verdict.summary}`}\n专业监理工程师：${lot.accepted ? (lot.acceptedBy?.displayName ?? "") : "　　　　"}　日期：${lot.accepted && lot.acceptedAt ? formatDate(lot.acceptedAt) : "　　　　"}`,
        signCell(extras?.images.accept),
      ],
    ],
    { header: false, compact: true },
  );
  if (photos.length > 0) {
    pdf.newPage();
    pdf.line("现场照片（标注的照片显示标注版本；原图不变，哈希见下）", { size: 10 });
    pdf.table(
      [
        { header: "项目", width: 0.3 },
        { header: "照片", width: 0.7 },
      ],
      photos.map((p) => [p.label, { text: "", image: p.image, imageHeight: 220 }]),
    );
  }
  return pdf.toBuffer();
}
