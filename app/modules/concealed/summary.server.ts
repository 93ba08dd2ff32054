/**
 * 隐蔽工程验收 (GB 50300-2013 §3.0.6-5): what the 分部 records and the 竣工验收 read of it.
 * CONTRACT: the concealed-work module implements it; the others only call it. Names are Chinese
 * (language of record).
 */
import type { Db } from "~/infra/db.server";
import { gapsFor } from "./records.server";

export type ConcealedWorkRecordSummary = {
  id: string;
  /** the 分部 of the plan it belongs to */
  division: string;
  /** what is covered, e.g. 暗敷导管 */
  work: string;
  place: string;
  signedAt: Date | null;
  signerName: string | null;
  href: string;
  /** requested | refused | signed (added by the concealed-work module) */
  status?: string;
  /** the plan's 分项 */
  subItem?: string;
};
export type ConcealedGap = {
  code: "concealedMissing" | "concealedUnsigned";
  division: string;
  params: { work: string; place: string };
  href: string;
};

/** Every 隐蔽工程验收 record of the compound (signed or not), oldest first. */
export async function concealedWorkRecords(
  db: Db,
  compoundId: string,
): Promise<ConcealedWorkRecordSummary[]> {
  const rows = await db.concealedWork.findMany({
    where: { compoundId },
    select: {
      id: true,
      division: true,
      subItem: true,
      work: true,
      placeLabel: true,
      status: true,
      signedAt: true,
      signedById: true,
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  const signerIds = [...new Set(rows.flatMap((r) => (r.signedById ? [r.signedById] : [])))];
  const signers = signerIds.length
    ? await db.user.findMany({
        where: { id: { in: signerIds } },
        select: { id: true, displayName: true },
      })
    : [];
  return rows.map((r) => ({
    id: r.id,
    division: r.division,
    subItem: r.subItem,
    work: r.work,
    place: r.placeLabel,
    status: r.status,
    signedAt: r.status === "signed" ? r.signedAt : null,
    signerName:
      r.status === "signed"
        ? (signers.find((s) => s.id === r.signedById)?.displayName ?? null)
        : null,
    href: `/concealed/${r.id}`,
  }));
}

/**
 * Required 隐蔽工程验收 records not yet made or not yet signed: one per planned place of the
 * approved plan whose work type has a concealed step (rules.ts), linking to the record or to
 * where it is made with the place preselected.
 */
export async function concealedWorkGaps(db: Db, compoundId: string): Promise<ConcealedGap[]> {
  return (await gapsFor(db, compoundId)).map((g) => ({
    code: g.code,
    division: g.division,
    params: { work: g.work, place: g.place },
    href: g.href,
  }));
}
