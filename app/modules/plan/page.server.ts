import type { Db } from "~/infra/db.server";
import { type Scope, scopeFor } from "~/modules/auth/permissions";
import type { CurrentUser } from "~/modules/auth/session.server";
import { listWorkTypes } from "~/modules/checklist/queries.server";
import { getCompound } from "~/modules/site/queries.server";
import { isChiefSupervisor } from "./plan";
import { addablePlaces, planOverview } from "./plan.server";

/**
 * The 检验批划分方案 page for the viewer: the plan with its coverage per 分项, the places the
 * supervisor may still add, and what the viewer may do. Null when the compound is not theirs to
 * see. Status and place states are codes; the approval date an ISO string.
 */
export async function planPage(db: Db, user: CurrentUser, scope: Scope, compoundId: string) {
  const compound = await getCompound(db, compoundId, user, scope);
  if (!compound) return null;
  const overview = await planOverview(db, compound.id);
  const canManage = scopeFor(user.role, "plan.manage") !== null;
  const addable = overview && canManage ? await addablePlaces(db, overview.plan) : null;
  const workTypes =
    overview && canManage
      ? (await listWorkTypes(db)).map(({ code, nameZh, nameEn }) => ({ code, nameZh, nameEn }))
      : [];
  return {
    compound: { id: compound.id, name: compound.name },
    plan: overview && {
      status: overview.plan.status === "approved" ? ("approved" as const) : ("draft" as const),
      approvedAt: overview.plan.approvedAt?.toISOString() ?? null,
      totals: overview.totals,
      coverage: overview.coverage.map((s) => ({
        ...s,
        addable: (addable?.get(s.id) ?? []).map(({ value, label }) => ({ value, label })),
      })),
    },
    /** the tree's 分部 (suggested when a 分项 is added) and the work types that may record it */
    divisions: [...new Set(overview?.plan.subItems.map((s) => s.division) ?? [])],
    workTypes,
    canManage,
    canApprove: canManage && isChiefSupervisor(user) && overview?.plan.status === "draft",
    canOpenLots: scopeFor(user.role, "lot.create") !== null,
  };
}
export type PlanPageData = NonNullable<Awaited<ReturnType<typeof planPage>>>;
