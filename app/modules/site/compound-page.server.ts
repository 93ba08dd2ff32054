import type { Db } from "~/infra/db.server";
import { type Scope, scopeFor } from "~/modules/auth/permissions";
import type { CurrentUser } from "~/modules/auth/session.server";
import { listWorkTypes } from "~/modules/checklist/queries.server";
import { compoundLotOverview } from "~/modules/lot/queries.server";
import { rollUpCounts } from "~/modules/lot/rollup";
import { MISSING_SHOWN } from "~/modules/plan/coverage-shown";
import { planOverview } from "~/modules/plan/plan.server";
import { ZONE_KINDS } from "./labels";
import { getCompound } from "./queries.server";

/**
 * A compound's page for the viewer: the register, the lots the viewer may see grouped by work
 * type, the roll-up (分项 → 分部 → 单位工程), the plan's coverage and the links the viewer may
 * follow. Null when the compound is not the viewer's to see.
 */
export async function compoundPage(db: Db, user: CurrentUser, scope: Scope, compoundId: string) {
  const compound = await getCompound(db, compoundId, user, scope);
  if (!compound) return null;
  const [overview, workTypes, plan] = await Promise.all([
    compoundLotOverview(db, compound.id, user, scopeFor(user.role, "lot.view")),
    listWorkTypes(db),
    planOverview(db, compound.id, MISSING_SHOWN.compoundPage),
  ]);
  return {
    compound,
    lots: overview.lots,
    totals: Object.fromEntries(overview.counts),
    summary: rollUpCounts(workTypes, overview.counts),
    coverage: plan?.summary ?? null,
    zoneKinds: ZONE_KINDS.filter((k) => compound.zones.some((z) => z.kind === k)),
    links: {
      raiseDefect: scopeFor(user.role, "defect.create") !== null,
      defects: scopeFor(user.role, "defect.view") !== null,
    },
  };
}
