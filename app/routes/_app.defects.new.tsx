import type {
  ActionFunctionArgs,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { NewDefectForm } from "~/components/defect/new-defect-form";
import { PageHeader } from "~/components/page-header";
import { isDomainError } from "~/infra/domain-error";
import { parseSubmission, replyError, replyInvalid } from "~/infra/submission.server";
import { requestT } from "~/modules/auth/language.server";
import { notFound, requireUser } from "~/modules/auth/require-user.server";
import { createDefect } from "~/modules/defect/defects.server";
import { newDefectSchema } from "~/modules/defect/forms";
import { newDefectPage, pinnedCompoundId } from "~/modules/defect/pages.server";
import drawingStyles from "~/styles/drawings.css?url";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";

export const handle = { i18n: ["defect"] };

export const links: LinksFunction = () => [{ rel: "stylesheet", href: drawingStyles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.metaTitle ?? "" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, db } = await requireUser(request, "defect.create");
  const t = await requestT(request);
  try {
    const page = await newDefectPage(db, user, new URL(request.url).searchParams);
    if ("miss" in page) {
      if (page.miss === "pinOutside")
        throw data(
          { kind: "not-found", message: t("form.pinOutside", { ns: "defect" }) },
          { status: 400 },
        );
      notFound(page.miss);
    }
    // Not `title`: an item defect's page carries the prefilled defect title under that name.
    return { ...page, metaTitle: t("create.meta", { ns: "defect" }) };
  } catch (error) {
    if (isDomainError(error) && error.status === 404) notFound("checklistItem");
    if (isDomainError(error))
      throw data({ kind: "not-found", message: error.text(t) }, { status: 400 });
    throw error;
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, db } = await requireUser(request, "defect.create");
  const t = await requestT(request);
  const form = await request.formData();
  const mode = form.has("revisionId") ? "pin" : form.has("lotId") ? "item" : "standalone";
  const submission = parseSubmission(form, newDefectSchema(t, mode), t);
  if (submission.status !== "success") return replyInvalid(submission);
  const input = submission.value;
  try {
    if ("revisionId" in input) {
      const { revisionId, x, y, ...rest } = input;
      const compoundId = await pinnedCompoundId(db, user, revisionId);
      if (!compoundId) notFound("drawing");
      const defect = await createDefect(db, user, {
        from: "compound",
        compoundId,
        ...rest,
        pin: { revisionId, x, y },
      });
      return redirect(`/defects/${defect.id}`);
    }
    const defect = await createDefect(
      db,
      user,
      "lotId" in input ? { from: "lot", ...input } : { from: "compound", ...input },
    );
    return redirect(`/defects/${defect.id}`);
  } catch (error) {
    return replyError(submission, error, t);
  }
}

export default function NewDefectPage() {
  const page = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation("defect");
  const busy = useNavigation().state !== "idle";
  const back =
    page.mode === "item"
      ? `/lots/${page.lot.id}`
      : page.mode === "pin"
        ? `/drawings/${page.pin.revisionId}`
        : `/compounds/${page.compound.id}`;
  return (
    <>
      {page.mode === "item" ? (
        <PageHeader
          title={t("create.title")}
          crumbs={[{ to: back, label: t("create.lotCrumb", { number: page.lot.number }) }]}
          subtitle={
            <>
              <span translate="no">{page.lot.placeLabel}</span>
              {t("create.contractorIs")}
              <span translate="no">{page.contractor}</span>
            </>
          }
        />
      ) : (
        <PageHeader
          title={t("create.title")}
          crumbs={[
            { to: `/compounds/${page.compound.id}`, label: page.compound.name, data: true },
            ...(page.pin ? [{ to: back, label: page.pin.sheet, data: true }] : []),
          ]}
          subtitle={
            page.pin ? (
              <>
                {t("create.pinnedOn")}
                <span translate="no">{page.pin.sheet}</span>
                {t("page.revision", { revision: page.pin.revision })}
                {t("create.photosLater")}
              </>
            ) : (
              t("create.standalone")
            )
          }
        />
      )}
      <NewDefectForm page={page} back={back} busy={busy} lastResult={lastResult} />
    </>
  );
}
