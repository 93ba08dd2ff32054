import type { Db } from "~/infra/db.server";
import { breakCollector, breakLabel, type RecordBreak } from "~/modules/audit/verify-words";
import { loadApp, rowsHash } from "./payments.server";

type Event = { action: string; entityId: string; payload: string };

/**
 * Replays payment applications against the chain: the status as the last event left it, every
 * signature row matching its event, and from certification on, the rows (quantities, amounts,
 * lots behind them, unit prices) still hashing to what the supervisor signed.
 */
export async function verifyPayments(db: Db, events: readonly Event[]) {
  const breaks: RecordBreak[] = [];
  const breakOf = breakCollector(breaks, "PaymentApplication");
  let signed = 0;
  const byApp = new Map<string, { action: string; payload: Record<string, unknown> }[]>();
  for (const e of events) {
    if (!e.action.startsWith("fund.")) continue;
    const list = byApp.get(e.entityId) ?? [];
    list.push({ action: e.action, payload: JSON.parse(e.payload) as Record<string, unknown> });
    byApp.set(e.entityId, list);
  }
  const apps = await db.paymentApplication.findMany({
    select: {
      id: true,
      signatures: { select: { step: true, contentHash: true, opinion: true } },
    },
  });
  for (const { id, signatures } of apps) {
    const app = await loadApp(db, id);
    const fail = breakOf(id, breakLabel.payment(app.number));
    const history = byApp.get(id) ?? [];
    if (!history.some((h) => h.action === "fund.apply")) {
      fail("audit:verify.payment.notApplied");
      continue;
    }
    const expected = history.at(-1)?.payload.to;
    if (app.status !== expected)
      fail("audit:verify.statusChanged", { status: app.status, expected: String(expected) });
    for (const s of signatures) {
      const event = history.find((h) => h.action === `fund.${s.step}`);
      if (
        !event ||
        event.payload.contentHash !== s.contentHash ||
        event.payload.opinion !== s.opinion
      )
        fail("audit:verify.payment.signatureChanged", { step: s.step });
    }
    for (const h of history) {
      const step = h.action.slice("fund.".length);
      if (!signatures.some((s) => s.step === step))
        fail("audit:verify.payment.signatureMissing", { step });
    }
    if (app.status === "applied") continue;
    signed += 1;
    const certified = history.find((h) => h.action === "fund.certify")?.payload.contentHash;
    const now = rowsHash(app);
    if (app.contentHash !== certified || now !== certified)
      fail("audit:verify.payment.hashMismatch", {
        certified: String(certified).slice(0, 16),
        now: now.slice(0, 16),
      });
    const pay = history.find((h) => h.action === "fund.pay")?.payload;
    if (pay) {
      const row = await db.paymentApplication.findUniqueOrThrow({
        where: { id },
        select: { paidSource: true, voucherNo: true },
      });
      if (row.paidSource !== pay.source || row.voucherNo !== pay.voucherNo)
        fail("audit:verify.payment.paymentChanged");
    }
  }
  return { breaks, signed };
}
