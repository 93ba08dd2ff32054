import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PageHeader } from "~/components/page-header";
import { Pager } from "~/components/pager";
import { requestT } from "~/modules/auth/language.server";
import { requireUser } from "~/modules/auth/require-user.server";
import { noticeListPage } from "~/modules/defect/notice-pages.server";
import { isNoticeState } from "~/modules/defect/notice-rules";
import { useFormat } from "~/modules/i18n/use-format";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";

export const handle = { i18n: ["defect"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, scope, db } = await requireUser(request, "notice.view");
  const after = new URL(request.url).searchParams.get("after") ?? undefined;
  const t = await requestT(request);
  return {
    ...(await noticeListPage(db, user, scope, after)),
    title: t("notice.list.meta", { ns: "defect" }),
  };
}

export default function NoticesPage() {
  const { notices, next, targets } = useLoaderData<typeof loader>();
  const { t } = useTranslation("defect");
  const f = useFormat();
  return (
    <>
      <PageHeader title={t("notice.list.title")} subtitle={t("notice.list.subtitle")} />
      {targets ? (
        <Form
          method="get"
          action="/notices/new"
          className="panel filters"
          aria-label={t("notice.list.issue")}
        >
          <select name="target" aria-label={t("notice.list.target")} required defaultValue="">
            <option value="">{t("notice.list.chooseTarget")}</option>
            {targets.map((o) => (
              <option key={o.value} value={o.value} translate="no">
                {o.label}
              </option>
            ))}
          </select>
          <button type="submit" className="button button-primary">
            {t("notice.list.issue")}
          </button>
        </Form>
      ) : null}
      {notices.length === 0 ? (
        <p className="muted">{t("notice.list.empty")}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th>{t("notice.list.number")}</th>
              <th>{t("notice.list.subject")}</th>
              <th>{t("notice.list.compoundContractor")}</th>
              <th>{t("notice.list.defects")}</th>
              <th>{t("notice.list.issuedOn")}</th>
              <th>{t("notice.list.replyDue")}</th>
              <th>{t("notice.list.status")}</th>
            </tr>
          </thead>
          <tbody>
            {notices.map((n) => (
              <tr key={n.id}>
                <td>
                  <Link to={`/notices/${n.id}`}>{n.number}</Link>
                </td>
                <td translate="no">{n.subject}</td>
                <td translate="no">
                  {n.compound} · {n.contractor}
                </td>
                <td>{f.number(n.defects)}</td>
                <td>{f.date(n.issuedAt)}</td>
                <td>{f.date(n.replyDueOn)}</td>
                <td>
                  <span className={`badge notice-${n.status}`}>
                    {isNoticeState(n.status) ? t(`noticeStatus.${n.status}`) : n.status}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pager next={next} shown={notices.length} />
    </>
  );
}
