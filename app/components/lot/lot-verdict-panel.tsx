import { useTranslation } from "react-i18next";
import { say } from "~/modules/lot/messages";
import { lotNextStep } from "~/modules/lot/next-step";
import type { LotState } from "~/modules/lot/workflow";

type Verdict = { status: "pass" | "fail" | "incomplete"; summary: string };

/** The next step and the verdict as recorded so far (recomputed in the browser on every entry). */
export function LotVerdictPanel({
  state,
  verdict,
  done,
  total,
  failing,
  viewerIsContractor,
}: {
  state: LotState;
  verdict: Verdict;
  done: number;
  total: number;
  failing: string[];
  viewerIsContractor: boolean;
}) {
  const { t } = useTranslation("lot");
  const next = lotNextStep({ state, verdict: verdict.status, done, total, viewerIsContractor });
  return (
    <>
      <p className="alert next-step" data-testid="next-step">
        {t("nextStep.label")}
        {say(t, next)}
      </p>
      <section className={`verdict verdict-${verdict.status}`} aria-label={t("page.verdictLabel")}>
        <div className="verdict-head">
          <strong className="verdict-status">{t(`page.verdict.${verdict.status}`)}</strong>
          <span className="verdict-summary">{verdict.summary}</span>
          <span className="muted verdict-done">{t("page.done", { done, total })}</span>
        </div>
        <progress max={total} value={done} aria-label={t("page.progress")} />
        {failing.length > 0 ? (
          <ul className="verdict-reasons">
            {failing.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        ) : null}
      </section>
    </>
  );
}
