import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { RecordItems } from "~/components/lot/record-items";
import { PrintTools } from "~/components/print-tools";
import { requestT } from "~/modules/auth/language.server";
import { notFound, requireUser } from "~/modules/auth/require-user.server";
import { useFormat } from "~/modules/i18n/use-format";
import { lotRecordPage } from "~/modules/lot/record-page.server";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";

export const handle = { i18n: ["lot", "nonconformance"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

/**
 * The lot's 检验批质量验收记录 (GB 50300-2013 附录 E) as a page: its labels in the reader's
 * language, its content (names, places, findings, conclusions) in Chinese, the language of
 * record, marked translate="no". The PDF is all Chinese (docs/decisions/0025).
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, scope, db } = await requireUser(request, "lot.view");
  const page = await lotRecordPage(db, user, scope, params.lotId ?? "");
  if (!page) notFound("lot");
  const t = await requestT(request);
  // The title names no lot number: a title cannot mark data, and the number shows on the page.
  return { ...page, title: t("record.title", { ns: "lot" }) };
}

const nbsp = (s: string | null | undefined) => s ?? "\u00a0\u00a0\u00a0\u00a0";

export default function LotRecord() {
  const data = useLoaderData<typeof loader>();
  const { lot, standards, rows, drawings, signature, parties, images } = data;
  const { t } = useTranslation("lot");
  const { date } = useFormat();
  return (
    <main className="record">
      <PrintTools
        back={{ to: `/lots/${lot.id}`, label: t("record.back") }}
        printLabel={t("record.print")}
        pdf={{ href: `/reports/lots/${lot.id}/record.pdf`, label: t("record.pdf") }}
      />
      <h1>{t("record.title")}</h1>
      {signature && !signature.matches ? (
        <p className="record-tamper" role="alert">
          {t("record.tamper", {
            signed: signature.signed?.slice(0, 16) ?? "—",
            current: signature.current.slice(0, 16),
          })}
        </p>
      ) : null}
      <p className="record-no">
        {t("record.appendixB")}
        <span data-testid="record-appendix-b" translate="no">
          {lot.appendixB}
        </span>
        {t("record.systemNo")}
        <span translate="no">{lot.number}</span>
        {t("record.state")}
        {t(`states.${lot.state as "draft"}`, { defaultValue: lot.status })}
      </p>
      <table className="record-table record-head">
        <colgroup>
          <col style={{ width: "18%" }} />
          <col style={{ width: "32%" }} />
          <col style={{ width: "18%" }} />
          <col style={{ width: "32%" }} />
        </colgroup>
        <tbody>
          <tr>
            <th>{t("record.compound")}</th>
            <td translate="no">{lot.compound}</td>
            <th>{t("record.division")}</th>
            <td data-testid="record-division" translate="no">
              {lot.divisionLine}
            </td>
          </tr>
          <tr>
            <th>{t("record.subItem")}</th>
            <td data-testid="record-subitem" translate="no">
              {lot.subItem}
            </td>
            <th>{t("record.capacity")}</th>
            <td translate="no">{lot.capacity}</td>
          </tr>
          <tr>
            <th>{t("record.contractor")}</th>
            <td translate="no">{lot.contractor}</td>
            <th>{t("record.projectManager")}</th>
            <td data-testid="record-pm">
              {parties.projectManager ? (
                <span translate="no">{parties.projectManager}</span>
              ) : (
                t("record.unset")
              )}
            </td>
          </tr>
          <tr>
            <th>{t("record.subcontractor")}</th>
            <td>
              {parties.subcontractorName ? (
                <span translate="no">{parties.subcontractorName}</span>
              ) : (
                t("record.noSubcontractor")
              )}
            </td>
            <th>{t("record.subcontractorManager")}</th>
            <td>
              {!parties.subcontractorName ? (
                "—"
              ) : parties.subcontractorManager ? (
                <span translate="no">{parties.subcontractorManager}</span>
              ) : (
                t("record.unset")
              )}
            </td>
          </tr>
          <tr>
            <th>{t("record.place")}</th>
            <td data-testid="record-place" translate="no">
              {lot.place}
            </td>
            <th>{t("record.templateVersion")}</th>
            <td>{t("record.version", { version: lot.templateVersion })}</td>
          </tr>
          <tr>
            <th>{t("record.basis")}</th>
            <td colSpan={3} data-testid="record-drawings">
              {drawings.length === 0 ? (
                t("record.basisNone")
              ) : (
                <span translate="no">{drawings.map((d) => d.text).join(t("record.listSep"))}</span>
              )}
            </td>
          </tr>
          <tr>
            <th>{t("record.standards")}</th>
            <td colSpan={3} data-testid="record-standards">
              {standards.join(t("record.nameSep"))}
            </td>
          </tr>
        </tbody>
      </table>
      <RecordItems rows={rows} />
      <table className="record-table record-sign">
        <colgroup>
          <col style={{ width: "18%" }} />
          <col style={{ width: "82%" }} />
        </colgroup>
        <tbody>
          <tr>
            <th>{t("record.selfCheckTitle")}</th>
            <td>
              <p data-testid="record-selfcheck" translate="no">
                {data.selfCheckText}
              </p>
              <p className="sign-line">
                {t("record.foreman")}
                <span translate="no">{nbsp(lot.foreman)}</span> {t("record.inspector")}
                <span translate="no">
                  {nbsp(lot.selfCheck?.name ?? lot.submittedBy?.displayName)}
                </span>
                {images.selfcheck ? (
                  <img
                    className="record-sign-img"
                    src={images.selfcheck}
                    alt={t("record.signImgSelf")}
                  />
                ) : null}{" "}
                {t("record.date")}
                {lot.submittedAt ? date(lot.submittedAt) : nbsp(null)}
              </p>
            </td>
          </tr>
          <tr>
            <th>{t("record.acceptTitle")}</th>
            <td>
              <p data-testid="record-conclusion" translate="no">
                {data.conclusionText}
              </p>
              <p className="sign-line">
                {t("record.supervisor")}
                <span translate="no">
                  {nbsp(lot.accepted ? lot.acceptedBy?.displayName : null)}
                </span>
                {images.accept ? (
                  <img
                    className="record-sign-img"
                    src={images.accept}
                    alt={t("record.signImgAccept")}
                  />
                ) : null}{" "}
                {t("record.date")}
                {lot.accepted && lot.acceptedAt ? date(lot.acceptedAt) : nbsp(null)}
              </p>
            </td>
          </tr>
          {data.nonconformance.length > 0 ? (
            <tr>
              <th>{t("record.heading", { ns: "nonconformance" })}</th>
              <td data-testid="record-nonconformance" translate="no">
                {data.nonconformance.map((line) => (
                  <p key={line}>{line}</p>
                ))}
              </td>
            </tr>
          ) : null}
        </tbody>
      </table>
    </main>
  );
}
