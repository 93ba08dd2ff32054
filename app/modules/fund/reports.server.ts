import type { TFunction } from "i18next";
import type { Db } from "~/infra/db.server";
import { isoDay } from "~/modules/i18n/dates";
import { type SheetColumn, xlsxBuffer } from "~/modules/report/excel.server";
import { measureContract } from "./measure.server";
import { formatFen, formatQuantity, lineAmountFen, sumFen } from "./money";
import { COUNTING_STATES, FUND_SOURCES } from "./rules";

/** 'YYYY-MM' of the Beijing month an instant falls in (a sort key; pages word it). */
const month = (d: Date) => isoDay(d).slice(0, 7);

/** 预算 by source and compound against what was paid (net, after 质保金) from each. */
export async function budgetSummary(db: Db) {
  const [lines, compounds, paid] = await Promise.all([
    db.budgetLine.findMany({ select: { compoundId: true, source: true, amountFen: true } }),
    db.compound.findMany({ orderBy: { code: "asc" }, select: { id: true, name: true } }),
    db.paymentApplication.findMany({
      where: { status: "paid" },
      select: {
        paidSource: true,
        netFen: true,
        retentionFen: true,
        contract: { select: { compoundId: true } },
      },
    }),
  ]);
  const key = (source: string, compoundId: string) => `${source}|${compoundId}`;
  const budget = new Map<string, bigint>();
  for (const l of lines) budget.set(key(l.source, l.compoundId), l.amountFen);
  const spent = new Map<string, bigint>();
  for (const p of paid) {
    const k = key(p.paidSource ?? "", p.contract.compoundId);
    spent.set(k, (spent.get(k) ?? 0n) + (p.netFen ?? 0n));
  }
  const cell = (b: bigint, s: bigint) => ({
    budget: formatFen(b),
    spent: formatFen(s),
    percent: b > 0n ? Number((s * 1000n) / b) / 10 : 0,
  });
  const rows = FUND_SOURCES.map((source) => {
    const per = compounds.map((c) => ({
      compoundId: c.id,
      b: budget.get(key(source, c.id)) ?? 0n,
      s: spent.get(key(source, c.id)) ?? 0n,
    }));
    return {
      source,
      compounds: per.map((p) => cell(p.b, p.s)),
      total: cell(sumFen(per.map((p) => p.b)), sumFen(per.map((p) => p.s))),
    };
  });
  const colTotals = compounds.map((c) =>
    cell(
      sumFen(FUND_SOURCES.map((s) => budget.get(key(s, c.id)) ?? 0n)),
      sumFen(FUND_SOURCES.map((s) => spent.get(key(s, c.id)) ?? 0n)),
    ),
  );
  const all = cell(sumFen(budget.values()), sumFen(spent.values()));
  const retentionHeld = formatFen(sumFen(paid.map((p) => p.retentionFen ?? 0n)));
  return { compounds, rows, colTotals, all, retentionHeld };
}

export type VarianceRow = {
  contract: string;
  code: string;
  name: string;
  unit: string;
  unitPriceFen: bigint;
  contractMilli: number;
  acceptedMilli: number;
  certifiedMilli: number;
  paidMilli: number;
  contractFen: bigint;
  acceptedFen: bigint;
  certifiedFen: bigint;
  paidFen: bigint;
  flags: VarianceFlag[];
};

export type VarianceFlag = "certifiedAboveAccepted" | "acceptedBeyondContract";

/**
 * 差异报表: per bill item, contract vs accepted (lots) vs certified (applications that count)
 * vs paid. Flags certified above accepted (a lot reopened after certification) and accepted
 * work beyond the contract quantity.
 */
export async function varianceReport(db: Db) {
  const contracts = await db.contract.findMany({ orderBy: { name: "asc" }, select: { id: true } });
  const rows: VarianceRow[] = [];
  const timeline = new Map<string, { accepted: bigint; paid: bigint }>();
  for (const { id } of contracts) {
    const m = await measureContract(db, id);
    if (!m) continue;
    for (const i of m.items) {
      const certifiedMilli = i.priorMilli;
      const flags: VarianceFlag[] = [];
      if (certifiedMilli > i.accepted.acceptedMilli) flags.push("certifiedAboveAccepted");
      if (i.accepted.uncappedMilli > i.quantityMilli) flags.push("acceptedBeyondContract");
      rows.push({
        contract: m.contract.name,
        code: i.code,
        name: i.name,
        unit: i.unit,
        unitPriceFen: i.unitPriceFen,
        contractMilli: i.quantityMilli,
        acceptedMilli: i.accepted.acceptedMilli,
        certifiedMilli,
        paidMilli: i.paidMilli,
        contractFen: lineAmountFen(i.quantityMilli, i.unitPriceFen),
        acceptedFen: lineAmountFen(i.accepted.acceptedMilli, i.unitPriceFen),
        certifiedFen: lineAmountFen(certifiedMilli, i.unitPriceFen),
        paidFen: lineAmountFen(i.paidMilli, i.unitPriceFen),
        flags,
      });
      for (const lot of i.accepted.lots) {
        const at = m.acceptedAt.get(lot.id);
        if (!at) continue;
        const t = timeline.get(month(at)) ?? { accepted: 0n, paid: 0n };
        t.accepted += lineAmountFen(lot.capacityMilli, i.unitPriceFen);
        timeline.set(month(at), t);
      }
    }
  }
  const paid = await db.paymentApplication.findMany({
    where: { status: "paid" },
    select: { paidAt: true, grossFen: true },
  });
  for (const p of paid) {
    if (!p.paidAt) continue;
    const t = timeline.get(month(p.paidAt)) ?? { accepted: 0n, paid: 0n };
    t.paid += p.grossFen ?? 0n;
    timeline.set(month(p.paidAt), t);
  }
  let acc = 0n;
  let pay = 0n;
  const overTime = [...timeline.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([m, t]) => {
      acc += t.accepted;
      pay += t.paid;
      return { month: m, acceptedFen: acc, paidFen: pay };
    });
  return { rows, overTime, countingStates: COUNTING_STATES };
}

export function varianceView(report: Awaited<ReturnType<typeof varianceReport>>) {
  return {
    rows: report.rows.map((r) => ({
      contract: r.contract,
      code: r.code,
      name: r.name,
      unit: r.unit,
      contract_: `${formatQuantity(r.contractMilli)} / ${formatFen(r.contractFen)}`,
      accepted: `${formatQuantity(r.acceptedMilli)} / ${formatFen(r.acceptedFen)}`,
      certified: `${formatQuantity(r.certifiedMilli)} / ${formatFen(r.certifiedFen)}`,
      paid: `${formatQuantity(r.paidMilli)} / ${formatFen(r.paidFen)}`,
      flags: r.flags,
    })),
    totals: {
      contract: formatFen(sumFen(report.rows.map((r) => r.contractFen))),
      accepted: formatFen(sumFen(report.rows.map((r) => r.acceptedFen))),
      certified: formatFen(sumFen(report.rows.map((r) => r.certifiedFen))),
      paid: formatFen(sumFen(report.rows.map((r) => r.paidFen))),
    },
    overTime: report.overTime.map((t) => ({
      month: t.month,
      accepted: formatFen(t.acceptedFen),
      paid: formatFen(t.paidFen),
    })),
  };
}

/** Exact 元 as a number cell: the decimal text of the fen value, so the file holds it exactly. */
const yuan = (fen: bigint) => Number(formatFen(fen).replaceAll(",", ""));
const qty = (milli: number) => Number(formatQuantity(milli));

/** The auditor's sheet, headers and notes in the reader's language (`t`); names as written. */
export async function varianceXlsx(db: Db, t: TFunction<"fund">) {
  const { rows } = await varianceReport(db);
  const col = (key: keyof typeof COLUMN_WIDTHS, value: SheetColumn<VarianceRow>["value"]) => ({
    header: t(`xlsx.col.${key}`),
    width: COLUMN_WIDTHS[key],
    value,
  });
  const columns: SheetColumn<VarianceRow>[] = [
    col("contract", (r) => r.contract),
    col("code", (r) => r.code),
    col("name", (r) => r.name),
    col("unit", (r) => r.unit),
    col("unitPrice", (r) => yuan(r.unitPriceFen)),
    col("contractQty", (r) => qty(r.contractMilli)),
    col("contractAmount", (r) => yuan(r.contractFen)),
    col("acceptedQty", (r) => qty(r.acceptedMilli)),
    col("acceptedAmount", (r) => yuan(r.acceptedFen)),
    col("certifiedQty", (r) => qty(r.certifiedMilli)),
    col("certifiedAmount", (r) => yuan(r.certifiedFen)),
    col("paidQty", (r) => qty(r.paidMilli)),
    col("paidAmount", (r) => yuan(r.paidFen)),
    col("flag", (r) =>
      r.flags.map((f) => t(`variance.flag.${f}`)).join(t("variance.flagSeparator")),
    ),
  ];
  const total = (f: (r: VarianceRow) => bigint) => formatFen(sumFen(rows.map(f)));
  return xlsxBuffer({
    sheetName: t("xlsx.sheet"),
    title: t("xlsx.title"),
    filterNote: t("xlsx.totals", {
      contract: total((r) => r.contractFen),
      accepted: total((r) => r.acceptedFen),
      certified: total((r) => r.certifiedFen),
      paid: total((r) => r.paidFen),
    }),
    columns,
    rows,
  });
}

const COLUMN_WIDTHS = {
  contract: 26,
  code: 14,
  name: 26,
  unit: 6,
  unitPrice: 14,
  contractQty: 12,
  contractAmount: 16,
  acceptedQty: 12,
  acceptedAmount: 16,
  certifiedQty: 12,
  certifiedAmount: 16,
  paidQty: 12,
  paidAmount: 16,
  flag: 24,
} as const;
