/**
 * GB 50300 roll-up for one compound (单位工程): 分部 ← 分项 (a work type here) ← 检验批.
 * A 分项 passes when it has lots and every one is accepted; a 分部 when all its 分项 pass;
 * the compound when every 分部 passes.
 */
export type RollupStatus = "pass" | "open" | "none";

export type RollupWorkType = { code: string; nameZh: string; rollupDivision: string };
export type RollupLot = { status: string; workType: { code: string } };

export type SubItemRollup = {
  code: string;
  nameZh: string;
  accepted: number;
  total: number;
  status: RollupStatus;
};
export type DivisionRollup = { name: string; status: RollupStatus; subItems: SubItemRollup[] };

function combine(statuses: RollupStatus[]): RollupStatus {
  if (statuses.length > 0 && statuses.every((s) => s === "pass")) return "pass";
  if (statuses.every((s) => s === "none")) return "none";
  return "open";
}

export function rollUp(workTypes: RollupWorkType[], lots: RollupLot[]) {
  const counts = new Map<string, { accepted: number; total: number }>();
  for (const l of lots) {
    const c = counts.get(l.workType.code) ?? { accepted: 0, total: 0 };
    c.total += 1;
    if (l.status === "accepted") c.accepted += 1;
    counts.set(l.workType.code, c);
  }
  return rollUpCounts(workTypes, counts);
}

/** The same roll-up from lot counts per work type code (as SQL's GROUP BY gives them). */
export function rollUpCounts(
  workTypes: RollupWorkType[],
  counts: ReadonlyMap<string, { accepted: number; total: number }>,
) {
  const divisions = new Map<string, SubItemRollup[]>();
  for (const wt of workTypes) {
    const { accepted, total } = counts.get(wt.code) ?? { accepted: 0, total: 0 };
    const status: RollupStatus = total === 0 ? "none" : accepted === total ? "pass" : "open";
    const list = divisions.get(wt.rollupDivision) ?? [];
    list.push({ code: wt.code, nameZh: wt.nameZh, accepted, total, status });
    divisions.set(wt.rollupDivision, list);
  }
  const result: DivisionRollup[] = [...divisions].map(([name, subItems]) => ({
    name,
    subItems,
    status: combine(subItems.map((s) => s.status)),
  }));
  return { divisions: result, status: combine(result.map((d) => d.status)) };
}
