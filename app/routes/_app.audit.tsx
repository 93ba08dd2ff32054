import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { VerifyReport } from "~/components/audit/verify-report";
import { PageHeader } from "~/components/page-header";
import { AUDIT_ENTITIES, AUDIT_PAGE_SIZE } from "~/modules/audit/actions";
import { AuditQuerySchema, searchAudit } from "~/modules/audit/search.server";
import { verifyDatabase } from "~/modules/audit/verify.server";
import { requestLanguage } from "~/modules/auth/language.server";
import { requireUser } from "~/modules/auth/require-user.server";
import { fixedT } from "~/modules/i18n/i18n.server";
import { useFormat } from "~/modules/i18n/use-format";

// acceptance: the verification words final acceptances' breaks from its catalogue.
export const handle = { i18n: ["audit", "acceptance"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.metaTitle ?? "" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { db } = await requireUser(request, "audit.view");
  const lng = await requestLanguage(request);
  const t = fixedT(lng);
  const params = new URL(request.url).searchParams;
  const q = AuditQuerySchema.parse(Object.fromEntries(params));
  const [result, report] = await Promise.all([
    searchAudit(db, q, t, lng),
    q.verify ? verifyDatabase(db) : Promise.resolve(null),
  ]);
  return {
    ...result,
    page: q.page,
    report,
    filters: Object.fromEntries(params),
    metaTitle: t("page.metaTitle", { ns: "audit" }),
  };
}

export default function AuditLog() {
  const { rows, total, actors, page, report, filters } = useLoaderData<typeof loader>();
  const { t } = useTranslation("audit");
  const format = useFormat();
  const busy = useNavigation().state !== "idle";
  const pages = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  const withPage = (p: number) =>
    `?${new URLSearchParams({ ...filters, page: String(p), verify: "" }).toString()}`;
  return (
    <>
      <PageHeader
        title={t("page.title")}
        subtitle={t("page.subtitle")}
        actions={
          <a className="button" href="/audit/export" download>
            {t("page.export")}
            <span translate="no">{t("page.exportFormat")}</span>
          </a>
        }
      />
      <section className="panel audit-verify">
        <Form method="get">
          <input type="hidden" name="verify" value="1" />
          <button className="button button-primary" type="submit" disabled={busy}>
            {busy ? t("page.verifying") : t("page.verify")}
          </button>
        </Form>
        {report ? <VerifyReport report={report} /> : null}
      </section>

      <Form method="get" className="panel audit-filters">
        <label className="field">
          <span>{t("page.actor")}</span>
          <select name="actorId" defaultValue={filters.actorId ?? ""}>
            <option value="">{t("page.all")}</option>
            {actors.map((a) => (
              <option key={a.id} value={a.id} translate="no">
                {a.label}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t("page.entityType")}</span>
          <select name="entityType" defaultValue={filters.entityType ?? ""}>
            <option value="">{t("page.all")}</option>
            {AUDIT_ENTITIES.map((k) => (
              <option key={k} value={k}>
                {t(`entities.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t("page.entityId")}</span>
          <input
            translate="no"
            name="entityId"
            placeholder={t("page.entityIdPlaceholder")}
            defaultValue={filters.entityId ?? ""}
          />
        </label>
        <label className="field">
          <span>{t("page.from")}</span>
          <input type="date" name="from" defaultValue={filters.from ?? ""} />
        </label>
        <label className="field">
          <span>{t("page.to")}</span>
          <input type="date" name="to" defaultValue={filters.to ?? ""} />
        </label>
        <button className="button" type="submit">
          {t("page.search")}
        </button>
      </Form>

      <p className="muted">{t("page.total", { count: total })}</p>
      <table className="table audit-table">
        <thead>
          <tr>
            <th>{t("page.columns.seq")}</th>
            <th>{t("page.columns.at")}</th>
            <th>{t("page.columns.actor")}</th>
            <th>{t("page.columns.action")}</th>
            <th>{t("page.columns.entity")}</th>
            <th>{t("page.columns.hash")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.seq}>
              <td>{r.seq}</td>
              <td>{format.dateTime(r.at)}</td>
              <td translate={r.actor ? "no" : undefined}>{r.actor ?? t("page.system")}</td>
              <td>{r.actionLabel}</td>
              <td>
                {r.entityTypeLabel}{" "}
                <span translate="no">
                  {r.href ? <Link to={r.href}>{r.entityLabel}</Link> : r.entityLabel}
                </span>
              </td>
              <td className="hash" translate="no">
                {r.hash.slice(0, 12)}…
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {pages > 1 ? (
        <nav className="chips pager" aria-label={t("page.pager")}>
          {page > 1 ? (
            <Link className="chip" to={withPage(page - 1)}>
              {t("page.previous")}
            </Link>
          ) : null}
          <span className="chip">{t("page.pageOf", { page, pages })}</span>
          {page < pages ? (
            <Link className="chip" to={withPage(page + 1)}>
              {t("page.next")}
            </Link>
          ) : null}
        </nav>
      ) : null}
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";
