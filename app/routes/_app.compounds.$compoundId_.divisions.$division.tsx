import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AppearancePanel } from "~/components/division/appearance-panel";
import { EvidencePanel } from "~/components/division/evidence-panel";
import { GapList } from "~/components/division/gaps";
import { RecordSignForm } from "~/components/division/sign-form";
import { SignatureSeats } from "~/components/division/signatures";
import { useStandardName } from "~/components/lot/standard-name";
import { PageHeader } from "~/components/page-header";
import { divisionRecord } from "~/modules/division/route.server";

export const handle = { i18n: ["division", "lot", "acceptance"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

export const loader = ({ request, params }: LoaderFunctionArgs) =>
  divisionRecord.loader(request, params);

export const action = ({ request, params }: ActionFunctionArgs) =>
  divisionRecord.action(request, params);

/** 附录G 分部工程质量验收记录: 子分部 and 分项, evidence, 观感, the seats. */
export default function DivisionRecordPage() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const { t } = useTranslation("division");
  const word = useStandardName();
  const r = d.record;
  const done = result && "done" in result ? result.done : null;
  const failed = result && !("done" in result) ? result : undefined;
  const failedIntent = failed?.initialValue?.intent;
  return (
    <>
      <PageHeader
        title={word(r.division)}
        crumbs={[
          { to: `/compounds/${d.compound.id}`, label: d.compound.name, data: true },
          { to: `/compounds/${d.compound.id}/divisions`, label: t("list.title") },
        ]}
        subtitle={`${t("record.divisionTitle")} · ${r.passed ? t("state.passed") : t("state.open")}`}
      />
      {done ? (
        <p className="alert" role="status">
          {done}
        </p>
      ) : null}
      <section className="panel">
        <dl className="facts">
          <dt>{t("facts.compound")}</dt>
          <dd translate="no">{d.compound.name}</dd>
          <dt>{t("facts.subDivision")}</dt>
          <dd translate="no">{r.subDivisions.map(word).join(t("separator")) || t("facts.none")}</dd>
          <dt>{t("facts.contractor")}</dt>
          <dd translate="no">{r.contractors.join(t("separator")) || t("facts.none")}</dd>
          <dt>{t("seat.contractorTechShown")}</dt>
          <dd translate="no">{r.techLeads.join(t("separator")) || t("facts.none")}</dd>
        </dl>
        <a className="button" href={d.pdfHref} download>
          {t("pdf.download")}
        </a>
      </section>
      <section className="panel">
        <h2>{t("subItems.title")}</h2>
        <table className="table">
          <thead>
            <tr>
              <th>{t("subItems.subDivision")}</th>
              <th>{t("subItems.name")}</th>
              <th>{t("subItems.lots")}</th>
              <th>{t("subItems.state")}</th>
            </tr>
          </thead>
          <tbody>
            {r.subItems.map((s) => (
              <tr key={s.id}>
                <td translate="no">{s.subDivision ? word(s.subDivision) : "—"}</td>
                <td translate="no">
                  <Link to={s.href}>{word(s.name)}</Link>
                </td>
                <td>{t("list.lots", { accepted: s.accepted, planned: s.planned })}</td>
                <td>
                  {s.passed ? t("state.passed") : s.ready ? t("state.ready") : t("state.lotsOpen")}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <EvidencePanel evidence={r.evidence} />
      <AppearancePanel
        record={r}
        canRate={d.canRate}
        busy={busy}
        lastResult={failedIntent === "rate" ? failed : undefined}
      />
      <GapList gaps={r.readiness} />
      <SignatureSeats seats={r.seats} signatures={r.signatures} />
      {d.signAs ? (
        <RecordSignForm
          seat={d.signAs}
          defaultConclusion={t("sign.defaultDivision")}
          busy={busy}
          lastResult={failedIntent === "sign" ? failed : undefined}
        />
      ) : null}
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";
