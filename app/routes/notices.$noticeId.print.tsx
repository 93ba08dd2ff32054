import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { notFound, requireUser } from "~/modules/auth/require-user.server";
import { noticePrintPage } from "~/modules/defect/notice-pages.server";
import { photoUrl } from "~/modules/photo/view";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";

export const handle = { i18n: ["defect"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.words.heading ?? "" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, scope, db } = await requireUser(request, "notice.view");
  const page = await noticePrintPage(db, user, scope, params.noticeId ?? "");
  if (!page) notFound("notice");
  return page;
}

/**
 * 监理通知单 and, once answered, its 回复单: laid out as the forms people sign and file, in the
 * language of record (decision 0024); only the tools above the form follow the reader.
 */
export default function NoticePrint() {
  const { id, subject, content, photos, words: w } = useLoaderData<typeof loader>();
  const { t } = useTranslation("defect");
  return (
    <main className="record">
      <p className="record-tools">
        <Link className="button" to={`/notices/${id}`}>
          {t("notice.print.back")}
        </Link>
        <button className="button" type="button" onClick={() => window.print()}>
          {t("notice.print.print")}
        </button>
      </p>
      <div lang="zh-CN">
        <h1>{w.title}</h1>
        <p className="record-no">{w.project}</p>
        <table className="record-table">
          <tbody>
            <tr>
              <th>{w.to}</th>
              <td>{w.toContractor}</td>
            </tr>
            <tr>
              <th>{w.subject}</th>
              <td>{subject}</td>
            </tr>
            <tr>
              <th>{w.content}</th>
              <td>
                <p>{content}</p>
                <ol className="notice-print-list">
                  {w.items.map((d, i) => (
                    <li key={d.id}>
                      {d.line}
                      <span className="notice-print-photos">
                        {photos[i]?.before ? (
                          <img src={photoUrl(photos[i].before, "thumb")} alt={w.columns.before} />
                        ) : null}
                      </span>
                    </li>
                  ))}
                </ol>
                <p>{w.replyBy}</p>
                <p className="sign-line">{w.issuerSign}</p>
              </td>
            </tr>
          </tbody>
        </table>

        <h1 className="record-break">{w.replyTitle}</h1>
        <p className="record-no">{w.replyNumber}</p>
        <table className="record-table">
          <tbody>
            <tr>
              <th>{w.to}</th>
              <td>{w.toSupervisor}</td>
            </tr>
            <tr>
              <th>{w.replyContent}</th>
              <td>
                <p>{w.replyIntro}</p>
                <ol className="notice-print-list">
                  {w.items.map((d, i) => (
                    <li key={d.id}>
                      {d.replyLine}
                      <span className="notice-print-photos">
                        {photos[i]?.after ? (
                          <img src={photoUrl(photos[i].after, "thumb")} alt={w.columns.after} />
                        ) : null}
                      </span>
                    </li>
                  ))}
                </ol>
                <p>{w.replyText}</p>
                <p className="sign-line">{w.contractorSign}</p>
              </td>
            </tr>
            <tr>
              <th>{w.review}</th>
              <td>
                <p>{w.reviewText}</p>
              </td>
            </tr>
          </tbody>
        </table>
      </div>
    </main>
  );
}
