import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { PageHeader } from "~/components/page-header";
import { WorkTypeLinks } from "~/components/work-type-links";
import { db } from "~/infra/db.server";
import { scopeFor } from "~/modules/auth/permissions";
import { notFound, requireUser } from "~/modules/auth/require-user.server";
import { workTypesForPlace } from "~/modules/checklist/queries.server";
import { lotsAtPlace } from "~/modules/lot/queries.server";
import { zoneKindLabel } from "~/modules/site/labels";
import { getZone } from "~/modules/site/queries.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, scope } = await requireUser(request, "compound.view");
  const zone = await getZone(db(), params.zoneId ?? "", user, scope);
  if (!zone) notFound("zone");
  const workTypes = await workTypesForPlace(db(), { placeKind: "zone", zoneKind: zone.kind });
  return {
    zone,
    workTypes,
    lots: await lotsAtPlace(db(), { zoneId: zone.id }, user, scopeFor(user.role, "lot.view")),
    newLotQuery: scopeFor(user.role, "lot.create")
      ? `placeKind=zone&placeId=${zone.id}`
      : undefined,
  };
}

export default function ZonePage() {
  const { zone, workTypes, lots, newLotQuery } = useLoaderData<typeof loader>();
  const { compound } = zone;
  return (
    <>
      <PageHeader
        title={zone.name}
        crumbs={[
          { to: `/projects/${compound.project.id}`, label: compound.project.name },
          { to: `/compounds/${compound.id}`, label: compound.name },
        ]}
        subtitle={`${zoneKindLabel(zone.kind)} · ${zone.description}`}
      />
      <h2>本区域的检查工程类别</h2>
      <WorkTypeLinks workTypes={workTypes} lots={lots} newLotQuery={newLotQuery} />
    </>
  );
}
