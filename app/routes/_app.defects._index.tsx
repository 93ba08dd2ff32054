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
import { FilterSchema } from "~/modules/defect/forms";
import { defectListPage } from "~/modules/defect/pages.server";
import { DEFECT_STATES, SEVERITIES } from "~/modules/defect/workflow";
import { useFormat } from "~/modules/i18n/use-format";
import { photoUrl } from "~/modules/photo/view";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";

export const handle = { i18n: ["defect"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

export async function loader({ request }: LoaderFunctionArgs) {
  return listPageData(request, "defect.view", FilterSchema, defectListPage, (t) =>
    t("list.meta", { ns: "defect" }),
  );
}

export default function DefectsPage() {
  const { mine, filter, counts, defects, next, compounds, contractors, workTypes, canExport } =
    useLoaderData<typeof loader>();
  const { search } = useLocation();
  const { t } = useTranslation("defect");
  const f = useFormat();
  return (
    <>
      <PageHeader
        title={mine ? t("list.titleMine") : t("list.title")}
        subtitle={mine ? t("list.subtitleMine") : t("list.subtitle")}
      />
      {canExport ? (
        <div className="export-links">
          <ExportButton kind="defects.xlsx" label={t("list.exportExcel")} />
          <ExportButton kind="defects.pdf" label={t("list.exportPdf")} />
          <ExportsLink label={t("exports.title")} />
        </div>
      ) : null}
      {!mine ? (
        <Form method="get" className="filters panel" aria-label={t("list.filters")}>
          <FilterSelect
            name="status"
            label={t("list.status")}
            value={filter.status}
            options={DEFECT_STATES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
          />
          <FilterSelect
            name="severity"
            label={t("list.severity")}
            value={filter.severity}
            options={SEVERITIES.map((s) => ({ value: s, label: t(`severity.${s}`) }))}
          />
          <CompoundFilter
            label={t("list.compound")}
            value={filter.compoundId}
            choices={compounds}
          />
          <ContractorFilter
            label={t("list.contractor")}
            value={filter.contractorOrgId}
            choices={contractors}
          />
          <WorkTypeFilter
            name="workTypeCode"
            label={t("list.workType")}
            value={filter.workTypeCode}
            choices={workTypes}
          />
          <input
            name="place"
            defaultValue={filter.place ?? ""}
            placeholder={t("list.placePlaceholder")}
            aria-label={t("list.place")}
            maxLength={FilterSchema.shape.place.removeCatch().unwrap().maxLength ?? undefined}
          />
          <label className="check">
            <input type="checkbox" name="overdue" value="1" defaultChecked={!!filter.overdue} />
            {t("list.overdueOnly")}
          </label>
          <button type="submit" className="button">
            {t("list.filter")}
          </button>
        </Form>
      ) : null}
      <p className="defect-counts" data-testid="defect-counts">
        {t("list.total", { count: counts.all })}
        {DEFECT_STATES.map((s) => (
          <span key={s} className={`badge defect-status defect-${s}`}>
            {t(`status.${s}`)} {f.number(counts[s])}
          </span>
        ))}
        <span className={counts.overdue > 0 ? "badge badge-overdue" : "badge"}>
          {t("list.overdueCount", { count: counts.overdue })}
        </span>
      </p>
      {defects.length === 0 ? (
        <p className="muted">{t("list.empty")}</p>
      ) : (
        <table className="table defects-table">
          <thead>
            <tr>
              <th>{t("list.number")}</th>
              <th>{t("list.defect")}</th>
              <th>{t("list.compoundPlace")}</th>
              {mine ? null : <th>{t("list.contractor")}</th>}
              <th>{t("list.severity")}</th>
              <th>{t("list.dueOn")}</th>
              <th>{t("list.status")}</th>
              <th>{t("list.next")}</th>
              <th>{t("list.beforeAfter")}</th>
            </tr>
          </thead>
          <tbody>
            {defects.map((d) => (
              <tr key={d.id} className={d.overdue ? "overdue-row" : undefined}>
                <td>
                  <Link to={`/defects/${d.id}`}>{d.number}</Link>
                </td>
                <td translate="no">{d.title}</td>
                <td translate="no">
                  {d.compound} · {d.placeLabel}
                </td>
                {mine ? null : <td translate="no">{d.contractor}</td>}
                <td>{t(`severity.${d.severity}`)}</td>
                <td className={d.overdue ? "overdue" : undefined}>
                  {f.date(d.dueOn)}
                  {d.overdue ? t("list.overdue") : ""}
                </td>
                <td>{t(`status.${d.status}`)}</td>
                <td>{d.next ? t(`nextStep.${d.next}`) : "—"}</td>
                <td className="before-after">
                  <Thumb id={d.beforePhotoId} label={t("list.before")} />
                  <Thumb id={d.afterPhotoId} label={t("list.after")} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pager next={next} shown={defects.length} />
    </>
  );
}

function Thumb({ id, label }: { id: string | null; label: string }) {
  const { t } = useTranslation("defect");
  if (!id)
    return (
      <span className="thumb-missing" title={t("list.noPhoto", { label })}>
        {t("list.none")}
      </span>
    );
  return <img src={photoUrl(id, "thumb")} alt={label} width={44} height={44} loading="lazy" />;
}
