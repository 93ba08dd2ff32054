import type { Db } from "~/infra/db.server";
import type { Actor, Scope } from "~/modules/auth/permissions";
import { contractWhere } from "./access.server";
import { CONTRACT_SELECT, measureContract } from "./measure.server";
import { formatFen, formatQuantity, lineAmountFen, sumFen } from "./money";
import { OPEN_STATES, type PaymentState } from "./rules";

const isOpen = (status: string) => OPEN_STATES.includes(status as PaymentState);

/** A payment application as its contract's list shows it. */
const APPLICATION_SUMMARY = {
  id: true,
  number: true,
  period: true,
  status: true,
  appliedAt: true,
  grossFen: true,
  netFen: true,
  paidAt: true,
} as const;

export async function listContracts(db: Db, viewer: Actor, scope: Scope) {
  const contracts = await db.contract.findMany({
    where: contractWhere(viewer, scope),
    orderBy: { name: "asc" },
    select: {
      ...CONTRACT_SELECT,
      billItems: { select: { quantityMilli: true, unitPriceFen: true } },
    },
  });
  return contracts.map((c) => ({
    id: c.id,
    name: c.name,
    compoundName: c.compound.name,
    contractorName: c.contractor.name,
    items: c.billItems.length,
    valueFen: formatFen(
      sumFen(c.billItems.map((b) => lineAmountFen(b.quantityMilli, b.unitPriceFen))),
    ),
  }));
}

/** A contract with its bill measured (contract / accepted / certified / paid) and its applications. */
export async function contractOverview(db: Db, id: string, viewer: Actor, scope: Scope) {
  const found = await db.contract.findFirst({
    where: { AND: [{ id }, contractWhere(viewer, scope)] },
    select: { id: true },
  });
  if (!found) return null;
  const m = await measureContract(db, found.id);
  if (!m) return null;
  const applications = await db.paymentApplication.findMany({
    where: { contractId: found.id },
    orderBy: { seq: "desc" },
    select: APPLICATION_SUMMARY,
  });
  const c = m.contract;
  return {
    contract: {
      id: c.id,
      name: c.name,
      compoundName: c.compound.name,
      contractorName: c.contractor.name,
      retention: `${formatQuantity(c.retentionBp * 10)}%`,
      warrantyEndsOn: c.warrantyEndsOn,
    },
    items: m.items.map((i) => ({
      id: i.id,
      code: i.code,
      name: i.name,
      unit: i.unit,
      workTypeName: i.workTypeName,
      unitPrice: formatFen(i.unitPriceFen),
      quantity: formatQuantity(i.quantityMilli),
      accepted: formatQuantity(i.accepted.acceptedMilli),
      beyondContract: i.accepted.uncappedMilli > i.quantityMilli,
      certified: formatQuantity(i.priorMilli),
      paid: formatQuantity(i.paidMilli),
      available: formatQuantity(Math.max(0, i.accepted.acceptedMilli - i.priorMilli)),
      lots: i.accepted.lots.length,
    })),
    applications: applications.map((a) => ({
      id: a.id,
      number: a.number,
      period: a.period,
      status: a.status,
      appliedAt: a.appliedAt,
      gross: a.grossFen === null ? "" : formatFen(a.grossFen),
      net: a.netFen === null ? "" : formatFen(a.netFen),
      paidAt: a.paidAt,
    })),
    hasOpenApplication: applications.some((a) => isOpen(a.status)),
  };
}

/**
 * One application traced to its evidence: each line's certified quantity, the accepted lots it
 * rests on (with the hash signed at acceptance, the lot's record and photos), and every signature.
 */
export async function getApplication(db: Db, id: string, viewer: Actor, scope: Scope) {
  const app = await db.paymentApplication.findFirst({
    where: { id, contract: contractWhere(viewer, scope) },
    select: {
      ...APPLICATION_SUMMARY,
      retentionFen: true,
      contentHash: true,
      paidSource: true,
      voucherNo: true,
      reversedAt: true,
      reverseReason: true,
      contract: { select: { id: true, name: true, retentionBp: true, warrantyEndsOn: true } },
      appliedBy: { select: { displayName: true } },
      lines: {
        select: {
          id: true,
          claimedMilli: true,
          certifiedMilli: true,
          amountFen: true,
          billItem: {
            select: { seq: true, code: true, name: true, unit: true, unitPriceFen: true },
          },
          lots: {
            select: {
              capacityMilli: true,
              lotHash: true,
              lot: {
                select: {
                  id: true,
                  number: true,
                  placeLabel: true,
                  status: true,
                  acceptedAt: true,
                  capacityUnit: true,
                  acceptedBy: { select: { displayName: true } },
                  _count: { select: { photos: true } },
                },
              },
            },
          },
        },
      },
      signatures: {
        orderBy: { signedAt: "asc" },
        select: {
          step: true,
          contentHash: true,
          opinion: true,
          signedAt: true,
          user: { select: { displayName: true, organization: { select: { name: true } } } },
        },
      },
    },
  });
  if (!app) return null;
  const fen = (v: bigint | null) => (v === null ? "" : formatFen(v));
  return {
    id: app.id,
    number: app.number,
    period: app.period,
    status: app.status,
    appliedAt: app.appliedAt,
    appliedBy: app.appliedBy.displayName,
    contract: { id: app.contract.id, name: app.contract.name },
    retention: `${formatQuantity(app.contract.retentionBp * 10)}%`,
    warrantyEndsOn: app.contract.warrantyEndsOn,
    gross: fen(app.grossFen),
    retentionAmount: fen(app.retentionFen),
    net: fen(app.netFen),
    contentHash: app.contentHash,
    paid: app.paidAt
      ? { source: app.paidSource ?? "", voucherNo: app.voucherNo ?? "", at: app.paidAt }
      : null,
    reversed: app.reversedAt ? { at: app.reversedAt, reason: app.reverseReason ?? "" } : null,
    lines: [...app.lines]
      .sort((a, b) => a.billItem.seq - b.billItem.seq)
      .map((l) => ({
        id: l.id,
        code: l.billItem.code,
        name: l.billItem.name,
        unit: l.billItem.unit,
        unitPrice: formatFen(l.billItem.unitPriceFen),
        claimed: formatQuantity(l.claimedMilli),
        claimedMilli: l.claimedMilli,
        certified: l.certifiedMilli === null ? "" : formatQuantity(l.certifiedMilli),
        reduced: l.certifiedMilli !== null && l.certifiedMilli < l.claimedMilli,
        amount: fen(l.amountFen),
        lots: l.lots.map((x) => ({
          id: x.lot.id,
          number: x.lot.number,
          placeLabel: x.lot.placeLabel,
          capacity: `${formatQuantity(x.capacityMilli)} ${x.lot.capacityUnit ?? ""}`.trim(),
          lotHash: x.lotHash,
          statusNow: x.lot.status,
          acceptedAt: x.lot.acceptedAt,
          acceptedBy: x.lot.acceptedBy?.displayName ?? "",
          photos: x.lot._count.photos,
        })),
      })),
    signatures: app.signatures.map((s) => ({
      step: s.step,
      name: s.user.displayName,
      organization: s.user.organization.name,
      contentHash: s.contentHash,
      opinion: s.opinion,
      signedAt: s.signedAt,
    })),
  };
}
