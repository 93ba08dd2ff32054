import type {
  ActionFunctionArgs,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DataName } from "~/components/checklist/data-text";
import { type EditAnswer, EditForm } from "~/components/checklist/edit-form";
import { PageHeader } from "~/components/page-header";
import { isDomainError } from "~/infra/domain-error";
import { notFound, requireUser } from "~/modules/auth/require-user.server";
import {
  checklistEditSchema,
  editErrors,
  editValuesFromForm,
} from "~/modules/checklist/edit-schema";
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
  const code = params.code ?? "";
  const values = editValuesFromForm(await request.formData());
  const parsed = checklistEditSchema(t).safeParse(values);
  if (!parsed.success) {
    const errors = editErrors(parsed.error);
    const count = Object.keys(errors).length;
    return data<EditAnswer>(
      { values, errors, message: t("edit.invalid", { count }), stale: false },
      { status: 400 },
    );
  }
  try {
    const published = await publishChecklistVersion(db, {
      workTypeCode: code,
      basedOnVersion: parsed.data.basedOnVersion,
      actorId: user.id,
      changeNote: parsed.data.changeNote,
      items: parsed.data.items,
    });
    return redirect(`/work-types/${encodeURIComponent(code)}?v=${published.version}`);
  } catch (error) {
    if (!isDomainError(error)) throw error;
    if (error.status === 404) notFound("checklist");
    const message = error.text(fixedT(lng));
    return data<EditAnswer>(
      { values, errors: {}, message, stale: error.status === 409 },
      { status: error.status },
    );
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
      <EditForm checklist={checklist} answer={actionData ?? null} />
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";
