import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { PageHeader } from "~/components/page-header";
import { WorkTypeLinks } from "~/components/work-type-links";
import { db } from "~/infra/db.server";
import { scopeFor } from "~/modules/auth/permissions";
import { notFound, requireUser } from "~/modules/auth/require-user.server";
import { workTypesForPlace } from "~/modules/checklist/queries.server";
import { lotsAtPlace } from "~/modules/lot/queries.server";
import { getBuilding } from "~/modules/site/queries.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, scope } = await requireUser(request, "compound.view");
  const building = await getBuilding(db(), params.buildingId ?? "", user, scope);
  if (!building) notFound("building");
  return {
    building,
    workTypes: await workTypesForPlace(db(), { placeKind: "building" }),
    lots: await lotsAtPlace(
      db(),
      { buildingId: building.id },
      user,
      scopeFor(user.role, "lot.view"),
    ),
    newLotQuery: scopeFor(user.role, "lot.create")
      ? `placeKind=building&placeId=${building.id}`
      : undefined,
  };
}

export default function BuildingPage() {
  const { building, workTypes, lots, newLotQuery } = useLoaderData<typeof loader>();
  const { compound } = building;
  return (
    <>
      <PageHeader
        title={`${compound.name} ${building.name}`}
        crumbs={[
          { to: `/projects/${compound.project.id}`, label: compound.project.name },
          { to: `/compounds/${compound.id}`, label: compound.name },
        ]}
        subtitle={`${building.floors} 层 · ${building.structure ?? ""} · ${building.builtYear ?? ""} 年建成`}
      />
      <h2>单元（楼道）</h2>
      <ul className="card-grid">
        {building.stairwells.map((s) => (
          <li key={s.id}>
            <Link className="card card-link" to={`/stairwells/${s.id}`}>
              <strong className="card-title">{s.name}</strong>
              <span className="muted">
                {s.floors} 层 · {s.households} 户
              </span>
            </Link>
          </li>
        ))}
      </ul>
      {workTypes.length > 0 ? (
        <>
          <h2>按楼栋验收的工程类别</h2>
          <WorkTypeLinks workTypes={workTypes} lots={lots} newLotQuery={newLotQuery} />
        </>
      ) : null}
    </>
  );
}
