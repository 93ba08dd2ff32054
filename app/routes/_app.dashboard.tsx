import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DataName } from "~/components/checklist/data-text";
import {
  DefectsByContractorChart,
  DefectTrendChart,
  LotsByWorkTypeChart,
} from "~/components/dashboard-charts-lazy";
import { PageHeader } from "~/components/page-header";
import { PlanCoverage } from "~/components/plan-coverage";
import { Worded } from "~/components/worded";
import { requestTranslators } from "~/modules/auth/language.server";
import { requireUser } from "~/modules/auth/require-user.server";
import { dashboardPage } from "~/modules/dashboard/dashboard.server";
import { useFormat } from "~/modules/i18n/use-format";
import { MISSING_SHOWN } from "~/modules/plan/coverage-shown";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";

// Severity words (defect), a completion acceptance's status (acceptance), coverage (plan).
export const handle = { i18n: ["site", "plan", "defect", "acceptance", "checklist", "lot"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, scope, db } = await requireUser(request, "dashboard.view");
  const { t } = await requestTranslators(request, "site");
  return { title: t("dashboard.title"), scope, ...(await dashboardPage(db, user)) };
}

export default function DashboardPage() {
  const { scope, data, coverage } = useLoaderData<typeof loader>();
  const { t } = useTranslation(["site", "defect", "acceptance"]);
  const format = useFormat();
  const severities = data.severities.map((s) => ({
    key: s.key,
    label: t("dashboard.severityOpen", { severity: t(`defect:severity.${s.severity}`) }),
  }));
  return (
    <>
      <PageHeader
        title={t("dashboard.heading")}
        subtitle={scope === "any" ? t("dashboard.subtitleAll") : t("dashboard.subtitleOwn")}
      />
      {data.phases.map((p) => (
        <section key={p.name} className="panel">
          <h2>
            <Worded ns="site" k="dashboard.phases" values={{ project: p.name }} />
          </h2>
          <ol className="phase-line">
            {p.phases.map((ph) => (
              <li key={ph.name} className={`phase-${ph.state}`}>
                <strong translate="no">{ph.name}</strong>
                <span>
                  {t("dashboard.period", {
                    from: format.date(ph.startsOn),
                    to: ph.endsOn ? format.date(ph.endsOn) : t("dates.ongoing"),
                  })}
                </span>
                <span>{t("dashboard.phaseLots", { count: ph.lotsAccepted })}</span>
                <span className="badge">{t(`phaseState.${ph.state}`)}</span>
              </li>
            ))}
          </ol>
        </section>
      ))}
      {data.compounds.map((c) => (
        <section key={c.id} className="panel dash-compound">
          <h2>
            <Link to={`/compounds/${c.id}`} translate="no">
              {c.name}
            </Link>{" "}
            <small className="badge">
              {t("dashboard.acceptance", {
                status: c.acceptance
                  ? t(`acceptance:status.${c.acceptance}`)
                  : t("dashboard.notAccepted"),
              })}
            </small>
          </h2>
          <div className="stats">
            <Stat label={t("compound.lotCounts")} value={`${c.lotsAccepted} / ${c.lotsTotal}`} />
            {data.showDefects ? (
              <>
                <Stat label={t("dashboard.defectsOpen")} value={c.defectsOpen} />
                <Stat label={t("dashboard.ofWhichOverdue")} value={c.defectsOverdue} overdue />
                <Stat label={t("dashboard.closed")} value={c.defectsClosed} />
              </>
            ) : null}
          </div>
          <h3>{t("compound.coverage")}</h3>
          <PlanCoverage
            compoundId={c.id}
            coverage={coverage[c.id] ?? null}
            limit={MISSING_SHOWN.dashboard}
          />
          {c.byWorkType.length === 0 ? (
            <p className="muted">{t("dashboard.noLots")}</p>
          ) : (
            <>
              <LotsByWorkTypeChart
                data={c.byWorkType.map((w) => ({
                  ...w,
                  name: format.lng === "en" && w.nameEn ? w.nameEn : w.name,
                }))}
              />
              <table className="table dash-table">
                <thead>
                  <tr>
                    <th>{t("dashboard.workType")}</th>
                    <th>{t("dashboard.accepted")}</th>
                    <th>{t("dashboard.remaining")}</th>
                  </tr>
                </thead>
                <tbody>
                  {c.byWorkType.map((w) => (
                    <tr key={w.name}>
                      <td>
                        <DataName zh={w.name} en={w.nameEn} />
                      </td>
                      <td>{w.accepted}</td>
                      <td>{w.remaining}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
        </section>
      ))}
      {data.showDefects ? (
        <>
          <section className="panel">
            <h2>{t("dashboard.byContractor")}</h2>
            {data.byContractor.length === 0 ? (
              <p className="muted">{t("dashboard.noDefects")}</p>
            ) : (
              <>
                <DefectsByContractorChart data={data.byContractor} severities={severities} />
                <table className="table dash-table">
                  <thead>
                    <tr>
                      <th>{t("dashboard.contractor")}</th>
                      {severities.map((s) => (
                        <th key={s.key}>{s.label}</th>
                      ))}
                      <th>{t("dashboard.overdue")}</th>
                      <th>{t("dashboard.closed")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.byContractor.map((r) => (
                      <tr key={String(r.name)}>
                        <td translate="no">{r.name}</td>
                        {severities.map((s) => (
                          <td key={s.key}>{r[s.key]}</td>
                        ))}
                        <td>{r.overdue}</td>
                        <td>{r.closed}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </>
            )}
          </section>
          <section className="panel">
            <h2>{t("dashboard.trend")}</h2>
            {data.trend.length === 0 ? (
              <p className="muted">{t("dashboard.noDefects")}</p>
            ) : (
              <DefectTrendChart data={data.trend} />
            )}
          </section>
        </>
      ) : null}
    </>
  );
}

function Stat({
  label,
  value,
  overdue,
}: {
  label: string;
  value: number | string;
  overdue?: boolean;
}) {
  return (
    <div className="stat">
      <span className="stat-label">{label}</span>
      <span className={overdue ? "stat-value overdue" : "stat-value"}>{value}</span>
    </div>
  );
}
