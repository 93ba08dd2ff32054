import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { OfflinePrepare } from "~/components/offline/offline-prepare";
import { PageHeader } from "~/components/page-header";
import { PlanCoverage } from "~/components/plan-coverage";
import { Data, Worded } from "~/components/worded";
import type { AnyT } from "~/modules/acceptance/words";
import { requestT } from "~/modules/auth/language.server";
import { notFound, requireUser } from "~/modules/auth/require-user.server";
import { isLotState } from "~/modules/lot/workflow";
import { compoundPage } from "~/modules/site/compound-page.server";

export const handle = { i18n: ["site", "plan", "lot", "evidence", "division", "concealed"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, scope, db } = await requireUser(request, "compound.view");
  const page = await compoundPage(db, user, scope, params.compoundId ?? "");
  if (!page) notFound("compound");
  const t: AnyT = await requestT(request);
  return { ...page, title: t("site:compound.title", { compound: page.compound.name }) };
}

export default function CompoundPage() {
  const { compound, lots, totals, summary, coverage, links, zoneKinds } =
    useLoaderData<typeof loader>();
  const { t } = useTranslation("site");
  const { t: te } = useTranslation("evidence");
  const { t: tDivision } = useTranslation("division");
  const { t: tc } = useTranslation("concealed");
  const byWorkType = new Map<string, typeof lots>();
  for (const lot of lots)
    byWorkType.set(lot.workType.nameZh, [...(byWorkType.get(lot.workType.nameZh) ?? []), lot]);
  const all = Object.values(totals).reduce(
    (n, c) => ({ accepted: n.accepted + c.accepted, total: n.total + c.total }),
    { accepted: 0, total: 0 },
  );
  const stairwellCount = compound.buildings.reduce((n, b) => n + b.stairwells.length, 0);
  return (
    <>
      <PageHeader
        title={<Data>{compound.name}</Data>}
        crumbs={[
          { to: "/projects", label: t("things.projects") },
          { to: `/projects/${compound.project.id}`, label: compound.project.name, data: true },
        ]}
        subtitle={
          <Worded
            ns="site"
            k="compound.subtitle"
            values={{
              address: compound.address,
              households: compound.households,
              buildings: compound.buildings.length,
              stairwells: stairwellCount,
              street: compound.streetOffice?.name ?? "",
            }}
          />
        }
        actions={
          <>
            {links.defects ? (
              <Link className="button" to={`/defects?compoundId=${compound.id}`}>
                {t("compound.defects")}
              </Link>
            ) : null}
            {links.raiseDefect ? (
              <Link className="button button-primary" to={`/defects/new?compoundId=${compound.id}`}>
                {t("compound.raiseDefect")}
              </Link>
            ) : null}
          </>
        }
      />
      <p className="export-links">
        <Link className="button button-primary" to={`/compounds/${compound.id}/acceptance`}>
          {t("compound.acceptance")}
        </Link>
        <Link className="button" to={`/compounds/${compound.id}/plan`}>
          {t("compound.plan")}
        </Link>
        <Link className="button" to={`/compounds/${compound.id}/evidence`}>
          {te("link")}
        </Link>
        <Link className="button" to={`/compounds/${compound.id}/divisions`}>
          {tDivision("link")}
        </Link>
        <Link className="button" to={`/compounds/${compound.id}/concealed`}>
          {tc("list.title")}
        </Link>
        <Link className="button" to={`/lots?compoundId=${compound.id}`}>
          {t("compound.lots")}
        </Link>
        <Link className="button" to={`/compounds/${compound.id}/drawings`}>
          {t("compound.drawings")}
        </Link>
        <Link className="button" to={`/compounds/${compound.id}/qr`}>
          {t("compound.qr")}
        </Link>
      </p>
      <section className="contracts">
        {compound.contracts.map((c) => (
          <p key={c.name} className="contract">
            <span className="badge" translate="no">
              {c.name}
            </span>{" "}
            {t("compound.contractor")}
            <Data>{c.contractor.name}</Data>
          </p>
        ))}
      </section>
      <OfflinePrepare compoundId={compound.id} />

      <h2>{t("compound.coverage")}</h2>
      <PlanCoverage compoundId={compound.id} coverage={coverage} />

      <h2>
        {t("compound.rollupTitle")}{" "}
        <small className={`rollup-${summary.status}`}>
          {t("compound.unitProject", { status: t(`rollup.${summary.status}`) })}
        </small>
      </h2>
      <table className="table rollup">
        <thead>
          <tr>
            <th>{t("compound.division")}</th>
            <th>{t("compound.subItem")}</th>
            <th>{t("compound.lotCounts")}</th>
            <th>{t("compound.conclusion")}</th>
          </tr>
        </thead>
        <tbody>
          {summary.divisions.flatMap((d) =>
            d.subItems.map((s, i) => (
              <tr key={s.code} data-work-type={s.code}>
                {i === 0 ? (
                  <th rowSpan={d.subItems.length} scope="rowgroup">
                    <Data>{d.name}</Data>
                    <br />
                    <span className={`badge rollup-${d.status}`}>{t(`rollup.${d.status}`)}</span>
                  </th>
                ) : null}
                <td translate="no">{s.nameZh}</td>
                <td>
                  {s.accepted} / {s.total}
                </td>
                <td>
                  <span className={`badge rollup-${s.status}`}>{t(`rollup.${s.status}`)}</span>
                </td>
              </tr>
            )),
          )}
        </tbody>
      </table>

      <h2>
        {t("compound.lotsTitle")} <small>{t("compound.lotsAccepted", all)}</small>
      </h2>
      {lots.length === 0 ? (
        <p className="empty">{t("compound.noLots")}</p>
      ) : (
        <ul className="card-list lot-groups">
          {[...byWorkType].map(([name, group]) => {
            const code = group[0]?.workType.code ?? "";
            const count = totals[code];
            return (
              <li key={name} className="card">
                <strong>
                  <Data>{name}</Data>{" "}
                  <small className="muted">
                    {t("compound.acceptedOf", {
                      accepted: count?.accepted ?? 0,
                      total: count?.total ?? group.length,
                    })}
                  </small>
                </strong>
                <div className="chips">
                  {group.map((l) => (
                    <Link
                      key={l.id}
                      className={`chip lot-chip status-${l.status}`}
                      to={`/lots/${l.id}`}
                    >
                      <Data>{l.placeLabel}</Data> ·{" "}
                      {isLotState(l.status) ? t(`lotState.${l.status}`) : l.status}
                    </Link>
                  ))}
                  {(count?.total ?? 0) > group.length ? (
                    <Link className="chip" to={`/lots?compoundId=${compound.id}&workType=${code}`}>
                      {t("compound.seeAll", { count: count?.total ?? 0 })}
                    </Link>
                  ) : null}
                </div>
              </li>
            );
          })}
        </ul>
      )}

      <h2>{t("compound.buildings")}</h2>
      <ul className="building-list">
        {compound.buildings.map((b) => (
          <li key={b.id} className="building">
            <Link className="building-name" to={`/buildings/${b.id}`}>
              <Data>{b.name}</Data>
              <small>
                <Worded
                  ns="site"
                  k="compound.buildingFacts"
                  values={{
                    floors: b.floors,
                    structure: b.structure ?? "",
                    year: b.builtYear ?? "",
                  }}
                />
              </small>
            </Link>
            <div className="chips">
              {b.stairwells.map((s) => (
                <Link key={s.id} className="chip" to={`/stairwells/${s.id}`} translate="no">
                  {s.name}
                </Link>
              ))}
            </div>
          </li>
        ))}
      </ul>

      <h2>{t("compound.zones")}</h2>
      {zoneKinds.map((kind) => (
        <section key={kind} className="zone-group">
          <h3>{t(`zoneKind.${kind}`)}</h3>
          <ul className="card-list">
            {compound.zones
              .filter((z) => z.kind === kind)
              .map((z) => (
                <li key={z.id}>
                  <Link className="card card-link" to={`/zones/${z.id}`} translate="no">
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

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";
