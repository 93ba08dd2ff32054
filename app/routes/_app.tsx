import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, NavLink, Outlet, useLoaderData, useRouteError } from "@remix-run/react";
import { ErrorPage } from "~/components/error-page";
import { SyncIndicator, useSignOutGuard } from "~/components/sync-indicator";
import { db } from "~/infra/db.server";
import { type Action, ROLE_LABELS, scopeFor } from "~/modules/auth/permissions";
import { requireUser } from "~/modules/auth/require-user.server";
import { startDueNotificationJob, unreadCount } from "~/modules/defect/inbox.server";

const NAV: { to: string; label: string; action: Action }[] = [
  { to: "/dashboard", label: "统计", action: "dashboard.view" },
  { to: "/projects", label: "项目", action: "project.view" },
  { to: "/lots", label: "检验批", action: "lot.view" },
  { to: "/work-types", label: "检查表库", action: "workType.view" },
  { to: "/defects", label: "质量问题", action: "defect.view" },
  { to: "/notices", label: "通知单", action: "notice.view" },
  { to: "/residents", label: "居民工作", action: "residents.view" },
  { to: "/organizations", label: "单位", action: "organization.view" },
  { to: "/users", label: "用户", action: "user.manage" },
  { to: "/audit", label: "操作记录", action: "audit.view" },
  { to: "/funds", label: "资金", action: "fund.view" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requireUser(request, "account.view");
  startDueNotificationJob(db());
  return {
    unread: await unreadCount(db(), user.id),
    user: {
      id: user.id,
      displayName: user.displayName,
      roleLabel: ROLE_LABELS[user.role],
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
  return (
    <div className="shell">
      <header className="topbar">
        <NavLink to="/" className="brand">
          验收
        </NavLink>
        <nav className="mainnav" aria-label="主导航">
          {nav.map((n) => (
            <NavLink key={n.to} to={n.to} prefetch="intent">
              {n.label}
            </NavLink>
          ))}
        </nav>
        <div className="who">
          <SyncIndicator userId={user.id} />
          <NavLink
            to="/inbox"
            className="inbox-link"
            aria-label={unread > 0 ? `消息，${unread} 条未读` : "消息"}
          >
            消息
            {unread > 0 ? (
              <span className="unread-count" data-testid="unread-count">
                {unread > 99 ? "99+" : unread}
              </span>
            ) : null}
          </NavLink>
          <NavLink to="/account" className="who-link" title={user.organizationName}>
            <span className="who-name">{user.displayName}</span>
            <span className="who-role">{user.roleLabel}</span>
          </NavLink>
          <Form method="post" action="/logout" onSubmit={onSignOut}>
            <button type="submit" className="button button-quiet">
              退出
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

export function ErrorBoundary() {
  return <ErrorPage error={useRouteError()} />;
}
