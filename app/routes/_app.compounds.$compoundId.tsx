import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { PageHeader } from "~/components/page-header";
import { PlanCoverage } from "~/components/plan-coverage";
import { db } from "~/infra/db.server";
import { scopeFor } from "~/modules/auth/permissions";
import { notFound, requireUser } from "~/modules/auth/require-user.server";
import { listWorkTypes } from "~/modules/checklist/queries.server";
import { compoundLotOverview } from "~/modules/lot/queries.server";
import { ROLLUP_LABELS, rollUpCounts } from "~/modules/lot/rollup";
import { isLotState, LOT_STATE_LABELS_ZH } from "~/modules/lot/workflow";
import { planOverview } from "~/modules/plan/plan.server";
import { ZONE_KIND_LABELS, zoneKindLabel } from "~/modules/site/labels";
import { getCompound } from "~/modules/site/queries.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.compound.name ?? "小区"} · 验收` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, scope } = await requireUser(request, "compound.view");
  const compound = await getCompound(db(), params.compoundId ?? "", user, scope);
  if (!compound) notFound("compound");
  const [overview, workTypes, plan] = await Promise.all([
    compoundLotOverview(db(), compound.id, user, scopeFor(user.role, "lot.view")),
    listWorkTypes(db()),
    planOverview(db(), compound.id),
  ]);
  const summary = rollUpCounts(workTypes, overview.counts);
  const totals = Object.fromEntries(overview.counts);
  return {
    compound,
    lots: overview.lots,
    totals,
    summary,
    coverage: plan?.summary ?? null,
    links: {
      raiseDefect: scopeFor(user.role, "defect.create") !== null,
      defects: scopeFor(user.role, "defect.view") !== null,
    },
  };
}

export default function CompoundPage() {
  const { compound, lots, totals, summary, coverage, links } = useLoaderData<typeof loader>();
  const byWorkType = new Map<string, typeof lots>();
  for (const lot of lots)
    byWorkType.set(lot.workType.nameZh, [...(byWorkType.get(lot.workType.nameZh) ?? []), lot]);
  const all = Object.values(totals).reduce(
    (n, t) => ({ accepted: n.accepted + t.accepted, total: n.total + t.total }),
    { accepted: 0, total: 0 },
  );
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
        actions={
          <>
            {links.defects ? (
              <Link className="button" to={`/defects?compoundId=${compound.id}`}>
                质量问题
              </Link>
            ) : null}
            {links.raiseDefect ? (
              <Link className="button button-primary" to={`/defects/new?compoundId=${compound.id}`}>
                登记质量问题
              </Link>
            ) : null}
          </>
        }
      />
      <p className="export-links">
        <Link className="button button-primary" to={`/compounds/${compound.id}/acceptance`}>
          竣工验收
        </Link>
        <Link className="button" to={`/compounds/${compound.id}/plan`}>
          检验批划分方案
        </Link>
        <Link className="button" to={`/lots?compoundId=${compound.id}`}>
          检验批清单
        </Link>
        <Link className="button" to={`/compounds/${compound.id}/drawings`}>
          图纸
        </Link>
        <Link className="button" to={`/compounds/${compound.id}/qr`}>
          公示二维码
        </Link>
      </p>
      <section className="contracts">
        {compound.contracts.map((c) => (
          <p key={c.name} className="contract">
            <span className="badge">{c.name}</span> 施工单位：{c.contractor.name}
          </p>
        ))}
      </section>

      <h2>检验批覆盖（按划分方案）</h2>
      <PlanCoverage compoundId={compound.id} coverage={coverage} />

      <h2>
        质量验收汇总{" "}
        <small className={`rollup-${summary.status}`}>
          单位工程：{ROLLUP_LABELS[summary.status]}
        </small>
      </h2>
      <table className="table rollup">
        <thead>
          <tr>
            <th>分部工程</th>
            <th>分项（工程类别）</th>
            <th>检验批 已验收/共</th>
            <th>结论</th>
          </tr>
        </thead>
        <tbody>
          {summary.divisions.flatMap((d) =>
            d.subItems.map((s, i) => (
              <tr key={s.code} data-work-type={s.code}>
                {i === 0 ? (
                  <th rowSpan={d.subItems.length} scope="rowgroup">
                    {d.name}
                    <br />
                    <span className={`badge rollup-${d.status}`}>{ROLLUP_LABELS[d.status]}</span>
                  </th>
                ) : null}
                <td>{s.nameZh}</td>
                <td>
                  {s.accepted} / {s.total}
                </td>
                <td>
                  <span className={`badge rollup-${s.status}`}>{ROLLUP_LABELS[s.status]}</span>
                </td>
              </tr>
            )),
          )}
        </tbody>
      </table>

      <h2>
        检验批{" "}
        <small>
          已验收 {all.accepted} / 共 {all.total} 个
        </small>
      </h2>
      {lots.length === 0 ? (
        <p className="empty">尚未新建检验批。在单元或室外区域页面选择工程类别即可新建。</p>
      ) : (
        <ul className="card-list lot-groups">
          {[...byWorkType].map(([name, group]) => (
            <li key={name} className="card">
              <strong>
                {name}{" "}
                <small className="muted">
                  已验收 {totals[group[0]!.workType.code]?.accepted ?? 0} /{" "}
                  {totals[group[0]!.workType.code]?.total ?? group.length}
                </small>
              </strong>
              <div className="chips">
                {group.map((l) => (
                  <Link
                    key={l.id}
                    className={`chip lot-chip status-${l.status}`}
                    to={`/lots/${l.id}`}
                  >
                    {l.placeLabel} ·{" "}
                    {isLotState(l.status) ? LOT_STATE_LABELS_ZH[l.status] : l.status}
                  </Link>
                ))}
                {(totals[group[0]!.workType.code]?.total ?? 0) > group.length ? (
                  <Link
                    className="chip"
                    to={`/lots?compoundId=${compound.id}&workType=${group[0]!.workType.code}`}
                  >
                    查看全部 {totals[group[0]!.workType.code]?.total} 个
                  </Link>
                ) : null}
              </div>
            </li>
          ))}
        </ul>
      )}

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
