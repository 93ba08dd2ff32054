import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { DivisionPageData } from "~/modules/division/page.server";

type Evidence = DivisionPageData["record"]["evidence"];

/**
 * 质量控制资料 and 安全和功能检验 of the 分部 (GB 50300 §5.0.3-2/3), as the evidence module
 * records them; fixed on its page.
 */
export function EvidencePanel({ evidence }: { evidence: Evidence }) {
  const { t } = useTranslation("division");
  return (
    <section className="panel" data-testid="evidence">
      <h2>{t("evidence.documents")}</h2>
      {evidence?.requiredDocuments.length ? (
        <p className="muted" translate="no">
          {t("evidence.required", {
            names: evidence.requiredDocuments.map((d) => d.name).join(t("separator")),
          })}
        </p>
      ) : null}
      {evidence?.documents.length ? (
        <ul>
          {evidence.documents.map((d) => (
            <li key={d.id}>
              <a href={d.href} translate="no">
                {d.title}
              </a>{" "}
              · {t(`evidence.docStatus.${d.status}`)}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t("evidence.none")}</p>
      )}
      <h2>{t("evidence.tests")}</h2>
      {evidence?.tests.length ? (
        <ul>
          {evidence.tests.map((x) => (
            <li key={x.id}>
              <span translate="no">
                {x.name} · {x.place} · {x.summary} ({x.clause})
              </span>{" "}
              · {x.pass ? t("evidence.pass") : t("evidence.fail")}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t("evidence.none")}</p>
      )}
      {evidence ? (
        <Link to={evidence.href}>{t(evidence.complete ? "evidence.open" : "evidence.fix")}</Link>
      ) : null}
    </section>
  );
}
