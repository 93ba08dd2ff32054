import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import {
  FieldErrors,
  FormErrors,
  InputField,
  TextareaField,
  useSchemaForm,
} from "~/components/form";
import { PageHeader } from "~/components/page-header";
import { parseSubmission, replyError, replyInvalid } from "~/infra/submission.server";
import { requestT } from "~/modules/auth/language.server";
import { notFound, requireUser } from "~/modules/auth/require-user.server";
import { issueNoticeSchema, NoticeTargetSchema } from "~/modules/defect/forms";
import { newNoticePage } from "~/modules/defect/notice-pages.server";
import { issueNotice } from "~/modules/defect/notices.server";
import { isDefectState, isSeverity } from "~/modules/defect/workflow";
import { useFormat } from "~/modules/i18n/use-format";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";

export const handle = { i18n: ["defect"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { db } = await requireUser(request, "notice.issue");
  const target = NoticeTargetSchema.safeParse(
    Object.fromEntries(new URL(request.url).searchParams),
  );
  if (!target.success) notFound("compoundOrContractor");
  const page = await newNoticePage(db, target.data.compoundId, target.data.contractorOrgId);
  if (!page) notFound("contractSection");
  const t = await requestT(request);
  return { ...page, title: t("notice.create.meta", { ns: "defect" }) };
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, db } = await requireUser(request, "notice.issue");
  const t = await requestT(request);
  const submission = parseSubmission(await request.formData(), issueNoticeSchema(t), t);
  if (submission.status !== "success") return replyInvalid(submission);
  try {
    const notice = await issueNotice(db, user, submission.value);
    return redirect(`/notices/${notice.id}`);
  } catch (error) {
    return replyError(submission, error, t);
  }
}

export default function NewNoticePage() {
  const page = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const { t } = useTranslation("defect");
  const { t: common } = useTranslation();
  const f = useFormat();
  const selectable = page.candidates.filter((d) => !d.onOpenNotice);
  const [form, fields] = useSchemaForm(issueNoticeSchema(common), {
    lastResult,
    defaultValue: {
      compoundId: page.compoundId,
      contractorOrgId: page.contractorOrgId,
      subject: t("notice.create.defaultSubject", { compound: page.compound }),
      content: t("notice.create.defaultContent"),
    },
  });
  return (
    <>
      <PageHeader
        title={t("notice.create.title")}
        crumbs={[{ to: "/notices", label: t("notice.list.title") }]}
        subtitle={
          <>
            <span translate="no">{page.compound}</span>
            {t("notice.create.to")}
            <span translate="no">{page.contractor}</span>
          </>
        }
      />
      <Form
        method="post"
        className="panel form-stack"
        id={form.id}
        onSubmit={form.onSubmit}
        noValidate
      >
        <FormErrors form={form as unknown as Parameters<typeof FormErrors>[0]["form"]} />
        <input type="hidden" name="compoundId" value={page.compoundId} />
        <input type="hidden" name="contractorOrgId" value={page.contractorOrgId} />
        <InputField meta={fields.subject} label={t("notice.create.subject")} />
        <TextareaField meta={fields.content} label={t("notice.create.content")} rows={4} />
        <fieldset className="notice-defects" aria-describedby={fields.defectIds.errorId}>
          <legend>{t("notice.create.defects", { count: selectable.length })}</legend>
          {page.candidates.length === 0 ? <p className="muted">{t("notice.create.none")}</p> : null}
          {page.candidates.map((d) => (
            <label key={d.id} className="check notice-defect">
              <input
                type="checkbox"
                name={fields.defectIds.name}
                value={d.id}
                defaultChecked={!d.onOpenNotice}
                disabled={d.onOpenNotice}
              />
              <span>
                <strong>{d.number}</strong>{" "}
                <span translate="no">
                  {d.title} · {d.placeLabel}
                </span>{" "}
                · {isSeverity(d.severity) ? t(`severity.${d.severity}`) : d.severity} ·{" "}
                {isDefectState(d.status) ? t(`status.${d.status}`) : d.status} ·{" "}
                {t("notice.create.due", { date: f.date(d.dueOn) })}
                {d.onOpenNotice ? t("notice.create.onOpen") : ""}
              </span>
            </label>
          ))}
          <FieldErrors
            meta={fields.defectIds as unknown as Parameters<typeof FieldErrors>[0]["meta"]}
          />
        </fieldset>
        <div className="workflow-buttons">
          <button
            type="submit"
            className="button button-primary"
            disabled={busy || selectable.length === 0}
          >
            {t("notice.create.submit")}
          </button>
          <Link className="button" to="/notices">
            {t("notice.create.cancel")}
          </Link>
        </div>
      </Form>
    </>
  );
}
