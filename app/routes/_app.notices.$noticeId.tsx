import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormErrors, TextareaField, useSchemaForm } from "~/components/form";
import { PageHeader } from "~/components/page-header";
import { parseSubmission, replyError, replyInvalid } from "~/infra/submission.server";
import { requestT } from "~/modules/auth/language.server";
import { notFound, requireUser } from "~/modules/auth/require-user.server";
import { noticeReplySchema } from "~/modules/defect/forms";
import type { Translate } from "~/modules/defect/labels";
import { noticePage } from "~/modules/defect/notice-pages.server";
import { isNoticeState } from "~/modules/defect/notice-rules";
import { replyNotice } from "~/modules/defect/notices.server";
import { isDefectState, isSeverity } from "~/modules/defect/workflow";
import { useFormat } from "~/modules/i18n/use-format";
import { photoUrl } from "~/modules/photo/view";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";

export const handle = { i18n: ["defect"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, scope, db } = await requireUser(request, "notice.view");
  const page = await noticePage(db, user, scope, params.noticeId ?? "");
  if (!page) notFound("notice");
  const t: Translate = await requestT(request);
  const blocked = page.reply?.blocked;
  return {
    notice: page.notice,
    // Why the reply form is not offered yet (null = it is), only for the notified contractor.
    reply: page.reply ? { blocked: blocked ? t(blocked.message, blocked.params) : null } : null,
    title: t("defect:notice.page.meta", { number: page.notice.number }),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, scope, db } = await requireUser(request, "notice.reply");
  const t = await requestT(request);
  const submission = parseSubmission(await request.formData(), noticeReplySchema(t), t);
  if (submission.status !== "success") return replyInvalid(submission);
  try {
    await replyNotice(db, user, scope, params.noticeId ?? "", submission.value.replyText);
    return { ...submission.reply(), done: t("notice.page.replied", { ns: "defect" }) };
  } catch (error) {
    return replyError(submission, error, t);
  }
}

export default function NoticePage() {
  const { notice, reply } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const { t } = useTranslation("defect");
  const { t: common } = useTranslation();
  // A person without a job title on record is named alone, not "name ()".
  const person = (name: string, title: string | null | undefined) =>
    title ? t("history.actor", { name, org: title }) : name;
  const f = useFormat();
  const [form, fields] = useSchemaForm(noticeReplySchema(common), {
    lastResult,
    defaultValue: { replyText: t("notice.page.replyDefault") },
  });
  const done = lastResult && "done" in lastResult ? lastResult.done : null;
  return (
    <>
      <PageHeader
        title={t("notice.page.title", { number: notice.number })}
        crumbs={[
          { to: "/notices", label: t("notice.list.title") },
          { to: `/compounds/${notice.compound.id}`, label: notice.compound.name, data: true },
        ]}
        subtitle={
          <>
            {t("notice.page.to")}
            <span translate="no">
              {notice.contractor} · {person(notice.issuedBy.displayName, notice.issuedBy.title)}
            </span>{" "}
            {t("notice.page.issued", { date: f.date(notice.issuedAt) })} ·{" "}
            {t("notice.page.replyBy", { date: f.date(notice.replyDueOn) })}
          </>
        }
        actions={
          <>
            <span className={`badge notice-${notice.status}`} data-testid="notice-status">
              {isNoticeState(notice.status) ? t(`noticeStatus.${notice.status}`) : notice.status}
            </span>
            <Link className="button" to={`/notices/${notice.id}/print`}>
              {t("notice.page.print")}
            </Link>
            <a className="button" href={`/reports/notices/${notice.id}.pdf`} download>
              {t("notice.page.pdf")}
            </a>
          </>
        }
      />
      {done ? (
        <p className="alert" role="status">
          {done}
        </p>
      ) : null}
      <section className="panel">
        <h2>
          {t("notice.page.subject")}
          <span translate="no">{notice.subject}</span>
        </h2>
        <p translate="no">{notice.content}</p>
        <table className="table notice-defects-table" data-testid="notice-defects">
          <thead>
            <tr>
              <th>{t("notice.page.seq")}</th>
              <th>{t("notice.page.defect")}</th>
              <th>{t("notice.page.place")}</th>
              <th>{t("notice.page.severity")}</th>
              <th>{t("notice.page.dueOn")}</th>
              <th>{t("notice.page.status")}</th>
              <th>{t("notice.page.beforeAfter")}</th>
            </tr>
          </thead>
          <tbody>
            {notice.defects.map((d) => (
              <tr key={d.id}>
                <td>{d.seq}</td>
                <td>
                  <Link to={`/defects/${d.id}`}>{d.number}</Link>{" "}
                  <span translate="no">{d.title}</span>
                  {d.reply ? (
                    <div className="muted">
                      {t("notice.page.reply")}
                      <span translate="no">{d.reply}</span>
                    </div>
                  ) : null}
                </td>
                <td translate="no">{d.placeLabel}</td>
                <td>{isSeverity(d.severity) ? t(`severity.${d.severity}`) : d.severity}</td>
                <td>{f.date(d.dueOn)}</td>
                <td>
                  <span className={`badge defect-status defect-${d.status}`}>
                    {isDefectState(d.status) ? t(`status.${d.status}`) : d.status}
                  </span>
                </td>
                <td className="before-after">
                  {d.beforePhotoId ? (
                    <img src={photoUrl(d.beforePhotoId, "thumb")} alt={t("list.before")} />
                  ) : null}
                  {d.afterPhotoId ? (
                    <img src={photoUrl(d.afterPhotoId, "thumb")} alt={t("list.after")} />
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className="panel" aria-labelledby="reply-title">
        <h2 id="reply-title">{t("notice.page.replyTitle")}</h2>
        {notice.repliedAt ? (
          <>
            <p data-testid="notice-reply" translate="no">
              {notice.replyText}
            </p>
            <p className="muted">
              <span translate="no">
                {person(notice.repliedBy?.displayName ?? "", notice.repliedBy?.title)}
              </span>{" "}
              {t("notice.page.repliedOn", { date: f.dateTime(notice.repliedAt) })}
            </p>
          </>
        ) : reply ? (
          reply.blocked ? (
            <p className="alert">{reply.blocked}</p>
          ) : (
            <Form
              method="post"
              className="form-stack"
              id={form.id}
              onSubmit={form.onSubmit}
              noValidate
            >
              <TextareaField meta={fields.replyText} label={t("notice.page.replyLabel")} rows={4} />
              <FormErrors form={form as unknown as Parameters<typeof FormErrors>[0]["form"]} />
              <div className="workflow-buttons">
                <button type="submit" className="button button-primary" disabled={busy}>
                  {t("notice.page.submitReply")}
                </button>
              </div>
            </Form>
          )
        ) : (
          <p className="muted">{t("notice.page.noReply")}</p>
        )}
      </section>
    </>
  );
}
