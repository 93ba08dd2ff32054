import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { RenderBadge, useRenderPolling } from "~/components/drawing/render-state";
import { DrawingUploadForm, type DrawingUploadResult } from "~/components/drawing-upload-form";
import { PageHeader } from "~/components/page-header";
import { isDomainError } from "~/infra/domain-error";
import { parseSubmission } from "~/infra/submission.server";
import { requestT } from "~/modules/auth/language.server";
import { notFound, requireUser } from "~/modules/auth/require-user.server";
import { uploadDrawings } from "~/modules/drawing/drawings.server";
import { uploadFieldsSchema } from "~/modules/drawing/forms";
import { isRevisionStatus } from "~/modules/drawing/labels";
import { drawingRegisterPage } from "~/modules/drawing/register-page.server";
import { drawingStorage } from "~/modules/drawing/storage.server";
import { withDrawingUpload } from "~/modules/drawing/upload-request.server";
import { useFormat } from "~/modules/i18n/use-format";

export {
  drawingHandle as handle,
  drawingLinks as links,
  drawingMeta as meta,
} from "~/components/drawing/route-meta";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, scope, db } = await requireUser(request, "drawing.view");
  const page = await drawingRegisterPage(
    db,
    user,
    scope,
    params.compoundId ?? "",
    new URL(request.url).searchParams,
  );
  if (!page) notFound("compound");
  const t = await requestT(request);
  return {
    ...page,
    metaTitle: t("register.metaTitle", { ns: "drawing", compound: page.compound.name }),
  };
}

const answer = (result: DrawingUploadResult, status = 200) => data(result, { status });

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, scope, db } = await requireUser(request, "drawing.upload");
  const t = await requestT(request);
  // Set inside the upload's callback; read by the refusal below (so not narrowed to null).
  let submission = null as ReturnType<
    typeof parseSubmission<ReturnType<typeof uploadFieldsSchema>>
  > | null;
  try {
    return await withDrawingUpload(request, async ({ fields, file }) => {
      const formData = new FormData();
      for (const [name, value] of Object.entries(fields)) formData.set(name, value);
      submission = parseSubmission(formData, uploadFieldsSchema(t), t);
      if (submission.status !== "success")
        return answer({ kind: "invalid", result: submission.reply() }, 400);
      const { issuedOn, workTypeId, confirm, ...spec } = submission.value;
      const out = await uploadDrawings(db, drawingStorage(), user, scope, {
        compoundId: params.compoundId ?? "",
        workTypeId,
        issuedOn,
        spec,
        file,
        confirm,
      });
      // Nothing stored yet: the user sees which sheets would be superseded and confirms.
      if (out.kind === "confirm")
        return answer({
          kind: "confirm",
          message: t(out.changed ? "upload.confirmChanged" : "upload.askConfirm", {
            ns: "drawing",
          }),
          token: out.token,
          pages: out.pages.map(({ number, revision, supersedes }) => ({
            number,
            revision,
            supersedes,
          })),
        });
      const list = out.sheets
        .map((o) => t("upload.doneItem", { ns: "drawing", number: o.number, revision: o.revision }))
        .join(t("upload.listSeparator", { ns: "drawing" }));
      return answer({
        kind: "done",
        message: t("upload.done", { ns: "drawing", count: out.sheets.length, list }),
      });
    });
  } catch (error) {
    if (!isDomainError(error)) throw error;
    const message = error.text(t);
    // A refusal about one field goes beside it; the rest (the file) above the buttons.
    if (error.field && error.field !== "file" && submission)
      return answer(
        {
          kind: "invalid",
          result: submission.reply({ fieldErrors: { [error.field]: [message] } }),
        },
        error.status,
      );
    return answer({ kind: "error", message }, error.status);
  }
}

export default function DrawingRegister() {
  const { compound, sheets, filters, canUpload, workTypes, today, defaultStart } =
    useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation("drawing");
  const format = useFormat();
  const en = format.lng === "en";
  // Only while the upload itself runs: the reload of the register after it shows the result already.
  const busy = useNavigation().state === "submitting";
  // Freshly uploaded revisions are rendered in the background: refresh until they are.
  useRenderPolling(sheets.some((s) => s.revisions.some((r) => r.renderStatus === "pending")));
  return (
    <>
      <PageHeader
        title={t("register.title")}
        crumbs={[
          { to: `/projects/${compound.project.id}`, label: compound.project.name },
          { to: `/compounds/${compound.id}`, label: compound.name },
        ]}
        subtitle={
          <>
            <span translate="no">{compound.name}</span>{" "}
            {t("register.subtitle", { count: filters.total })}
          </>
        }
      />
      {filters.total > 0 ? (
        <Form method="get" className="filters panel" aria-label={t("register.filterLabel")}>
          <select
            name="workType"
            defaultValue={filters.workType ?? ""}
            aria-label={t("register.workType")}
          >
            <option value="">{t("register.allWorkTypes")}</option>
            {filters.workTypes.map((w) => (
              <option key={w.code} value={w.code}>
                {en ? w.nameEn : w.nameZh}
              </option>
            ))}
          </select>
          <select
            name="discipline"
            defaultValue={filters.discipline ?? ""}
            aria-label={t("register.discipline")}
          >
            <option value="">{t("register.allDisciplines")}</option>
            {filters.disciplines.map((d) => (
              <option key={d} value={d} translate="no">
                {d}
              </option>
            ))}
          </select>
          <button type="submit" className="button">
            {t("register.filter")}
          </button>
          {sheets.length !== filters.total ? (
            <span className="muted">{t("register.showing", { count: sheets.length })}</span>
          ) : null}
        </Form>
      ) : null}
      {sheets.length === 0 ? (
        <p className="empty">{t(filters.total === 0 ? "register.empty" : "register.noMatch")}</p>
      ) : (
        <table className="table drawing-register">
          <thead>
            <tr>
              <th>{t("register.columns.number")}</th>
              <th>{t("register.columns.title")}</th>
              <th>{t("register.columns.discipline")}</th>
              <th>{t("register.columns.revisions")}</th>
            </tr>
          </thead>
          <tbody>
            {sheets.map((s) => {
              const current = s.revisions.find((r) => r.status === "current");
              return (
                <tr key={s.id}>
                  <td translate="no">
                    {current ? (
                      <Link className="button sheet-link" to={`/drawings/${current.id}`}>
                        {s.number}
                      </Link>
                    ) : (
                      s.number
                    )}
                  </td>
                  <td>
                    <span translate="no">{s.title}</span>
                    {s.workType ? (
                      <small className="muted">
                        {" · "}
                        {en ? s.workType.nameEn : s.workType.nameZh}
                      </small>
                    ) : null}
                  </td>
                  <td translate="no">{s.discipline}</td>
                  <td>
                    <div className="chips">
                      {s.revisions.map((r) => (
                        <Link
                          key={r.id}
                          to={`/drawings/${r.id}`}
                          className={`chip revision-${r.status}`}
                          title={[
                            t("register.issued", { date: format.date(r.issuedOn) }),
                            ...(r._count.pins
                              ? [t("register.pins", { count: r._count.pins })]
                              : []),
                          ].join(" · ")}
                        >
                          {t("revision.chip", {
                            revision: r.revision,
                            status: isRevisionStatus(r.status)
                              ? t(`revision.status.${r.status}`)
                              : r.status,
                          })}
                          {r._count.pins ? ` · ${r._count.pins}` : ""}{" "}
                          <RenderBadge renderStatus={r.renderStatus} />
                        </Link>
                      ))}
                    </div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}

      {canUpload ? (
        <DrawingUploadForm
          result={result}
          busy={busy}
          workTypes={workTypes.map((w) => ({ id: w.id, name: en ? w.nameEn : w.nameZh }))}
          today={today}
          defaultStart={defaultStart}
        />
      ) : null}
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";
