import type { Db } from "~/infra/db.server";
import { sha256Hex } from "~/modules/audit/record.server";
import type { Scope } from "~/modules/auth/permissions";
import { confirmPassword, contractWhere, FundError, type Viewer } from "./access.server";
import { type CertifiedContent, certifiedCanonical, claimCanonical } from "./content";
import { measureContract, signedLotHashes } from "./measure.server";
import { lineAmountFen, retentionFen, sumFen } from "./money";
import { IMMUTABLE_MESSAGE, loadApp, STALE_MESSAGE, sign, type Tx } from "./record.server";
import { type Claim, claimGaps, OPEN_STATES, type PaymentState } from "./rules";

export { IMMUTABLE_MESSAGE, loadApp, rowsHash } from "./record.server";
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
  if (!contract) throw new FundError("合同不存在或您无权查看", 404);
  const period = input.period.trim();
  if (!period) throw new FundError("请填写计量期间，例如 2021年5月");
  const wanted = input.lines.filter((l) => l.milli > 0);
  if (wanted.length === 0) throw new FundError("请至少填写一项本期完成工程量");
  const check = async (tx: Tx) => {
    const m = await measureContract(tx, contractId);
    if (!m) throw new FundError("合同不存在或您无权查看", 404);
    const items = new Map(m.items.map((i) => [i.id, i]));
    const claims: Claim[] = wanted.map((l) => {
      const item = items.get(l.billItemId);
      if (!item) throw new FundError("工程量清单项目不属于本合同");
      return {
        billItemId: item.id,
        code: item.code,
        name: item.name,
        unit: item.unit,
        milli: l.milli,
      };
    });
    const gaps = claimGaps(claims, measureMap(m.items));
    if (gaps.length > 0)
      throw new FundError("申报工程量超过已验收检验批覆盖的工程量，未提交：", 422, gaps);
    return m;
  };
  await check(db);
  await confirmPassword(db, viewer.id, input.password, now);
  return db.$transaction(async (tx) => {
    const m = await check(tx);
    const open = await tx.paymentApplication.count({
      where: { contractId, status: { in: [...OPEN_STATES] } },
    });
    if (open > 0) throw new FundError("本合同还有未完成的计量支付申请，完成后才能申请下一期", 409);
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
    await sign(tx, viewer, app.id, "apply", hash, "申请计量支付", now, {
      to: "applied",
      number,
      contractId,
      period,
      lines,
    });
    return app;
  });
}

function requireState(status: string, expected: PaymentState, what: string) {
  if (status === expected) return;
  if (status === "approved" || status === "paid" || status === "reversed")
    throw new FundError(IMMUTABLE_MESSAGE, 409);
  throw new FundError(`当前状态不能${what}`, 409);
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
    requireState(app.status, "applied", "审核");
    const m = await measureContract(tx, app.contractId, app.id);
    if (!m) throw new FundError("合同不存在", 404);
    const items = new Map(m.items.map((i) => [i.id, i]));
    const certified = app.lines.map((l) => {
      const q = input.quantities[l.id] ?? l.claimedMilli;
      if (q < 0 || q > l.claimedMilli)
        throw new FundError(`清单 ${l.billItem.code} 的审核量不能大于申报量或小于 0`);
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
    if (gaps.length > 0)
      throw new FundError("审核量超过已验收检验批覆盖的工程量，请核减：", 422, gaps);
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
    if (count !== 1) throw new FundError(STALE_MESSAGE, 409);
    await sign(tx, viewer, app.id, "certify", hash, input.opinion.trim() || "同意计量", now, {
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
    });
    return { contentHash: hash, grossFen: content.grossFen, netFen: content.netFen };
  });
}
