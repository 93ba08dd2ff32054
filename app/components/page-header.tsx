import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

/**
 * `data`: the label is a name as written (not translated, exempt from the language check).
 * Unset, a crumb to one record (`/compounds/:id`, `/projects/:id`) is taken as named by its data
 * and a crumb to a section or a page of a record (`/users`, `/compounds/:id/drawings`) as words.
 */
export type Crumb = { to: string; label: string; data?: boolean };

const namedByData = (c: Crumb) =>
  c.data ?? c.to.split(/[?#]/)[0]?.split("/").filter(Boolean).length === 2;

export function PageHeader({
  title,
  crumbs = [],
  subtitle,
  actions,
}: {
  title: ReactNode;
  crumbs?: Crumb[];
  subtitle?: ReactNode;
  actions?: ReactNode;
}) {
  const { t } = useTranslation("auth");
  return (
    <div className="page-header">
      {crumbs.length > 0 ? (
        <nav className="crumbs" aria-label={t("shared.crumbs")}>
          {crumbs.map((c) => (
            <Link key={c.to} to={c.to} translate={namedByData(c) ? "no" : undefined}>
              {c.label}
            </Link>
          ))}
        </nav>
      ) : null}
      <div className="page-title-row">
        <h1>{title}</h1>
        {actions ? <div className="page-actions">{actions}</div> : null}
      </div>
      {subtitle ? <p className="page-subtitle">{subtitle}</p> : null}
    </div>
  );
}
