import type { Prisma } from "~/generated/prisma/client";
import type { Db } from "~/infra/db.server";
import { DomainError } from "~/infra/domain-error";
import { confirmPassword, type Viewer } from "./access.server";
import { immutable, loadApp, recordOpinion, rowsHash, sign, stale, type Tx } from "./record.server";
import { isFundSource, type PaymentState } from "./rules";

/** One signed step on a certified application whose rows must still hash to what was certified. */
async function signedStep(
  db: Db,
  viewer: Viewer,
  applicationId: string,
  step: "approve" | "pay" | "reverse",
  input: { password: string; opinion: string },
  now: Date,
  plan: (app: Awaited<ReturnType<typeof loadApp>>) => {
    from: PaymentState[];
    to: PaymentState;
    data: Prisma.PaymentApplicationUpdateManyMutationInput;
    event: Record<string, unknown>;
  },
) {
  const check = async (tx: Tx) => {
    const app = await loadApp(tx, applicationId);
    const p = plan(app);
    if (!p.from.includes(app.status as PaymentState)) {
      if (["approved", "paid", "reversed"].includes(app.status)) throw immutable();
      throw new DomainError(`fund:errors.wrongState.${step}`, { status: 409 });
    }
    if (rowsHash(app) !== app.contentHash)
      throw new DomainError("fund:errors.tampered", { status: 409 });
    return { app, p };
  };
  await check(db);
  await confirmPassword(db, viewer.id, input.password, now);
  return db.$transaction(async (tx) => {
    const { app, p } = await check(tx);
    const { count } = await tx.paymentApplication.updateMany({
      where: { id: app.id, status: app.status },
      data: { status: p.to, ...p.data },
    });
    if (count !== 1) throw stale();
    await sign(
      tx,
      viewer,
      app.id,
      step,
      app.contentHash ?? "",
      input.opinion.trim() || (step === "reverse" ? "" : recordOpinion(step)),
      now,
      {
        from: app.status,
        to: p.to,
        ...p.event,
      },
    );
    return { status: p.to };
  });
}

/** 建设单位 approves the certified application: from here on it never changes. */
export async function approvePayment(
  db: Db,
  viewer: Viewer,
  applicationId: string,
  input: { password: string; opinion: string },
  now = new Date(),
) {
  return signedStep(db, viewer, applicationId, "approve", input, now, () => ({
    from: ["certified"],
    to: "approved",
    data: {},
    event: {},
  }));
}

/** 财政局 records the payment of the net amount (gross less 质保金) from one fund source. */
export async function recordPayment(
  db: Db,
  viewer: Viewer,
  applicationId: string,
  input: { password: string; opinion: string; source: string; voucherNo: string },
  now = new Date(),
) {
  const voucherNo = input.voucherNo.trim();
  if (!isFundSource(input.source))
    throw new DomainError("fund:errors.sourceRequired", { status: 400, field: "source" });
  if (!voucherNo)
    throw new DomainError("fund:errors.voucherRequired", { status: 400, field: "voucherNo" });
  return signedStep(db, viewer, applicationId, "pay", input, now, (app) => ({
    from: ["approved"],
    to: "paid",
    data: { paidSource: input.source, voucherNo, paidAt: now },
    event: { source: input.source, voucherNo, netFen: (app.netFen ?? 0n).toString() },
  }));
}

/**
 * 冲正: an approved or paid application is never edited; a signed reversal entry cancels it
 * (a paid one as a negative entry of its net amount) and gives its quantities back.
 */
export async function reversePayment(
  db: Db,
  viewer: Viewer,
  applicationId: string,
  input: { password: string; reason: string },
  now = new Date(),
) {
  const reason = input.reason.trim();
  if (!reason)
    throw new DomainError("fund:errors.reasonRequired", { status: 400, field: "reason" });
  return signedStep(
    db,
    viewer,
    applicationId,
    "reverse",
    { password: input.password, opinion: reason },
    now,
    (app) => ({
      from: ["approved", "paid"],
      to: "reversed",
      data: { reversedAt: now, reverseReason: reason },
      event: {
        reason,
        reversedNetFen: app.status === "paid" ? (-(app.netFen ?? 0n)).toString() : "0",
      },
    }),
  );
}
