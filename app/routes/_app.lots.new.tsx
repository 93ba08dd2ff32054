import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormErrors, InputField, SelectField, useSchemaForm } from "~/components/form";
import { PageHeader } from "~/components/page-header";
import { parseSubmission, replyError, replyInvalid } from "~/infra/submission.server";
import { requestT } from "~/modules/auth/language.server";
import { notFound, requireUser } from "~/modules/auth/require-user.server";
import { createLot, newLotPage } from "~/modules/lot/create.server";
import { NewLotQuery, newLotSchema } from "~/modules/lot/new-lot-form";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";

export const handle = { i18n: ["lot"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, scope, db } = await requireUser(request, "lot.create");
  const query = NewLotQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) notFound("place");
  const page = await newLotPage(db, user, scope, query.data);
  if (!page) notFound("place");
  const t = await requestT(request);
  return { ...page, title: t("create.title", { ns: "lot" }) };
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, scope, db } = await requireUser(request, "lot.create");
  const t = await requestT(request);
  const submission = parseSubmission(await request.formData(), newLotSchema(t), t);
  if (submission.status !== "success") return replyInvalid(submission);
  const input = submission.value;
  try {
    const lot = await createLot(db, user, scope, {
      workTypeCode: input.workType,
      place: { kind: input.placeKind, id: input.placeId },
      contractorOrgId: input.contractorOrgId,
      capacity: input.capacity,
      capacityUnit: input.capacityUnit,
      plannedStart: input.plannedStart,
      plannedEnd: input.plannedEnd,
    });
    return redirect(`/lots/${lot.id}`);
  } catch (error) {
    return replyError(submission, error, t);
  }
}

export default function NewLot() {
  const { query, place, workType, contractors } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const { t } = useTranslation("lot");
  const { t: common } = useTranslation();
  const [form, fields] = useSchemaForm(newLotSchema(common), {
    lastResult,
    defaultValue: { ...query, contractorOrgId: contractors[0]?.id },
  });
  return (
    <>
      <PageHeader
        title={t("create.heading")}
        subtitle={<span translate="no">{`${workType.nameZh} · ${place.label}`}</span>}
      />
      <p className="muted">
        {t("create.division")}
        <span translate="no">{workType.lotDivision}</span>
      </p>
      <Form
        method="post"
        className="panel form-narrow"
        id={form.id}
        onSubmit={form.onSubmit}
        noValidate
      >
        <input type="hidden" name="workType" value={query.workType} />
        <input type="hidden" name="placeKind" value={query.placeKind} />
        <input type="hidden" name="placeId" value={query.placeId} />
        {contractors.length > 0 ? (
          <SelectField meta={fields.contractorOrgId} label={t("create.contractor")}>
            {contractors.map((c) => (
              <option key={c.id} value={c.id} translate="no">
                {c.label}
              </option>
            ))}
          </SelectField>
        ) : null}
        <div className="field-row">
          <InputField meta={fields.capacity} label={t("create.capacity")} inputMode="numeric" />
          <InputField
            meta={fields.capacityUnit}
            label={t("create.unit")}
            placeholder={t("create.unitHint")}
          />
        </div>
        <div className="field-row">
          <InputField meta={fields.plannedStart} type="date" label={t("create.plannedStart")} />
          <InputField meta={fields.plannedEnd} type="date" label={t("create.plannedEnd")} />
        </div>
        <FormErrors form={form as unknown as Parameters<typeof FormErrors>[0]["form"]} />
        <button className="button button-primary" type="submit" disabled={busy}>
          {t("create.submit")}
        </button>
      </Form>
    </>
  );
}
