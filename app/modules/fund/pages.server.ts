import type { Db } from "~/infra/db.server";
import { type Action, type Actor, type Scope, scopeFor } from "~/modules/auth/permissions";
import { contractOverview, getApplication, listContracts } from "./queries.server";
import { budgetSummary, varianceReport, varianceView } from "./reports.server";

// The funds pages' view models: what each page shows and which of its actions the viewer may
// take. Routes authorise, call one of these and render; they never query.

const may = (viewer: Actor, action: Action) => scopeFor(viewer.role, action) !== null;

/** 资金监管: the viewer's contracts; budget and totals over time for those who see them all. */
export async function fundsPage(db: Db, viewer: Actor, scope: Scope) {
  const contracts = await listContracts(db, viewer, scope);
  const overall = scope === "any";
  return {
    contracts,
    budget: overall ? await budgetSummary(db) : null,
    overTime: overall ? varianceView(await varianceReport(db)).overTime : [],
    canAudit: may(viewer, "fund.audit"),
  };
}

/** One contract's bill measured, its applications, and whether the viewer may apply now. */
export async function contractPage(db: Db, viewer: Actor, scope: Scope, id: string) {
  const overview = await contractOverview(db, id, viewer, scope);
  if (!overview) return null;
  return { ...overview, canApply: may(viewer, "fund.apply") && !overview.hasOpenApplication };
}

/** One application traced to its lots, and the step (if any) the viewer may sign now. */
export async function paymentPage(db: Db, viewer: Actor, scope: Scope, id: string) {
  const app = await getApplication(db, id, viewer, scope);
  if (!app) return null;
  const s = app.status;
  return {
    app,
    can: {
      certify: may(viewer, "fund.certify") && s === "applied",
      approve: may(viewer, "fund.approve") && s === "certified",
      pay: may(viewer, "fund.pay") && s === "approved",
      reverse: may(viewer, "fund.reverse") && (s === "approved" || s === "paid"),
      lots: may(viewer, "lot.view"),
    },
  };
}

export type PaymentPageData = NonNullable<Awaited<ReturnType<typeof paymentPage>>>;

/** A contract name's section part: "标段一（县农行老旧小区）" → "标段一" (parses data). */
const section = (name: string) => name.split(/[\uff08(]/)[0]!.trim();

/** 差异报表 for the auditor, and the exports the viewer may take. */
export async function variancePage(db: Db, viewer: Actor) {
  const view = varianceView(await varianceReport(db));
  return {
    ...view,
    rows: view.rows.map((r) => ({ ...r, section: section(r.contract) })),
    canExport: may(viewer, "report.export"),
    canVerify: may(viewer, "audit.view"),
  };
}
