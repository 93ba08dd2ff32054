import { DomainError } from "~/infra/domain-error";
import type { MessageKey } from "~/locales/resources";
import { formatQuantity } from "./money";
import type { Gap } from "./rules";

// A refused claim or certification also lists the items it exceeds: the one error class carries
// code, status and params; the gaps ride beside it, keyed by the error itself.
const gapsByError = new WeakMap<DomainError, readonly Gap[]>();

/** Claimed or certified above what accepted lots cover (422), with the gap per item. */
export function coverageRefusal(
  code: Extract<MessageKey, "fund:errors.claimExceeds" | "fund:errors.certifyExceeds">,
  gaps: readonly Gap[],
): DomainError {
  const error = new DomainError(code, { status: 422, params: { count: gaps.length } });
  gapsByError.set(error, gaps);
  return error;
}

export function gapsOf(error: unknown): readonly Gap[] {
  return error instanceof DomainError ? (gapsByError.get(error) ?? []) : [];
}

export type GapView = {
  code: string;
  name: string;
  unit: string;
  claimed: string;
  accepted: string;
  prior: string;
  available: string;
  gap: string;
};

/** The gaps as the UI shows them, quantities as text. */
export function gapViews(error: unknown): GapView[] {
  const q = (milli: number) => formatQuantity(milli);
  return gapsOf(error).map((g) => ({
    code: g.code,
    name: g.name,
    unit: g.unit,
    claimed: q(g.milli),
    accepted: q(g.acceptedMilli),
    prior: q(g.priorMilli),
    available: q(g.availableMilli),
    gap: q(g.gapMilli),
  }));
}
