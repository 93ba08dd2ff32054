import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useStandardName } from "~/components/lot/standard-name";
import { PageHeader } from "~/components/page-header";
import type { AnyT } from "~/modules/acceptance/words";
import { requestT } from "~/modules/auth/language.server";
import { notFound, requireUser } from "~/modules/auth/require-user.server";
import { divisionListPage } from "~/modules/division/page.server";

export const handle = { i18n: ["division", "lot"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, scope, db } = await requireUser(request, "compound.view");
  const page = await divisionListPage(db, user, scope, params.compoundId ?? "");
  if (!page) notFound("compound");
  const t: AnyT = await requestT(request);
  return { ...page, title: t("division:meta.list", { compound: page.compound.name }) };
}

/** The compound's 分部 and 分项 records with their state, each opening its record page. */
export default function DivisionList() {
  const d = useLoaderData<typeof loader>();
  const { t } = useTranslation("division");
  const word = useStandardName();
  const state = (s: { passed: boolean; ready: boolean }) =>
    s.passed ? t("state.passed") : s.ready ? t("state.ready") : t("state.lotsOpen");
  return (
    <>
      <PageHeader
        title={t("list.title")}
        crumbs={[{ to: `/compounds/${d.compound.id}`, label: d.compound.name, data: true }]}
        subtitle={t("list.intro")}
      />
      {d.divisions.length === 0 ? <p className="panel muted">{t("list.noPlan")}</p> : null}
      {d.divisions.map((div) => (
        <section key={div.division} className="panel" data-testid={`division-${div.division}`}>
          <h2>
            <Link to={div.href} translate="no">
              {word(div.division)}
            </Link>{" "}
            <span className={div.passed ? "badge badge-ok" : "badge"}>
              {div.passed ? t("state.passed") : div.signed ? t("state.signed") : t("state.open")}
            </span>
          </h2>
          {div.subDivisions.length ? (
            <p className="muted" translate="no">
              {t("list.subDivisions", { names: div.subDivisions.map(word).join(t("separator")) })}
            </p>
          ) : null}
          <table className="table">
            <thead>
              <tr>
                <th>{t("subItems.name")}</th>
                <th>{t("subItems.subDivision")}</th>
                <th>{t("subItems.lots")}</th>
                <th>{t("subItems.state")}</th>
              </tr>
            </thead>
            <tbody>
              {div.subItems.map((s) => (
                <tr key={s.id}>
                  <td translate="no">
                    <Link to={s.href}>{word(s.name)}</Link>
                  </td>
                  <td translate="no">{s.subDivision ? word(s.subDivision) : "—"}</td>
                  <td>{t("list.lots", { accepted: s.accepted, planned: s.planned })}</td>
                  <td>{state(s)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";
