import type { TFunction } from "i18next";
import type { Namespace } from "~/locales/resources";
import { numericLimit } from "~/modules/checklist/labels";
import { type PriorValue, parseWas } from "./corrections";
import { itemLabelZh } from "./labels";
import type { LotDetail } from "./lots.server";
import { lotDivision } from "./record-division";
import { formatEntered, formatPercent } from "./verdict-format";
import { msg, type VerdictText } from "./verdict-message";
import { verdictTextZh } from "./verdict-text";
import type { SampleQuantity } from "./verdict-vocabulary";
import { isLotState } from "./workflow";

// The record is kept in Chinese, the language of record: callers pass fixedT("zh-CN") (its
// verdict texts are Chinese either way); a reader's language only words the page around it.
const zhOrNull = (m: VerdictText | null) => (m ? verdictTextZh(m) : null);

/** The translator of the record's words (lot:record.*). */
export type RecordT = TFunction<Namespace[]>;

const RESULTS = ["pass", "fail", "na", "incomplete"] as const;
type Result = (typeof RESULTS)[number];
const asResult = (status: string): Result =>
  (RESULTS as readonly string[]).includes(status) ? (status as Result) : "incomplete";

/** 检查结果 of a row (合格 / 不合格 / 不适用 / 未完成). */
export const resultText = (t: RecordT, status: string) =>
  t(`lot:record.result.${asResult(status)}`);

/**
 * 检查记录 of one row: measured values as entered (failing points marked ✗), design values,
 * the 合格率 of 一般项目; for items judged by hand the finding. Never blank.
 */
export function checkRecordText(
  t: RecordT,
  r: {
    kind: string;
    status: string;
    unit: string;
    points: number[];
    pointTexts: (string | null)[];
    pointDesigns: (number | null)[];
    pointOk: (boolean | null)[];
    pointWas?: PriorValue[][];
    pointRemoved?: boolean[];
    passRate: number | null;
    note: string | null;
  },
): string {
  const parts: string[] = [];
  if (r.points.length > 0) {
    const values = r.points.map((v, i) => {
      const shown = formatEntered(v, r.unit, r.pointTexts[i]);
      const design = r.pointDesigns[i];
      const d =
        design != null ? t("lot:record.design", { value: formatEntered(design, r.unit) }) : "";
      // Corrected values print struck through on the page ("更正") before the value that counts.
      const was = (r.pointWas?.[i] ?? []).map((w) => `${formatEntered(w.value, r.unit, w.text)}→`);
      if (r.pointRemoved?.[i]) return `${was.join("")}${shown}${t("lot:record.withdrawn")}`;
      return `${was.join("")}${shown}${d}${r.pointOk[i] === false ? "✗" : ""}`;
    });
    parts.push(t("lot:record.measured", { values: values.join(t("lot:record.nameSep")) }));
    if (r.kind === "general" && r.passRate !== null)
      parts.push(t("lot:record.passRate", { rate: formatPercent(r.passRate) }));
  } else {
    parts.push(t(`lot:record.nonNumeric.${asResult(r.status)}`));
  }
  if (r.note) parts.push(r.note);
  return parts.join(t("lot:record.listSep"));
}

/** A piece of 检查记录 text; a corrected or withdrawn value is struck through. */
export type RecordRun = { text: string; strike?: boolean };

/**
 * 检查记录 as runs, for the page and the PDF: each point as entered (superseded values struck
 * through before the value that counts, withdrawn ones struck and marked), then the 合格率 of
 * 一般项目 and the note.
 */
export function recordRuns(
  t: RecordT,
  r: {
    kind: string;
    unit: string;
    points: number[];
    pointTexts: (string | null)[];
    pointOk: (boolean | null)[];
    pointWas: PriorValue[][];
    pointRemoved: boolean[];
    passRate: number | null;
    note: string | null;
  },
): RecordRun[] {
  const runs: RecordRun[] = [{ text: t("lot:record.measuredLabel") }];
  r.points.forEach((v, i) => {
    if (i > 0) runs.push({ text: t("lot:record.nameSep") });
    for (const w of r.pointWas[i] ?? [])
      runs.push({ text: formatEntered(w.value, r.unit, w.text), strike: true }, { text: " " });
    const shown = formatEntered(v, r.unit, r.pointTexts[i]);
    if (r.pointRemoved[i])
      runs.push({ text: shown, strike: true }, { text: t("lot:record.withdrawn") });
    else runs.push({ text: `${shown}${r.pointOk[i] === false ? "✗" : ""}` });
  });
  const tail = [
    r.kind === "general" && r.passRate !== null
      ? t("lot:record.passRate", { rate: formatPercent(r.passRate) })
      : "",
    r.note ?? "",
  ].filter(Boolean);
  const sep = t("lot:record.listSep");
  if (tail.length > 0) runs.push({ text: `${sep}${tail.join(sep)}` });
  return runs;
}

/** 检验批容量 as recorded: the lot capacity, else each quantity the items count. */
function capacityText(t: RecordT, detail: LotDetail): string {
  const { lot, place } = detail;
  if (lot.capacity) return `${lot.capacity} ${lot.capacityUnit ?? ""}`.trim();
  const parts = Object.entries(place.quantities)
    .filter(([k, v]) => k !== "lots" && v != null)
    .map(([k, v]) => `${v} ${verdictTextZh(msg(`verdict.counts.${k as SampleQuantity}`))}`);
  return parts.length > 0 ? parts.join(t("lot:record.nameSep")) : t("lot:record.unset");
}

/** 验收依据: the acceptance codes among the work type's standards (design codes are not). */
const ACCEPTANCE_CODES = [
  "GB 50300",
  "GB 50210",
  "GB 50303",
  "GB 50575",
  "CJJ 1-",
  "GB 50268",
  "GB 50242",
  "GB 50141",
  "CJJ 82",
  "GB 50204",
  "GB 50203",
  "GB 50205",
];
export function acceptanceStandards(standards: readonly string[]): string[] {
  const found = standards.filter((s) => ACCEPTANCE_CODES.some((c) => s.startsWith(c)));
  return found.length > 0 ? found : [...standards];
}

/**
 * The clause an item without a judge spec cites: "GB 50352-2019 6.7.3" read from its source
 * note, else the governing acceptance code (the clause is not in the data for such items).
 */
function clauseFromSource(source: string | null, governing: string | undefined): string {
  const m = /((?:GB|CJJ|JGJ)(?:\/T)? ?\d+(?:\.\d+)?-\d{4}) +§?(\d+\.\d+(?:\.\d+)?(?:-\d+)?)/.exec(
    source ?? "",
  );
  return m ? `${m[1]} §${m[2]}` : (governing ?? "—");
}

type Signer = { name: string; title: string | null; at: Date; conclusion: string } | null;

/** The 检验批质量验收记录 as printed (GB 50300 附录E 表E.0.1), shared by the page and its PDF. */
export function lotRecordView(detail: LotDetail, t: RecordT) {
  const { lot, items, verdict, standards } = detail;
  const division = lotDivision(t, lot.workType.code, lot.subItem, lot.number);
  const newest = (kind: string) => lot.signatures.find((s) => s.kind === kind);
  const signerOf = (kind: string): Signer => {
    const s = newest(kind);
    return s
      ? {
          name: s.signer.displayName,
          title: s.signer.title,
          at: s.signedAt,
          conclusion: s.conclusion,
        }
      : null;
  };
  const selfCheck = lot.submittedAt ? signerOf("selfcheck") : null;
  const acceptance = lot.status === "accepted" ? signerOf("accept") : null;
  const entries = new Map(lot.entries.map((e) => [e.itemId, e]));
  const rows = lot.template.items.map((item, i) => rowWithRecord(item, i));
  function rowWithRecord(item: (typeof lot.template.items)[number], i: number) {
    const row = rowOf(item, i);
    const record = checkRecordText(t, row);
    const runs = row.points.length > 0 ? recordRuns(t, row) : [{ text: record }];
    return { ...row, record, runs };
  }
  function rowOf(item: (typeof lot.template.items)[number], i: number) {
    const input = items[i];
    const entry = entries.get(item.id);
    const v = verdict.items.find((x) => x.itemId === item.id);
    const all = entry?.points ?? [];
    // Verdicts are of the live points; withdrawn ones are shown but not judged.
    let live = 0;
    const pointOk = all.map((p) => (p.removed ? null : (v?.points[live++]?.ok ?? null)));
    const spec = input?.spec;
    return {
      id: item.id,
      code: item.code,
      kind: item.kind,
      seq: input?.seq ?? i + 1,
      text: item.textZh,
      label: itemLabelZh(item.textZh),
      requirement:
        zhOrNull(v?.limit ?? numericLimit(item)) ??
        item.tolerance ??
        t("lot:record.defaultRequirement"),
      unit: input?.spec?.unit ?? item.numericUnit ?? "",
      required: v?.requiredPoints || null,
      sampleBasis: zhOrNull(v?.sampleBasis ?? null),
      clause: spec
        ? `${spec.standard} §${spec.clause}`
        : clauseFromSource(item.source, acceptanceStandards(standards)[0]),
      points: all.map((p) => p.value),
      livePoints: all.filter((p) => !p.removed).length,
      pointTexts: all.map((p) => p.text ?? null),
      pointOk,
      pointDesigns: all.map((p) => p.design ?? null),
      pointWas: all.map((p) => parseWas(p.was)),
      pointRemoved: all.map((p) => p.removed),
      passRate: v?.passRate ?? null,
      note: entry?.note ?? null,
      status: v?.status ?? "incomplete",
      reasons: v?.reasons.map(verdictTextZh) ?? [],
    };
  }
  return {
    lot: {
      id: lot.id,
      number: lot.number,
      state: lot.status,
      status: isLotState(lot.status) ? t(`lot:states.${lot.status}`) : lot.status,
      accepted: lot.status === "accepted",
      compound: lot.compound.name,
      division: division.division,
      subDivision: division.subDivision,
      divisionLine: t("lot:record.divisionValue", {
        division: division.division,
        subDivision: division.subDivision,
      }),
      subItem: division.subItem,
      subItemChoices: division.choices,
      appendixB: division.appendixB,
      workType: lot.workType.nameZh,
      contractor: lot.contractor.name,
      capacity: capacityText(t, detail),
      // 检验批部位: the place only (the work type is in 分项工程名称).
      place: lot.placeLabel.startsWith(lot.workType.nameZh)
        ? lot.placeLabel.slice(lot.workType.nameZh.length).trim()
        : lot.placeLabel,
      foreman: newest("selfcheck")?.foreman ?? null,
      selfCheck,
      acceptance,
      templateVersion: lot.template.version,
      recordsComplete: lot.recordsComplete,
      selfCheckNote: lot.selfCheckNote,
      submittedBy: lot.submittedBy,
      submittedAt: lot.submittedAt,
      acceptedBy: lot.acceptedBy,
      acceptedAt: lot.acceptedAt,
    },
    selfCheckText: selfCheck
      ? selfCheck.conclusion
      : lot.submittedBy
        ? t("lot:record.selfCheckDone", {
            records: t(
              lot.recordsComplete ? "lot:record.recordsComplete" : "lot:record.recordsIncomplete",
            ),
            note: lot.selfCheckNote ?? "",
          })
        : t("lot:record.notSubmitted"),
    conclusionText: acceptance
      ? acceptance.conclusion
      : lot.status === "accepted"
        ? t("lot:record.acceptedDefault")
        : t("lot:record.notAccepted", { summary: verdictTextZh(verdict.summary) }),
    standards: acceptanceStandards(standards),
    verdict: { status: verdict.status, summary: verdictTextZh(verdict.summary) },
    rows,
  };
}
export type LotRecordView = ReturnType<typeof lotRecordView>;
