import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PageHeader } from "~/components/page-header";
import {
  type ExportRow,
  ExportStatus,
  useExportPolling,
  useFileSize,
} from "~/components/report/exports";
import { requestT } from "~/modules/auth/language.server";
import { requireUser } from "~/modules/auth/require-user.server";
import { useFormat } from "~/modules/i18n/use-format";
import { listExports } from "~/modules/report/exports.server";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";

export const handle = { i18n: ["defect"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

/** The signed-in user's own exports, newest first. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { user, db } = await requireUser(request, "report.export");
  const t = await requestT(request);
  return { exports: await listExports(db, user.id), title: t("exports.meta", { ns: "defect" }) };
}

export default function ExportsPage() {
  const data = useLoaderData<typeof loader>();
  const rows = data.exports as unknown as ExportRow[];
  const { t } = useTranslation("defect");
  const f = useFormat();
  const size = useFileSize();
  useExportPolling(rows);
  return (
    <>
      <PageHeader title={t("exports.title")} subtitle={t("exports.subtitle")} />
      {rows.some((r) => r.stale) ? (
        <p className="alert alert-warn" role="alert" data-testid="no-worker">
          {t("exports.noWorker")}
        </p>
      ) : null}
      {rows.length === 0 ? (
        <p className="muted">{t("exports.empty")}</p>
      ) : (
        <table className="table exports-table">
          <thead>
            <tr>
              <th>{t("exports.columns.file")}</th>
              <th>{t("exports.columns.rows")}</th>
              <th>{t("exports.columns.requestedAt")}</th>
              <th>{t("exports.columns.status")}</th>
              <th>{t("exports.columns.size")}</th>
              <th>{t("exports.columns.action")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <td>
                  <Link to={`/exports/${r.id}`}>{t(`exports.kind.${r.kind}`)}</Link>
                </td>
                <td>{t("exports.rows", { count: r.rowCount })}</td>
                <td>{f.dateTime(r.createdAt)}</td>
                <td>
                  <ExportStatus row={r} />
                </td>
                <td>{size(r.bytes)}</td>
                <td>
                  {r.status === "ready" ? (
                    <a className="button" href={`/exports/${r.id}/file`} download>
                      {t("exports.download")}
                    </a>
                  ) : (
                    <Link className="button" to={`/exports/${r.id}`}>
                      {t("exports.open")}
                    </Link>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
