import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { PageHeader } from "~/components/page-header";
import { db } from "~/infra/db.server";
import { notFound, requireUser } from "~/modules/auth/require-user.server";
import { ZONE_KIND_LABELS, zoneKindLabel } from "~/modules/site/labels";
import { getCompound } from "~/modules/site/queries.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.compound.name ?? "小区"} · 验收` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, scope } = await requireUser(request, "compound.view");
  const compound = await getCompound(db(), params.compoundId ?? "", user, scope);
  if (!compound) notFound("小区");
  return { compound };
}

export default function CompoundPage() {
  const { compound } = useLoaderData<typeof loader>();
  const stairwellCount = compound.buildings.reduce((n, b) => n + b.stairwells.length, 0);
  const zoneKinds = Object.keys(ZONE_KIND_LABELS).filter((k) =>
    compound.zones.some((z) => z.kind === k),
  );
  return (
    <>
      <PageHeader
        title={compound.name}
        crumbs={[
          { to: "/projects", label: "项目" },
          { to: `/projects/${compound.project.id}`, label: compound.project.name },
        ]}
        subtitle={`${compound.address} · ${compound.households} 户 · ${compound.buildings.length} 栋 ${stairwellCount} 个单元 · ${compound.streetOffice?.name ?? ""}`}
      />
      <section className="contracts">
        {compound.contracts.map((c) => (
          <p key={c.name} className="contract">
            <span className="badge">{c.name}</span> 施工单位：{c.contractor.name}
          </p>
        ))}
      </section>

      <h2>楼栋与单元</h2>
      <ul className="building-list">
        {compound.buildings.map((b) => (
          <li key={b.id} className="building">
            <Link className="building-name" to={`/buildings/${b.id}`}>
              {b.name}
              <small>
                {b.floors} 层 · {b.structure} · {b.builtYear} 年
              </small>
            </Link>
            <div className="chips">
              {b.stairwells.map((s) => (
                <Link key={s.id} className="chip" to={`/stairwells/${s.id}`}>
                  {s.name}
                </Link>
              ))}
            </div>
          </li>
        ))}
      </ul>

      <h2>室外区域</h2>
      {zoneKinds.map((kind) => (
        <section key={kind} className="zone-group">
          <h3>{zoneKindLabel(kind)}</h3>
          <ul className="card-list">
            {compound.zones
              .filter((z) => z.kind === kind)
              .map((z) => (
                <li key={z.id}>
                  <Link className="card card-link" to={`/zones/${z.id}`}>
                    <strong>{z.name}</strong>
                    <span className="muted">{z.description}</span>
                  </Link>
                </li>
              ))}
          </ul>
        </section>
      ))}
    </>
  );
}
