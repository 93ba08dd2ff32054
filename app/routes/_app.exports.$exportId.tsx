import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PageHeader } from "~/components/page-header";
import {
  type ExportRow,
  ExportStatus,
  useExportError,
  useExportPolling,
  useFileSize,
} from "~/components/report/exports";
import { requestT } from "~/modules/auth/language.server";
import { notFound, requireUser } from "~/modules/auth/require-user.server";
import { useFormat } from "~/modules/i18n/use-format";
import { exportOf } from "~/modules/report/exports.server";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";

export const handle = { i18n: ["defect"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

/** One export of the signed-in user's (anyone else's: 404); refreshes itself while building. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, db } = await requireUser(request, "report.export");
  const row = await exportOf(db, user.id, params.exportId ?? "");
  if (!row) notFound();
  const t = await requestT(request);
  return {
    row,
    title: `${t(`exports.kind.${row.kind}`, { ns: "defect" })} · ${t("exports.meta", { ns: "defect" })}`,
  };
}

export default function ExportPage() {
  const data = useLoaderData<typeof loader>();
  const row = data.row as unknown as ExportRow;
  const { t } = useTranslation("defect");
  const f = useFormat();
  const size = useFileSize();
  const reason = useExportError();
  useExportPolling([row]);
  return (
    <>
      <PageHeader
        title={t(`exports.kind.${row.kind}`)}
        crumbs={[{ to: "/exports", label: t("exports.title") }]}
      />
      <section className="panel export-panel" aria-live="polite">
        <p>
          <ExportStatus row={row} /> {t("exports.rows", { count: row.rowCount })} ·{" "}
          {f.dateTime(row.createdAt)}
        </p>
        {row.pending ? <p role="status">{t("exports.pendingHint")}</p> : null}
        {row.stale ? (
          <p className="alert alert-warn" role="alert" data-testid="no-worker">
            {t("exports.noWorker")}
          </p>
        ) : null}
        {row.status === "failed" ? (
          <p className="alert alert-error" role="alert">
            {t("exports.failedHint", { reason: reason(row) })}
          </p>
        ) : null}
        {row.status === "ready" ? (
          <>
            <p>
              {row.finishedAt
                ? t("exports.finishedAt", { time: f.dateTime(row.finishedAt) })
                : null}{" "}
              · {size(row.bytes)}
              {row.expiresAt
                ? ` · ${t("exports.expiresAt", { time: f.dateTime(row.expiresAt) })}`
                : null}
            </p>
            <p>
              <a className="button button-primary" href={`/exports/${row.id}/file`} download>
                {t("exports.download")}
              </a>
            </p>
          </>
        ) : null}
      </section>
    </>
  );
}
