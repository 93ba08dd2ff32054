import { numericLimitZh } from "~/modules/checklist/labels";
import type { LotDetail } from "./lots.server";
import { formatEntered, formatPercent } from "./verdict-format";
import { SAMPLE_QUANTITIES } from "./verdict-schema";
import { isLotState, LOT_STATE_LABELS_ZH } from "./workflow";

export const RESULT_ZH: Record<string, string> = {
  pass: "合格",
  fail: "不合格",
  na: "不适用",
  incomplete: "未完成",
};

const NON_NUMERIC_RECORD: Record<string, string> = {
  pass: "符合要求",
  fail: "不符合要求",
  na: "不适用",
  incomplete: "未检查",
};

/**
 * 检查记录 of one row: measured values as entered (failing points marked ✗), design values,
 * the 合格率 of 一般项目; for items judged by hand the finding. Never blank.
 */
export function checkRecordZh(r: {
  kind: string;
  status: string;
  unit: string;
  points: number[];
  pointTexts: (string | null)[];
  pointDesigns: (number | null)[];
  pointOk: (boolean | null)[];
  passRate: number | null;
  note: string | null;
}): string {
  const parts: string[] = [];
  if (r.points.length > 0) {
    const values = r.points.map((v, i) => {
      const shown = formatEntered(v, r.unit, r.pointTexts[i]);
      const design = r.pointDesigns[i];
      const d = design != null ? `(设计 ${formatEntered(design, r.unit)})` : "";
      return `${shown}${d}${r.pointOk[i] === false ? "✗" : ""}`;
    });
    parts.push(`实测 ${values.join("、")}`);
    if (r.kind === "general" && r.passRate !== null)
      parts.push(`合格率 ${formatPercent(r.passRate)}`);
  } else {
    parts.push(NON_NUMERIC_RECORD[r.status] ?? "—");
  }
  if (r.note) parts.push(r.note);
  return parts.join("；");
}

/** 检验批容量 as recorded: the lot capacity, else each quantity the items count. */
function capacityZh(detail: LotDetail): string {
  const { lot, place } = detail;
  if (lot.capacity) return `${lot.capacity} ${lot.capacityUnit ?? ""}`.trim();
  const parts = Object.entries(place.quantities)
    .filter(([k, v]) => k !== "lots" && v != null)
    .map(([k, v]) => `${v} ${SAMPLE_QUANTITIES[k as keyof typeof SAMPLE_QUANTITIES]}`);
  return parts.length > 0 ? parts.join("、") : "未填写";
}

/** The 检验批质量验收记录 as printed, shared by the record page and its PDF. */
export function lotRecordView(detail: LotDetail) {
  const { lot, items, verdict, standards } = detail;
  const entries = new Map(lot.entries.map((e) => [e.itemId, e]));
  const rows = lot.template.items.map((item, i) => rowWithRecord(item, i));
  function rowWithRecord(item: (typeof lot.template.items)[number], i: number) {
    const row = rowOf(item, i);
    return { ...row, record: checkRecordZh(row) };
  }
  function rowOf(item: (typeof lot.template.items)[number], i: number) {
    const input = items[i];
    const entry = entries.get(item.id);
    const v = verdict.items.find((x) => x.itemId === item.id);
    return {
      id: item.id,
      code: item.code,
      kind: item.kind,
      seq: input?.seq ?? i + 1,
      text: item.textZh,
      requirement: v?.limitZh ?? numericLimitZh(item) ?? item.tolerance ?? "符合设计及规范要求",
      unit: input?.spec?.unit ?? item.numericUnit ?? "",
      required: v?.requiredPoints || null,
      sampleBasis: v?.sampleBasisZh ?? null,
      points: entry?.points.map((p) => p.value) ?? [],
      pointTexts: entry?.points.map((p) => p.text ?? null) ?? [],
      pointOk: v?.points.map((p) => p.ok) ?? [],
      pointDesigns: entry?.points.map((p) => p.design ?? null) ?? [],
      passRate: v?.passRate ?? null,
      note: entry?.note ?? null,
      status: v?.status ?? "incomplete",
      reasons: v?.reasonsZh ?? [],
    };
  }
  return {
    lot: {
      id: lot.id,
      number: lot.number,
      status: isLotState(lot.status) ? LOT_STATE_LABELS_ZH[lot.status] : lot.status,
      accepted: lot.status === "accepted",
      compound: lot.compound.name,
      division: lot.workType.division,
      workType: lot.workType.nameZh,
      contractor: lot.contractor.name,
      capacity: capacityZh(detail),
      place: lot.placeLabel,
      templateVersion: lot.template.version,
      recordsComplete: lot.recordsComplete,
      selfCheckNote: lot.selfCheckNote,
      submittedBy: lot.submittedBy,
      submittedAt: lot.submittedAt,
      acceptedBy: lot.acceptedBy,
      acceptedAt: lot.acceptedAt,
    },
    standards,
    verdict: { status: verdict.status, summary: verdict.summaryZh },
    rows,
  };
}
export type LotRecordView = ReturnType<typeof lotRecordView>;
