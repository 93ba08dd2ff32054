import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PublicResidentSections } from "~/components/public-residents";
import { notFound, publicContext } from "~/modules/auth/require-user.server";
import { publicNotice } from "~/modules/dashboard/public.server";
import { useFormat } from "~/modules/i18n/use-format";
import { residentsT } from "~/modules/residents/i18n.server";
import { publicResidents } from "~/modules/residents/public.server";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";

export const handle = { i18n: ["residents"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

const STATUSES = ["open", "passed", "failed", "void"] as const;

/** Public, no sign-in: reached from the QR code posted on site; words follow the visitor's language. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { db } = publicContext();
  const code = (params.code ?? "").toUpperCase();
  const notice = await publicNotice(db, code);
  if (!notice) notFound("compound");
  const { t } = await residentsT(request);
  const { acceptance, ...rest } = notice;
  return {
    ...rest,
    acceptance: acceptance
      ? {
          status: STATUSES.find((s) => s === acceptance.status) ?? "open",
          closedAt: acceptance.closedAt,
        }
      : null,
    code,
    residents: await publicResidents(db, code),
    title: t("publicPage.title", { name: notice.name }),
  };
}

export default function PublicNotice() {
  const n = useLoaderData<typeof loader>();
  const { t } = useTranslation("residents");
  const f = useFormat();
  const lotsTotal = n.progress.reduce((s, p) => s + p.total, 0);
  const lotsDone = n.progress.reduce((s, p) => s + p.accepted, 0);
  return (
    <main className="public-notice">
      <h1>
        <span translate="no">{n.name}</span>
        {t("publicPage.titleSuffix")}
      </h1>
      <p className="muted">
        <span translate="no">{n.project}</span> · <span translate="no">{n.address}</span> ·{" "}
        {t("publicPage.households", { count: n.households })}
        {n.street ? (
          <>
            {" · "}
            <span translate="no">{n.street}</span>
          </>
        ) : null}
      </p>
      <section className="panel">
        <h2>{t("publicPage.acceptanceTitle")}</h2>
        <p className="public-big">
          {n.acceptance
            ? `${t(`publicPage.acceptanceStatus.${n.acceptance.status}`)}${
                n.acceptance.closedAt
                  ? t("publicPage.onDate", { date: f.date(n.acceptance.closedAt) })
                  : ""
              }`
            : t("publicPage.acceptanceNone")}
        </p>
      </section>
      <section className="panel">
        <h2>{t("publicPage.progressTitle")}</h2>
        <p>{t("publicPage.progress", { total: lotsTotal, done: lotsDone })}</p>
        <ul className="public-progress">
          {n.progress.map((p) => (
            <li key={p.nameZh}>
              <span>{f.lng === "en" ? p.nameEn : p.nameZh}</span>
              <span>
                {p.total === 0
                  ? t("publicPage.notStarted")
                  : p.accepted === p.total
                    ? t("publicPage.allAccepted", { count: p.total })
                    : t("publicPage.someAccepted", { accepted: p.accepted, total: p.total })}
              </span>
            </li>
          ))}
        </ul>
      </section>
      <section className="panel">
        <h2>{t("publicPage.defectsTitle")}</h2>
        <p>{t("publicPage.defects", n.defects)}</p>
      </section>
      <section className="panel">
        <h2>{t("publicPage.phasesTitle")}</h2>
        <ul className="public-progress">
          {n.phases.map((p) => (
            <li key={p.name}>
              <span translate="no">{p.name}</span>
              <span>
                {f.date(p.startsOn)} — {p.endsOn ? f.date(p.endsOn) : t("publicPage.ongoing")}
              </span>
            </li>
          ))}
        </ul>
      </section>
      {n.residents ? <PublicResidentSections code={n.code} data={n.residents} /> : null}
      <p className="muted">
        {t("publicPage.contractorsLabel")}
        <span translate="no">{n.contractors.join(t("survey.listSeparator"))}</span>
        {t("publicPage.contact")}
      </p>
    </main>
  );
}
