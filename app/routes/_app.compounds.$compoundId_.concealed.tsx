import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PageHeader } from "~/components/page-header";
import type { AnyT } from "~/modules/acceptance/words";
import { requestT } from "~/modules/auth/language.server";
import { notFound, requireUser } from "~/modules/auth/require-user.server";
import { listPage } from "~/modules/concealed/page.server";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";

export const handle = { i18n: ["concealed"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, scope, db } = await requireUser(request, "lot.view");
  const page = await listPage(db, user, scope, params.compoundId ?? "");
  if (!page) notFound("compound");
  const t: AnyT = await requestT(request);
  return { ...page, title: t("concealed:list.metaTitle", { compound: page.compound.name }) };
}

type Status = "missing" | "requested" | "refused" | "signed";

export default function ConcealedList() {
  const d = useLoaderData<typeof loader>();
  const { t } = useTranslation("concealed");
  return (
    <>
      <PageHeader
        title={t("list.title")}
        crumbs={[{ to: `/compounds/${d.compound.id}`, label: d.compound.name, data: true }]}
        subtitle={t("list.summary", { required: d.rows.length, signed: d.signed })}
      />
      <p className="muted">{t("list.intro")}</p>
      {d.planApproved ? null : <p className="alert">{t("list.noPlan")}</p>}
      {d.rows.length > 0 ? (
        <table className="table concealed-list">
          <thead>
            <tr>
              <th>{t("list.place")}</th>
              <th>{t("list.work")}</th>
              <th>{t("list.division")}</th>
              <th>{t("list.state")}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {d.rows.map((r) => (
              <tr key={r.key} data-status={r.status}>
                <td translate="no">{r.place}</td>
                <td translate="no">{r.work}</td>
                <td translate="no">
                  {r.division} / {r.subItem}
                </td>
                <td>{t(`status.${r.status as Status}`)}</td>
                <td>
                  {r.href ? (
                    <Link className="button" to={r.href}>
                      {r.status === "missing" ? t("list.create") : t("list.open")}
                    </Link>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </>
  );
}
