import type { Db } from "~/infra/db.server";

/**
 * The ladder's rows the acceptance prerequisites read (decision 0033): which contractors have
 * submitted their 竣工报告 and the latest 预验收's conclusion. Not part of the content hash.
 */
export async function ladderRows(db: Db, compoundId: string) {
  const [reports, latest] = await Promise.all([
    db.completionReport.findMany({ where: { compoundId }, select: { contractorOrgId: true } }),
    db.preAcceptance.findFirst({
      where: { compoundId },
      select: { conclusion: true },
      orderBy: { recordedAt: "desc" },
    }),
  ]);
  const conclusion = latest?.conclusion;
  const preAcceptance: "pass" | "fail" | null =
    conclusion === "pass" || conclusion === "fail" ? conclusion : null;
  return { reported: reports.map((r) => r.contractorOrgId), preAcceptance };
}
