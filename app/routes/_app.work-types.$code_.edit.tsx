import type {
  ActionFunctionArgs,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DataName } from "~/components/checklist/data-text";
import { EditForm } from "~/components/checklist/edit-form";
import { PageHeader } from "~/components/page-header";
import { isDomainError } from "~/infra/domain-error";
import { parseSubmission, replyError, replyInvalid } from "~/infra/submission.server";
import { notFound, requireUser } from "~/modules/auth/require-user.server";
import { checklistEditSchema } from "~/modules/checklist/edit-schema";
import { getChecklistForEdit, publishChecklistVersion } from "~/modules/checklist/publish.server";
import { requestChecklistT } from "~/modules/checklist/words.server";
import { fixedT } from "~/modules/i18n/i18n.server";
import { useFormat } from "~/modules/i18n/use-format";
import styles from "~/styles/checklist-edit.css?url";

export const handle = { i18n: ["checklist"] };

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { db } = await requireUser(request, "checklist.publish");
  const checklist = await getChecklistForEdit(db, params.code ?? "");
  if (!checklist) notFound("checklist");
  const { lng, t } = await requestChecklistT(request);
  const name = lng === "en" ? checklist.workType.nameEn : checklist.workType.nameZh;
  return { title: t("edit.pageTitle", { name }), checklist };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, db } = await requireUser(request, "checklist.publish");
  const { lng, t } = await requestChecklistT(request);
  const words = fixedT(lng);
  const code = params.code ?? "";
  const submission = parseSubmission(await request.formData(), checklistEditSchema(t), words);
  if (submission.status !== "success") return replyInvalid(submission);
  const edit = submission.value;
  try {
    const published = await publishChecklistVersion(db, {
      workTypeCode: code,
      basedOnVersion: edit.basedOnVersion,
      actorId: user.id,
      changeNote: edit.changeNote,
      items: edit.items,
    });
    return redirect(`/work-types/${encodeURIComponent(code)}?v=${published.version}`);
  } catch (error) {
    if (isDomainError(error) && error.status === 404) notFound("checklist");
    return replyError(submission, error, words);
  }
}

export default function EditChecklist() {
  const { checklist } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("checklist");
  const format = useFormat();
  const { workType, version } = checklist;
  return (
    <>
      <PageHeader
        title={
          <>
            {t("edit.title", { name: "" })}
            <DataName zh={workType.nameZh} en={workType.nameEn} />
          </>
        }
        crumbs={[
          { to: "/work-types", label: t("library.title") },
          {
            to: `/work-types/${workType.code}`,
            label: format.lng === "en" ? workType.nameEn : workType.nameZh,
          },
        ]}
        subtitle={
          <>
            {t("edit.subtitle", { version, date: format.date(checklist.publishedAt) })}
            <span translate="no">{checklist.changeNote}</span>
            {t("edit.subtitleEnd")}
          </>
        }
      />
      <EditForm checklist={checklist} lastResult={actionData} />
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";
