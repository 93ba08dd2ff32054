import { useRevalidator } from "@remix-run/react";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import type { MessageParams } from "~/infra/domain-error";

/** How often a page with a revision still being rendered asks the server again. */
const POLL_MS = 2_000;

export type RenderState = {
  renderStatus: string;
  renderError: { code: string; params: MessageParams } | null;
  /** pending for longer than a worker would take (see renderStalled) */
  renderStalled?: boolean;
};

/**
 * Reloads the page's data every few seconds while `pending` (a drawing.render job is queued or
 * running), and stops once nothing on the page waits for a render any more.
 */
export function useRenderPolling(pending: boolean) {
  const { revalidate, state } = useRevalidator();
  useEffect(() => {
    if (!pending || state !== "idle") return;
    const timer = setTimeout(() => {
      // A hidden tab asks again when it is shown (the next render of this hook).
      if (document.visibilityState === "visible") revalidate();
    }, POLL_MS);
    return () => clearTimeout(timer);
  }, [pending, state, revalidate]);
}

/** In place of the sheet: 预览生成中 (refreshing itself) or 渲染失败 with the reason. */
export function RenderStatePanel({ state }: { state: RenderState }) {
  const { t } = useTranslation("drawing");
  useRenderPolling(state.renderStatus === "pending");
  if (state.renderStatus === "failed") {
    const reason = state.renderError
      ? (t as unknown as (key: string, params: MessageParams) => string)(
          state.renderError.code,
          state.renderError.params,
        )
      : t("errors.renderFailed");
    return (
      <section className="panel render-state render-failed" role="alert">
        <h2>{t("render.failed")}</h2>
        <p>{t("render.failedHint", { reason })}</p>
      </section>
    );
  }
  return (
    <section className="panel render-state render-pending" role="status" aria-live="polite">
      <h2>{t("render.pending")}</h2>
      <p>{t("render.pendingHint")}</p>
      {state.renderStalled ? <p className="render-stalled">{t("render.stalledHint")}</p> : null}
    </section>
  );
}

/** A small badge beside a revision in a list: 预览生成中 / 渲染失败, nothing once ready. */
export function RenderBadge({ renderStatus }: { renderStatus: string }) {
  const { t } = useTranslation("drawing");
  if (renderStatus === "ready") return null;
  return (
    <span className={`badge ${renderStatus === "failed" ? "badge-danger" : "badge-warn"}`}>
      {renderStatus === "failed" ? t("render.failed") : t("render.pending")}
    </span>
  );
}
