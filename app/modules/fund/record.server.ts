import type { Prisma } from "~/generated/prisma/client";
import { DomainError } from "~/infra/domain-error";
import { recordEvent, sha256Hex } from "~/modules/audit/record.server";
import { DEFAULT_LNG } from "~/modules/i18n/config";
import { serverI18n } from "~/modules/i18n/i18n.server";
import type { Viewer } from "./access.server";
import { type CertifiedContent, certifiedCanonical } from "./content";

export type Tx = Prisma.TransactionClient;

/** Approved, paid or reversed: never changed again (decision 0013). */
export const immutable = () => new DomainError("fund:errors.immutable", { status: 409 });
/** Someone else moved the application on between the check and the write. */
export const stale = () => new DomainError("fund:errors.stale", { status: 409 });

/**
 * A signature's default opinion: part of the signed record, so in the language of record
 * (Chinese) whatever the signer's UI language.
 */
export function recordOpinion(step: "apply" | "certify" | "approve" | "pay"): string {
  return serverI18n(DEFAULT_LNG).getFixedT(DEFAULT_LNG, "fund")(`record.${step}`);
}

/** One signature row and its audit event, in the caller's transaction. */
export async function sign(
  tx: Tx,
  viewer: Viewer,
  applicationId: string,
  step: "apply" | "certify" | "approve" | "pay" | "reverse",
  contentHash: string,
  opinion: string,
  now: Date,
  data: Record<string, unknown>,
) {
  await tx.paymentSignature.create({
    data: { applicationId, step, userId: viewer.id, contentHash, opinion, signedAt: now },
  });
  await recordEvent(
    tx,
    {
      actorId: viewer.id,
      action: `fund.${step}`,
      entityType: "PaymentApplication",
      entityId: applicationId,
      data: { ...data, step, contentHash, opinion },
    },
    now,
  );
}

const APP_SELECT = {
  id: true,
  number: true,
  status: true,
  period: true,
  contractId: true,
  contentHash: true,
  grossFen: true,
  retentionFen: true,
  netFen: true,
  contract: { select: { retentionBp: true, contractorOrgId: true } },
  lines: {
    select: {
      id: true,
      billItemId: true,
      claimedMilli: true,
      certifiedMilli: true,
      amountFen: true,
      billItem: { select: { code: true, unit: true, unitPriceFen: true } },
      lots: { select: { lotId: true, capacityMilli: true, lotHash: true } },
    },
  },
} as const;

export async function loadApp(tx: Tx, id: string) {
  const app = await tx.paymentApplication.findUnique({ where: { id }, select: APP_SELECT });
  if (!app) throw new DomainError("fund:errors.applicationNotFound", { status: 404 });
  return app;
}

/** The certified content as the rows hold it now (for approve, pay, reverse and the verifier). */
export function contentFromRows(app: Awaited<ReturnType<typeof loadApp>>): CertifiedContent {
  return {
    number: app.number,
    contractId: app.contractId,
    period: app.period,
    retentionBp: app.contract.retentionBp,
    lines: app.lines.map((l) => ({
      billItemId: l.billItemId,
      code: l.billItem.code,
      unit: l.billItem.unit,
      unitPriceFen: l.billItem.unitPriceFen,
      claimedMilli: l.claimedMilli,
      certifiedMilli: l.certifiedMilli ?? 0,
      amountFen: l.amountFen ?? 0n,
      lots: l.lots,
    })),
    grossFen: app.grossFen ?? 0n,
    retentionFen: app.retentionFen ?? 0n,
    netFen: app.netFen ?? 0n,
  };
}

export const rowsHash = (app: Awaited<ReturnType<typeof loadApp>>) =>
  sha256Hex(certifiedCanonical(contentFromRows(app)));
