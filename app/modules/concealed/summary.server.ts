/**
 * 隐蔽工程验收 (GB 50300-2013 §3.0.6-5): what the 分部 records and the 竣工验收 read of it.
 * CONTRACT: the concealed-work module implements it; the others only call it. Names are Chinese
 * (language of record).
 */
import type { Db } from "~/infra/db.server";

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
};
export type ConcealedGap = {
  code: "concealedMissing" | "concealedUnsigned";
  division: string;
  params: { work: string; place: string };
  href: string;
};

export async function concealedWorkRecords(
  _db: Db,
  _compoundId: string,
): Promise<ConcealedWorkRecordSummary[]> {
  return [];
}

/** Required 隐蔽工程验收 records not yet made or not yet signed. */
export async function concealedWorkGaps(_db: Db, _compoundId: string): Promise<ConcealedGap[]> {
  return [];
}
