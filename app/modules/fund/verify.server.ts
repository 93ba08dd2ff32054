import type { Db } from "~/infra/db.server";
import { loadApp, rowsHash } from "./payments.server";

type Break = { entityType: string; entityId: string; label: string; messageZh: string };
type Event = { action: string; entityId: string; payload: string };

/**
 * Replays payment applications against the chain: the status as the last event left it, every
 * signature row matching its event, and from certification on, the rows (quantities, amounts,
 * lots behind them, unit prices) still hashing to what the supervisor signed.
 */
export async function verifyPayments(db: Db, events: readonly Event[]) {
  const breaks: Break[] = [];
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
    const label = `计量支付 ${app.number}`;
    const fail = (messageZh: string) =>
      breaks.push({ entityType: "PaymentApplication", entityId: id, label, messageZh });
    const history = byApp.get(id) ?? [];
    if (!history.some((h) => h.action === "fund.apply")) {
      fail("没有申请记录：计量支付不是通过系统申请的");
      continue;
    }
    const expected = history.at(-1)?.payload.to;
    if (app.status !== expected)
      fail(`状态为“${app.status}”，但操作记录中最后的状态是“${String(expected)}”：状态被直接修改`);
    for (const s of signatures) {
      const event = history.find((h) => h.action === `fund.${s.step}`);
      if (
        !event ||
        event.payload.contentHash !== s.contentHash ||
        event.payload.opinion !== s.opinion
      )
        fail(`“${s.step}”签字与操作记录不一致`);
    }
    for (const h of history) {
      const step = h.action.slice("fund.".length);
      if (!signatures.some((s) => s.step === step)) fail(`操作记录中的“${step}”签字缺失`);
    }
    if (app.status === "applied") continue;
    signed += 1;
    const certified = history.find((h) => h.action === "fund.certify")?.payload.contentHash;
    const now = rowsHash(app);
    if (app.contentHash !== certified || now !== certified)
      fail(
        `计量内容哈希不符：审核签认时 ${String(certified).slice(0, 16)}…，现在 ${now.slice(0, 16)}…`,
      );
    const pay = history.find((h) => h.action === "fund.pay")?.payload;
    if (pay) {
      const row = await db.paymentApplication.findUniqueOrThrow({
        where: { id },
        select: { paidSource: true, voucherNo: true },
      });
      if (row.paidSource !== pay.source || row.voucherNo !== pay.voucherNo)
        fail("支付的资金来源或凭证号与登记时不一致");
    }
  }
  return { breaks, signed };
}
