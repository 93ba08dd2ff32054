import type { Db } from "~/infra/db.server";
import { DomainError } from "~/infra/domain-error";
import { sha256Hex } from "~/modules/audit/record.server";
import type { Scope } from "~/modules/auth/permissions";
import { confirmPassword, contractWhere, type Viewer } from "./access.server";
import { type CertifiedContent, certifiedCanonical, claimCanonical } from "./content";
import { measureContract, signedLotHashes } from "./measure.server";
import { lineAmountFen, retentionFen, sumFen } from "./money";
import { immutable, loadApp, recordOpinion, sign, stale, type Tx } from "./record.server";
import { coverageRefusal } from "./refusal";
import { type Claim, claimGaps, OPEN_STATES } from "./rules";

export { loadApp, rowsHash } from "./record.server";
export { approvePayment, recordPayment, reversePayment } from "./steps.server";

function measureMap(items: NonNullable<Awaited<ReturnType<typeof measureContract>>>["items"]) {
  return new Map(
    items.map((i) => [i.id, { acceptedMilli: i.accepted.acceptedMilli, priorMilli: i.priorMilli }]),
  );
}

/** 施工单位 applies for a progress payment: quantities done per bill item, each covered by accepted lots. */
export async function applyPayment(
  db: Db,
  viewer: Viewer,
  scope: Scope,
  contractId: string,
  input: { period: string; lines: { billItemId: string; milli: number }[]; password: string },
  now = new Date(),
) {
  const contract = await db.contract.findFirst({
    where: { AND: [{ id: contractId }, contractWhere(viewer, scope)] },
    select: { id: true },
  });
  if (!contract) throw notFound();
  const period = input.period.trim();
  if (!period)
    throw new DomainError("fund:errors.periodRequired", { status: 400, field: "period" });
  const wanted = input.lines.filter((l) => l.milli > 0);
  if (wanted.length === 0) throw new DomainError("fund:errors.noLines", { status: 400 });
  const check = async (tx: Tx) => {
    const m = await measureContract(tx, contractId);
    if (!m) throw notFound();
    const items = new Map(m.items.map((i) => [i.id, i]));
    const claims: Claim[] = wanted.map((l) => {
      const item = items.get(l.billItemId);
      if (!item) throw new DomainError("fund:errors.itemNotInContract", { status: 400 });
      return {
        billItemId: item.id,
        code: item.code,
        name: item.name,
        unit: item.unit,
        milli: l.milli,
      };
    });
    const gaps = claimGaps(claims, measureMap(m.items));
    if (gaps.length > 0) throw coverageRefusal("fund:errors.claimExceeds", gaps);
    return m;
  };
  await check(db);
  await confirmPassword(db, viewer.id, input.password, now);
  return db.$transaction(async (tx) => {
    const m = await check(tx);
    const open = await tx.paymentApplication.count({
      where: { contractId, status: { in: [...OPEN_STATES] } },
    });
    if (open > 0) throw new DomainError("fund:errors.openApplication", { status: 409 });
    const last = await tx.paymentApplication.findFirst({
      where: { contractId },
      orderBy: { seq: "desc" },
      select: { seq: true },
    });
    const seq = (last?.seq ?? 0) + 1;
    const number = `${m.contract.compound.code}-JL-${String(seq).padStart(3, "0")}`;
    const app = await tx.paymentApplication.create({
      data: {
        contractId,
        seq,
        number,
        period,
        appliedById: viewer.id,
        appliedAt: now,
        lines: {
          create: wanted.map((l) => ({ billItemId: l.billItemId, claimedMilli: l.milli })),
        },
      },
      select: { id: true, number: true },
    });
    const lines = wanted.map((l) => ({ billItemId: l.billItemId, claimedMilli: l.milli }));
    const hash = sha256Hex(claimCanonical({ number, contractId, period, lines }));
    await sign(tx, viewer, app.id, "apply", hash, recordOpinion("apply"), now, {
      to: "applied",
      number,
      contractId,
      period,
      lines,
    });
    return app;
  });
}

const notFound = () => new DomainError("fund:errors.contractNotFound", { status: 404 });

function requireApplied(status: string) {
  if (status === "applied") return;
  if (status === "approved" || status === "paid" || status === "reversed") throw immutable();
  throw new DomainError("fund:errors.wrongState.certify", { status: 409 });
}

/**
 * 监理 certifies: each line at most what was claimed (they may reduce it), and never above what
 * accepted lots cover less earlier certified applications. The accepted lots behind each line
 * are recorded with the hash signed at their acceptance, and the whole is hashed and signed.

 */
export async function certifyPayment(
  db: Db,
  viewer: Viewer,
  applicationId: string,
  input: { quantities: Record<string, number>; password: string; opinion: string },
  now = new Date(),
) {
  const prepare = async (tx: Tx) => {
    const app = await loadApp(tx, applicationId);
    requireApplied(app.status);
    const m = await measureContract(tx, app.contractId, app.id);
    if (!m) throw new DomainError("fund:errors.contractGone", { status: 404 });
    const items = new Map(m.items.map((i) => [i.id, i]));
    const certified = app.lines.map((l) => {
      const q = input.quantities[l.id] ?? l.claimedMilli;
      if (q < 0 || q > l.claimedMilli)
        throw new DomainError("fund:errors.certifyRange", {
          status: 400,
          params: { code: l.billItem.code },
        });
      return { line: l, item: items.get(l.billItemId)!, milli: q };
    });
    const gaps = claimGaps(
      certified.map((c) => ({
        billItemId: c.item.id,
        code: c.item.code,
        name: c.item.name,
        unit: c.item.unit,
        milli: c.milli,
      })),
      measureMap(m.items),
    );
    if (gaps.length > 0) throw coverageRefusal("fund:errors.certifyExceeds", gaps);
    const hashes = await signedLotHashes(
      tx,
      certified.flatMap((c) => c.item.accepted.lots.map((l) => l.id)),
    );
    const lines = certified.map((c) => ({
      lineId: c.line.id,
      billItemId: c.item.id,
      code: c.item.code,
      unit: c.item.unit,
      unitPriceFen: c.item.unitPriceFen,
      claimedMilli: c.line.claimedMilli,
      certifiedMilli: c.milli,
      amountFen: lineAmountFen(c.milli, c.item.unitPriceFen),
      lots:
        c.milli > 0
          ? c.item.accepted.lots.map((l) => ({
              lotId: l.id,
              capacityMilli: l.capacityMilli,
              lotHash: hashes.get(l.id) ?? "",
            }))
          : [],
    }));
    const grossFen = sumFen(lines.map((l) => l.amountFen));
    const held = retentionFen(grossFen, app.contract.retentionBp);
    const content: CertifiedContent = {
      number: app.number,
      contractId: app.contractId,
      period: app.period,
      retentionBp: app.contract.retentionBp,
      lines: lines.map(({ lineId: _, ...l }) => l),
      grossFen,
      retentionFen: held,
      netFen: grossFen - held,
    };
    return { app, lines, content, hash: sha256Hex(certifiedCanonical(content)) };
  };
  await prepare(db);
  await confirmPassword(db, viewer.id, input.password, now);
  return db.$transaction(async (tx) => {
    const { app, lines, content, hash } = await prepare(tx);
    for (const l of lines) {
      await tx.paymentLine.update({
        where: { id: l.lineId },
        data: {
          certifiedMilli: l.certifiedMilli,
          amountFen: l.amountFen,
          lots: { create: l.lots },
        },
      });
    }
    const { count } = await tx.paymentApplication.updateMany({
      where: { id: app.id, status: "applied" },
      data: {
        status: "certified",
        grossFen: content.grossFen,
        retentionFen: content.retentionFen,
        netFen: content.netFen,
        contentHash: hash,
      },
    });
    if (count !== 1) throw stale();
    await sign(
      tx,
      viewer,
      app.id,
      "certify",
      hash,
      input.opinion.trim() || recordOpinion("certify"),
      now,
      {
        from: "applied",
        to: "certified",
        lines: lines.map((l) => ({
          billItemId: l.billItemId,
          claimedMilli: l.claimedMilli,
          certifiedMilli: l.certifiedMilli,
          amountFen: l.amountFen.toString(),
          lotIds: l.lots.map((x) => x.lotId),
        })),
        grossFen: content.grossFen.toString(),
        retentionFen: content.retentionFen.toString(),
        netFen: content.netFen.toString(),
      },
    );
    return { contentHash: hash, grossFen: content.grossFen, netFen: content.netFen };
  });
}
