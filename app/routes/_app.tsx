import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, NavLink, Outlet, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useSignOutGuard } from "~/components/sign-out-guard";
import { SyncIndicator } from "~/components/sync-indicator.deferred";
import { type Action, scopeFor } from "~/modules/auth/permissions";
import { requireUser } from "~/modules/auth/require-user.server";
import { unreadCount } from "~/modules/defect/inbox.server";

// The header's sync indicator speaks the lot namespace's words on every page.
// The sync indicator (lot), the shared page header, pager and filters and role names (auth).
export const handle = { i18n: ["lot", "auth"] };

const NAV = [
  { to: "/dashboard", label: "dashboard", action: "dashboard.view" },
  { to: "/projects", label: "projects", action: "project.view" },
  { to: "/lots", label: "lots", action: "lot.view" },
  { to: "/work-types", label: "workTypes", action: "workType.view" },
  { to: "/defects", label: "defects", action: "defect.view" },
  { to: "/notices", label: "notices", action: "notice.view" },
  { to: "/residents", label: "residents", action: "residents.view" },
  { to: "/organizations", label: "organizations", action: "organization.view" },
  { to: "/users", label: "users", action: "user.manage" },
  { to: "/audit", label: "audit", action: "audit.view" },
  { to: "/funds", label: "funds", action: "fund.view" },
] as const satisfies readonly { to: string; label: string; action: Action }[];

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, db } = await requireUser(request, "account.view");
  return {
    unread: await unreadCount(db, user.id),
    user: {
      id: user.id,
      displayName: user.displayName,
      // A code, worded in the browser: the label follows the page's language as soon as the
      // account's setting changes (i18next switches before this loader's data would).
      role: user.role,
      organizationName: user.organizationName,
    },
    nav: NAV.filter((n) => scopeFor(user.role, n.action) !== null).map(({ to, label }) => ({
      to,
      label,
    })),
  };
}

export default function AppLayout() {
  const { user, nav, unread } = useLoaderData<typeof loader>();
  const onSignOut = useSignOutGuard();
  const { t } = useTranslation();
  return (
    <div className="shell">
      <header className="topbar">
        <NavLink to="/" className="brand">
          {t("app.brand")}
        </NavLink>
        <nav className="mainnav" aria-label={t("nav.label")}>
          {nav.map((n) => (
            <NavLink key={n.to} to={n.to} prefetch="intent">
              {t(`nav.${n.label}`)}
            </NavLink>
          ))}
        </nav>
        <div className="who">
          <SyncIndicator userId={user.id} />
          <NavLink
            to="/inbox"
            className="inbox-link"
            aria-label={
              unread > 99
                ? t("nav.inboxUnreadMany")
                : unread > 0
                  ? t("nav.inboxUnread", { count: unread })
                  : t("nav.inbox")
            }
          >
            {t("nav.inbox")}
            {unread > 0 ? (
              <span className="unread-count" data-testid="unread-count">
                {unread > 99 ? "99+" : unread}
              </span>
            ) : null}
          </NavLink>
          <NavLink to="/account" className="who-link" title={user.organizationName}>
            <span className="who-name" translate="no">
              {user.displayName}
            </span>
            <span className="who-role">{t(`roles.${user.role}`, { ns: "auth" })}</span>
            <span className="who-org" translate="no">
              {user.organizationName}
            </span>
          </NavLink>
          <Form method="post" action="/logout" onSubmit={onSignOut}>
            <button type="submit" className="button button-quiet">
              {t("nav.signOut")}
            </button>
          </Form>
        </div>
      </header>
      <main className="content">
        <Outlet />
      </main>
    </div>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";
export { keepDataAfterOfflinePost as shouldRevalidate } from "~/modules/offline/revalidate";
