import type { Prisma } from "~/generated/prisma/client";
import { recordEvent, sha256Hex } from "~/modules/audit/record.server";
import type { Viewer } from "./access.server";
import { FundError } from "./access.server";
import { type CertifiedContent, certifiedCanonical } from "./content";

export type Tx = Prisma.TransactionClient;

export const IMMUTABLE_MESSAGE = "已审批的计量支付不可更改，如有错误只能冲正";
export const STALE_MESSAGE = "计量支付状态已被他人更改，请刷新后重试";

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
  if (!app) throw new FundError("计量支付申请不存在", 404);
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
