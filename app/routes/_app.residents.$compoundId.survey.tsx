import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PageHeader } from "~/components/page-header";
import { resultFor } from "~/components/residents/form-result";
import { SurveyRegister } from "~/components/residents/survey-register";
import { SurveySummary } from "~/components/residents/survey-summary";
import { SurveyHouseholdForm } from "~/components/survey-household-form";
import { parseSubmission, replyError, replyInvalid } from "~/infra/submission.server";
import { notFound, requireUser } from "~/modules/auth/require-user.server";
import { visibleCompound } from "~/modules/residents/access.server";
import { addHouseholdSchema, importSurveySchema, PageSchema } from "~/modules/residents/forms";
import { residentsT } from "~/modules/residents/i18n.server";
import { residentsPageLoader } from "~/modules/residents/page-loader.server";
import { surveyPage } from "~/modules/residents/pages.server";
import {
  addHousehold,
  importSurvey,
  MAX_SURVEY_FILE_BYTES,
} from "~/modules/residents/survey.server";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";

export { residentsHandle as handle, titleMeta as meta } from "~/components/residents/route-meta";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { page } = PageSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  return residentsPageLoader(
    request,
    "survey.view",
    "compound",
    (t) => t("survey.title"),
    ({ db, user, scope }) => surveyPage(db, user, scope, params.compoundId ?? "", page),
  );
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, scope, db } = await requireUser(request, "survey.edit");
  const { t, replyT } = await residentsT(request);
  const compound = await visibleCompound(db, user, scope, params.compoundId ?? "");
  if (!compound) notFound("compound");
  const length = Number(request.headers.get("content-length") ?? "0");
  if (length > MAX_SURVEY_FILE_BYTES + 64 * 1024)
    return data({ tooLarge: t("errors.fileTooLarge") }, { status: 413 });
  const form = await request.formData();
  if (form.get("intent") === "import") {
    const submission = parseSubmission(form, importSurveySchema(t), replyT);
    if (submission.status !== "success") return replyInvalid(submission);
    try {
      const bytes = Buffer.from(await submission.value.file.arrayBuffer());
      const result = await importSurvey(db, user, compound.id, bytes, t);
      if (!result.ok) return data({ rowErrors: result.errors }, { status: 422 });
      return { imported: result.imported };
    } catch (e) {
      return replyError(submission, e, replyT);
    }
  }
  const submission = parseSubmission(form, addHouseholdSchema(t), replyT);
  if (submission.status !== "success") return replyInvalid(submission);
  const { stairwellId, intent: _, ...fields } = submission.value;
  try {
    await addHousehold(db, user, compound.id, stairwellId, fields);
  } catch (e) {
    return replyError(submission, e, replyT);
  }
  return { added: fields.room };
}

export default function Survey() {
  const { compound, register, summary, places, personal, canEdit } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation("residents");
  const busy = useNavigation().state !== "idle";
  const base = `/residents/${compound.id}/survey`;
  const imported = result && "imported" in result ? result.imported : null;
  const added = result && "added" in result ? result.added : null;
  const rowErrors = result && "rowErrors" in result ? result.rowErrors : null;
  const importResult = resultFor(result, "import");
  return (
    <>
      <PageHeader
        title={t("survey.title")}
        crumbs={[{ to: "/residents", label: t("hub.title") }]}
        subtitle={
          <>
            <span translate="no">{compound.name}</span>
            {t("survey.subtitle", { total: register.total, households: compound.households })}
          </>
        }
        actions={
          <a className="button" href={`/reports/residents/${compound.id}/survey.xlsx`}>
            {t("survey.export")}
          </a>
        }
      />
      {imported !== null || added !== null ? (
        <div className="alert" role="status">
          {imported !== null
            ? t("survey.imported", { count: imported })
            : t("survey.added", { room: added })}
        </div>
      ) : null}
      {rowErrors || (result && "tooLarge" in result) ? (
        <div className="alert alert-error" role="status">
          {rowErrors
            ? t("survey.importRefused", { count: rowErrors.length })
            : t("errors.fileTooLarge")}
          {rowErrors ? (
            <ul className="row-errors" data-testid="row-errors">
              {rowErrors.map((e) => (
                <li key={`${e.line}-${e.message}`}>
                  {e.line > 0 ? t("survey.line", { line: e.line }) : ""}
                  {e.message}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      <SurveySummary summary={summary} />
      {canEdit ? (
        <section className="panel">
          <h2>{t("survey.importTitle")}</h2>
          <p className="muted">{t("survey.importHelp")}</p>
          <Form method="post" encType="multipart/form-data" className="residents-form">
            <input type="hidden" name="intent" value="import" />
            <label className="field">
              <span>{t("survey.importFile")}</span>
              <input type="file" name="file" accept=".xlsx" required />
              {importResult?.error ? (
                <em className="field-error" role="alert">
                  {Object.values(importResult.error).flat().join(" ")}
                </em>
              ) : null}
            </label>
            <button type="submit" className="button button-primary" disabled={busy}>
              {t("survey.importButton")}
            </button>
          </Form>
        </section>
      ) : null}
      {canEdit ? (
        <SurveyHouseholdForm places={places} lastResult={resultFor(result, "add")} busy={busy} />
      ) : null}
      <SurveyRegister register={register} personal={personal} base={base} />
    </>
  );
}
