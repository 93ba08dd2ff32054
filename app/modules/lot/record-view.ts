import { numericLimitZh } from "~/modules/checklist/labels";
import type { LotDetail } from "./lots.server";
import { isLotState, LOT_STATE_LABELS_ZH } from "./workflow";

export const RESULT_ZH: Record<string, string> = {
  pass: "合格",
  fail: "不合格",
  na: "不适用",
  incomplete: "未完成",
};

/** The 检验批质量验收记录 as printed, shared by the record page and its PDF. */
export function lotRecordView(detail: LotDetail) {
  const { lot, items, verdict, standards } = detail;
  const entries = new Map(lot.entries.map((e) => [e.itemId, e]));
  const rows = lot.template.items.map((item, i) => {
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
      note: entry?.note ?? null,
      status: v?.status ?? "incomplete",
      reasons: v?.reasonsZh ?? [],
    };
  });
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
      capacity: lot.capacity ? `${lot.capacity} ${lot.capacityUnit ?? ""}` : "—",
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
