import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AppearancePanel } from "~/components/division/appearance-panel";
import { EvidencePanel } from "~/components/division/evidence-panel";
import { GapList } from "~/components/division/gaps";
import { RecordHeader, useRecordOutcome } from "~/components/division/record-page";
import { RecordSignForm } from "~/components/division/sign-form";
import { SignatureSeats } from "~/components/division/signatures";
import { useStandardName } from "~/components/lot/standard-name";
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
  const { busy, done, failed, failedIntent } = useRecordOutcome();
  const { t } = useTranslation("division");
  const word = useStandardName();
  const r = d.record;
  return (
    <>
      <RecordHeader
        compound={d.compound}
        title={word(r.division)}
        subtitle={`${t("record.divisionTitle")} · ${r.passed ? t("state.passed") : t("state.open")}`}
        done={done}
        pdfHref={d.pdfHref}
      >
        <dt>{t("facts.subDivision")}</dt>
        <dd translate="no">{r.subDivisions.map(word).join(t("separator")) || t("facts.none")}</dd>
        <dt>{t("facts.contractor")}</dt>
        <dd translate="no">{r.contractors.join(t("separator")) || t("facts.none")}</dd>
        <dt>{t("seat.contractorTechShown")}</dt>
        <dd translate="no">{r.techLeads.join(t("separator")) || t("facts.none")}</dd>
      </RecordHeader>
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
