import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import {
  CompoundFilter,
  ContractorFilter,
  FilterSelect,
  WorkTypeFilter,
} from "~/components/filter-select";
import { PageHeader } from "~/components/page-header";
import { Pager } from "~/components/pager";
import { ExportButton, ExportsLink } from "~/components/report/exports";
import { listPageData } from "~/modules/auth/list-loader.server";
import { LotFilterSchema, lotListPage } from "~/modules/lot/list.server";
import { LOT_STATES } from "~/modules/lot/workflow";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";

export const handle = { i18n: ["lot"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

export async function loader({ request }: LoaderFunctionArgs) {
  return listPageData(request, "lot.view", LotFilterSchema, lotListPage, (t) =>
    t("list.title", { ns: "lot" }),
  );
}

export default function LotsPage() {
  const { filter, lots, next, total, compounds, workTypes, contractors, canExport } =
    useLoaderData<typeof loader>();
  const { search } = useLocation();
  const { t } = useTranslation("lot");
  return (
    <>
      <PageHeader title={t("list.heading")} subtitle={t("list.subtitle", { count: total })} />
      {canExport ? (
        <div className="export-links">
          <ExportButton kind="lots.xlsx" label={t("list.export")} />
          <ExportsLink label={t("list.exports")} />
        </div>
      ) : null}
      {filter.place ? (
        <p className="notice" data-testid="place-filter">
          {lots[0] ? t("list.placeOnly", { place: lots[0].placeLabel }) : t("list.placeOnlyNone")}{" "}
          <Link to={`/lots?${withoutPlace(search)}`}>{t("list.allPlaces")}</Link>
        </p>
      ) : null}
      <Form method="get" className="filters panel" aria-label={t("list.filters")}>
        {filter.place ? <input type="hidden" name="place" value={filter.place} /> : null}
        <CompoundFilter label={t("list.compound")} value={filter.compoundId} choices={compounds} />
        <WorkTypeFilter
          name="workType"
          label={t("list.workType")}
          value={filter.workType}
          choices={workTypes}
        />
        <FilterSelect
          name="status"
          label={t("list.status")}
          value={filter.status}
          options={LOT_STATES.map((s) => ({ value: s, label: t(`states.${s}`) }))}
        />
        {contractors.length > 0 ? (
          <ContractorFilter
            label={t("list.contractor")}
            value={filter.contractorOrgId}
            choices={contractors}
          />
        ) : null}
        <button type="submit" className="button">
          {t("list.filter")}
        </button>
      </Form>
      {lots.length === 0 ? (
        <p className="muted">{t("list.empty")}</p>
      ) : (
        <table className="table lots-table">
          <thead>
            <tr>
              <th>{t("list.number")}</th>
              <th>{t("list.place")}</th>
              <th>{t("list.workType")}</th>
              <th>{t("list.contractor")}</th>
              <th>{t("list.status")}</th>
              <th>{t("list.records")}</th>
            </tr>
          </thead>
          <tbody>
            {lots.map((l) => (
              <tr key={l.id}>
                <td>
                  <Link to={`/lots/${l.id}`} translate="no">
                    {l.number}
                  </Link>
                </td>
                <td translate="no">
                  {l.compound} · {l.placeLabel}
                </td>
                <td translate="no">{l.workType}</td>
                <td translate="no">{l.contractor}</td>
                <td>{t(`states.${l.status as (typeof LOT_STATES)[number]}`)}</td>
                <td>{l.recordsComplete ? t("list.complete") : t("list.incomplete")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pager next={next} shown={lots.length} />
    </>
  );
}

/** The list's query without its place filter (and its page cursor). */
function withoutPlace(search: string) {
  const params = new URLSearchParams(search);
  params.delete("place");
  params.delete("after");
  return params.toString();
}
