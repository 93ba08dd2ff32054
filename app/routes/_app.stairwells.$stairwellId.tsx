import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { PageHeader } from "~/components/page-header";
import { WorkTypeLinks } from "~/components/work-type-links";
import { db } from "~/infra/db.server";
import { scopeFor } from "~/modules/auth/permissions";
import { notFound, requireUser } from "~/modules/auth/require-user.server";
import { workTypesForPlace } from "~/modules/checklist/queries.server";
import { lotsAtPlace } from "~/modules/lot/queries.server";
import { getStairwell } from "~/modules/site/queries.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, scope } = await requireUser(request, "compound.view");
  const stairwell = await getStairwell(db(), params.stairwellId ?? "", user, scope);
  if (!stairwell) notFound("stairwell");
  return {
    stairwell,
    workTypes: await workTypesForPlace(db(), { placeKind: "stairwell" }),
    lots: await lotsAtPlace(
      db(),
      { stairwellId: stairwell.id },
      user,
      scopeFor(user.role, "lot.view"),
    ),
    newLotQuery: scopeFor(user.role, "lot.create")
      ? `placeKind=stairwell&placeId=${stairwell.id}`
      : undefined,
  };
}

export default function StairwellPage() {
  const { stairwell, workTypes, lots, newLotQuery } = useLoaderData<typeof loader>();
  const { building } = stairwell;
  const { compound } = building;
  return (
    <>
      <PageHeader
        title={`${compound.name} ${building.name} ${stairwell.name}`}
        crumbs={[
          { to: `/projects/${compound.project.id}`, label: compound.project.name },
          { to: `/compounds/${compound.id}`, label: compound.name },
          { to: `/buildings/${building.id}`, label: building.name },
        ]}
        subtitle={`楼道 ${stairwell.floors} 层 · ${stairwell.households} 户`}
      />
      <h2>本单元的检查工程类别</h2>
      <WorkTypeLinks workTypes={workTypes} lots={lots} newLotQuery={newLotQuery} />
    </>
  );
}
