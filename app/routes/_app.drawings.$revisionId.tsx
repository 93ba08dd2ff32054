import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { PlacePanel } from "~/components/drawing/place-panel";
import { RenderStatePanel } from "~/components/drawing/render-state";
import { DrawingViewer } from "~/components/drawing-viewer";
import { PageHeader } from "~/components/page-header";
import { parseSubmission, replyError, replyInvalid } from "~/infra/submission.server";
import { requestT } from "~/modules/auth/language.server";
import { notFound, requireUser } from "~/modules/auth/require-user.server";
import { DEFECT_STATES, isDefectState } from "~/modules/defect/workflow";
import type { Point } from "~/modules/drawing/coords";
import { pinExistingSchema } from "~/modules/drawing/forms";
import { isRevisionStatus } from "~/modules/drawing/labels";
import { pinDefect } from "~/modules/drawing/pins.server";
import { sheetPage } from "~/modules/drawing/sheet-page.server";
import { useFormat } from "~/modules/i18n/use-format";

export {
  drawingHandle as handle,
  drawingLinks as links,
  drawingMeta as meta,
} from "~/components/drawing/route-meta";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, scope, db } = await requireUser(request, "drawing.view");
  const page = await sheetPage(db, user, scope, params.revisionId ?? "");
  if (!page) notFound("drawing");
  const t = await requestT(request);
  const metaTitle = t("sheet.metaTitle", {
    ns: "drawing",
    number: page.sheet.number,
    revision: page.revision.revision,
  });
  return { ...page, metaTitle };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, scope, db } = await requireUser(request, "defect.create");
  const t = await requestT(request);
  const submission = parseSubmission(await request.formData(), pinExistingSchema(t), t);
  if (submission.status !== "success") return replyInvalid(submission);
  try {
    await pinDefect(db, user, scope, submission.value.defectId, {
      revisionId: params.revisionId ?? "",
      x: submission.value.x,
      y: submission.value.y,
    });
    return redirect(`/drawings/${params.revisionId}`);
  } catch (error) {
    return replyError(submission, error, t);
  }
}

export default function DrawingPage() {
  const { revision, sheet, revisions, current, pins, canPin, unpinned } =
    useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  // While pinning, the place panel shows the refusal beside its field; otherwise it shows here.
  const messages = result ? Object.values(result.error ?? {}).flat() : [];
  const { t } = useTranslation("drawing");
  const format = useFormat();
  const busy = useNavigation().state !== "idle";
  const [placing, setPlacing] = useState(false);
  const [placed, setPlaced] = useState<Point | null>(null);
  const [shown, setShown] = useState<Set<string>>(new Set(DEFECT_STATES));
  const superseded = revision.status === "superseded";
  const counts = Object.fromEntries(
    DEFECT_STATES.map((s) => [s, pins.filter((p) => p.defect.status === s).length]),
  );
  const toggle = (s: string) =>
    setShown((prev) => {
      const next = new Set(prev);
      if (next.has(s)) next.delete(s);
      else next.add(s);
      return next;
    });
  const stateLabel = (s: string) => (isDefectState(s) ? t(`sheet.defectStates.${s}`) : s);
  return (
    <>
      <PageHeader
        title={<span translate="no">{`${sheet.number} ${sheet.title}`}</span>}
        crumbs={[
          { to: `/compounds/${sheet.compound.id}`, label: sheet.compound.name },
          { to: `/compounds/${sheet.compound.id}/drawings`, label: t("register.title") },
        ]}
        subtitle={
          <>
            <span translate="no">{sheet.discipline}</span> ·{" "}
            <strong>{t("revision.label", { revision: revision.revision })}</strong> ·{" "}
            <span className={`badge revision-${revision.status}`}>
              {isRevisionStatus(revision.status)
                ? t(`revision.status.${revision.status}`)
                : revision.status}
            </span>{" "}
            · {t("sheet.issuedOn", { date: format.date(revision.issuedOn) })}
          </>
        }
      />
      {superseded ? (
        <p className="alert alert-error" role="alert">
          {t("sheet.superseded")}
          {current ? (
            <>
              {t("sheet.currentIs")}
              <Link to={`/drawings/${current.id}`}>
                {t("revision.label", { revision: current.revision })}
              </Link>
              {t("sheet.currentIsEnd")}
            </>
          ) : null}
          {t("sheet.pinsStay")}
        </p>
      ) : null}
      {messages.length > 0 && !placing ? (
        <p className="alert alert-error" role="alert">
          {messages.join(" ")}
        </p>
      ) : null}
      <nav className="chips revision-chips" aria-label={t("sheet.revisionsLabel")}>
        {revisions.map((r) => (
          <Link
            key={r.id}
            to={`/drawings/${r.id}`}
            className={`chip${r.id === revision.id ? " chip-active" : ""} revision-${r.status}`}
            aria-current={r.id === revision.id ? "page" : undefined}
          >
            {t(
              r.status === "superseded"
                ? "revision.navChip_superseded"
                : "revision.navChip_current",
              {
                revision: r.revision,
              },
            )}
          </Link>
        ))}
      </nav>
      <fieldset className="pin-filter">
        <legend>{t("sheet.pinsLegend")}</legend>
        {DEFECT_STATES.map((s) => (
          <label key={s} className={`chip pin-filter-${s}`}>
            <input type="checkbox" checked={shown.has(s)} onChange={() => toggle(s)} />
            <span className={`pin-dot pin-${s}`} aria-hidden="true" />
            {t("sheet.pinFilter", { state: stateLabel(s), count: counts[s] ?? 0 })}
          </label>
        ))}
      </fieldset>
      {revision.image === null ? <RenderStatePanel state={revision} /> : null}
      {revision.image === null ? null : (
        <DrawingViewer
          previewSrc={`/drawings/${revision.id}/preview`}
          fullSrc={`/drawings/${revision.id}/full`}
          width={revision.image.width}
          height={revision.image.height}
          pins={pins
            .filter((p) => shown.has(p.defect.status))
            .map((p) => ({
              id: p.id,
              x: p.x,
              y: p.y,
              status: p.defect.status,
              label: t("sheet.pinLabel", {
                number: p.defect.number,
                title: p.defect.title,
                state: stateLabel(p.defect.status),
              }),
              href: `/defects/${p.defect.id}`,
            }))}
          placing={placing}
          placed={placed}
          overlay={
            placing ? (
              <PlacePanel
                revisionId={revision.id}
                placed={placed}
                superseded={superseded}
                unpinned={unpinned}
                busy={busy}
                lastResult={result}
              />
            ) : null
          }
          onPlace={setPlaced}
          toolbar={
            canPin ? (
              <button
                type="button"
                className={`button${placing ? " button-primary" : ""}`}
                aria-pressed={placing}
                onClick={() => {
                  setPlacing(!placing);
                  setPlaced(null);
                }}
              >
                {placing ? t("sheet.stopPinning") : t("sheet.startPinning")}
              </button>
            ) : null
          }
        />
      )}
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";
