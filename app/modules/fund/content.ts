import { canonicalJson } from "~/modules/audit/canonical";

/** What the certify, approve, pay and reverse signatures bind: the application as certified. */
export type CertifiedContent = {
  number: string;
  contractId: string;
  period: string;
  retentionBp: number;
  lines: {
    billItemId: string;
    code: string;
    unit: string;
    unitPriceFen: bigint;
    claimedMilli: number;
    certifiedMilli: number;
    amountFen: bigint;
    lots: { lotId: string; capacityMilli: number; lotHash: string }[];
  }[];
  grossFen: bigint;
  retentionFen: bigint;
  netFen: bigint;
};

/** Canonical JSON (RFC 8785) with fen as decimal strings: the exact bytes the hash covers. */
export function certifiedCanonical(c: CertifiedContent): string {
  return canonicalJson({
    ...c,
    lines: [...c.lines]
      .sort((a, b) => a.code.localeCompare(b.code))
      .map((l) => ({
        ...l,
        unitPriceFen: l.unitPriceFen.toString(),
        amountFen: l.amountFen.toString(),
        lots: [...l.lots].sort((a, b) => a.lotId.localeCompare(b.lotId)),
      })),
    grossFen: c.grossFen.toString(),
    retentionFen: c.retentionFen.toString(),
    netFen: c.netFen.toString(),
  });
}

/** What the contractor's application signature binds: the claim. */
export function claimCanonical(c: {
  number: string;
  contractId: string;
  period: string;
  lines: { billItemId: string; claimedMilli: number }[];
}): string {
  return canonicalJson({
    ...c,
    lines: [...c.lines].sort((a, b) => a.billItemId.localeCompare(b.billItemId)),
  });
}
