import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { RecordHeader, useRecordOutcome } from "~/components/division/record-page";
import { RecordSignForm } from "~/components/division/sign-form";
import { SignatureSeats } from "~/components/division/signatures";
import { useStandardName } from "~/components/lot/standard-name";
import { subItemRecord } from "~/modules/division/route.server";
import { SUB_ITEM_SEATS } from "~/modules/division/rules";
import { unitName } from "~/modules/lot/record-division";

export const handle = { i18n: ["division", "lot"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

export const loader = ({ request, params }: LoaderFunctionArgs) =>
  subItemRecord.loader(request, params);

export const action = ({ request, params }: ActionFunctionArgs) =>
  subItemRecord.action(request, params);

/** 附录F 分项工程质量验收记录: the 分项's planned lots, their state, the two seats. */
export default function SubItemRecord() {
  const d = useLoaderData<typeof loader>();
  const { busy, done, failed } = useRecordOutcome();
  const { t } = useTranslation("division");
  const { t: tAny } = useTranslation(["division", "lot"]);
  const word = useStandardName();
  const r = d.record;
  const lotState = (s: string) => t(`lots.lotStatus.${s}` as "lots.lotStatus.draft");
  return (
    <>
      <RecordHeader
        compound={d.compound}
        crumbs={[{ to: d.division.href, label: word(d.division.name), data: true }]}
        title={word(r.name)}
        subtitle={`${t("record.subItemTitle")} · ${r.passed ? t("state.passed") : r.ready ? t("state.ready") : t("state.lotsOpen")}`}
        done={done}
        pdfHref={d.pdfHref}
      >
        <dt>{t("facts.division")}</dt>
        <dd translate="no">{word(d.division.name)}</dd>
        <dt>{t("facts.subDivision")}</dt>
        <dd translate="no">{r.subDivision ? word(r.subDivision) : t("facts.none")}</dd>
        <dt>{t("facts.standard")}</dt>
        <dd translate="no">{r.standard}</dd>
        <dt>{t("facts.lotCount")}</dt>
        <dd>{t("list.lots", { accepted: r.accepted, planned: r.planned })}</dd>
        <dt>{t("facts.contractor")}</dt>
        <dd translate="no">{r.contractors.join(t("separator")) || t("facts.none")}</dd>
      </RecordHeader>
      <section className="panel">
        <h2>{t("lots.title")}</h2>
        <table className="table">
          <thead>
            <tr>
              <th>{t("lots.seq")}</th>
              <th>{t("lots.place")}</th>
              <th>{t("lots.capacity")}</th>
              <th>{t("lots.number")}</th>
              <th>{t("lots.status")}</th>
              <th>{t("lots.records")}</th>
            </tr>
          </thead>
          <tbody>
            {r.places.map((p, i) => (
              <tr key={p.id}>
                <td>{i + 1}</td>
                <td translate="no">{p.placeLabel}</td>
                <td>
                  {p.capacity ?? "—"} {p.capacityUnit ? unitName(tAny, p.capacityUnit) : ""}
                </td>
                <td translate="no">
                  {p.lot ? (
                    <Link to={p.href}>{p.lot.number}</Link>
                  ) : (
                    <Link to={p.href}>{t("lots.missing")}</Link>
                  )}
                </td>
                <td>{p.lot ? lotState(p.lot.status) : "—"}</td>
                <td>{p.lot ? (p.lot.recordsComplete ? t("lots.yes") : t("lots.no")) : "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <SignatureSeats seats={SUB_ITEM_SEATS} signatures={r.signatures} />
      {d.signAs ? (
        <RecordSignForm
          seat={d.signAs}
          defaultConclusion={
            d.signAs === "supervisor" ? t("sign.defaultSupervisor") : t("sign.defaultContractor")
          }
          busy={busy}
          lastResult={failed}
        />
      ) : null}
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";
