import { useTranslation } from "react-i18next";
import { LADDER_STEPS, type LadderStep } from "~/modules/ladder/rules";

/** The 单位工程 acceptance in its order, marking where the compound stands (decision 0033). */
export function LadderSteps({ step }: { step: LadderStep }) {
  const { t } = useTranslation("ladder");
  const at = LADDER_STEPS.indexOf(step);
  return (
    <nav className="panel ladder-steps" aria-label={t("steps.title")}>
      <ol>
        {LADDER_STEPS.map((s, i) => {
          const state = i < at ? "done" : i === at ? "current" : "todo";
          return (
            <li
              key={s}
              className={`ladder-step ladder-${state}`}
              aria-current={state === "current" ? "step" : undefined}
              data-testid={`ladder-${s}`}
              data-state={state}
            >
              <span className="ladder-name">{t(`steps.${s}`)}</span>
              <small className="muted">{t(`steps.${state}`)}</small>
            </li>
          );
        })}
      </ol>
      <p className="muted small">{t("steps.cite")}</p>
    </nav>
  );
}
