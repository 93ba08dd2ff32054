import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { PageHeader } from "~/components/page-header";
import { db } from "~/infra/db.server";
import { parseForm } from "~/infra/forms";
import { ACTIONS, PERMISSIONS, ROLE_LABELS } from "~/modules/auth/permissions";
import { requireUser } from "~/modules/auth/require-user.server";
import { listSessions, revokeSession } from "~/modules/auth/session.server";
import { formatDateTime } from "~/modules/site/labels";

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requireUser(request, "account.view");
  const sessions = await listSessions(db(), user.id);
  const permissions = Object.entries(PERMISSIONS[user.role]).map(([action, scope]) => ({
    label: ACTIONS[action as keyof typeof ACTIONS],
    scope: scope === "any" ? "全部" : "本单位",
  }));
  return {
    user: {
      displayName: user.displayName,
      username: user.username,
      title: user.title,
      roleLabel: ROLE_LABELS[user.role],
      organizationName: user.organizationName,
    },
    sessions: sessions.map((s) => ({ ...s, current: s.id === user.sessionId })),
    permissions,
  };
}

const RevokeSchema = z.object({ sessionId: z.string().min(1, "缺少登录设备") });

export async function action({ request }: ActionFunctionArgs) {
  const { user } = await requireUser(request, "account.view");
  const parsed = parseForm(RevokeSchema, await request.formData());
  if (!parsed.ok) return data({ message: "请求无效" }, { status: 400 });
  const revoked = await revokeSession(db(), user.id, parsed.data.sessionId);
  if (!revoked) return data({ message: "该登录设备不存在或已退出" }, { status: 404 });
  return { message: "已退出该设备" };
}

export default function Account() {
  const { user, sessions, permissions } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <PageHeader
        title={user.displayName}
        subtitle={`${user.organizationName} · ${user.title} · ${user.roleLabel} · 用户名 ${user.username}`}
      />
      <h2>我的权限</h2>
      <ul className="chips">
        {permissions.map((p) => (
          <li key={p.label} className="chip">
            {p.label}（{p.scope}）
          </li>
        ))}
      </ul>
      <h2>登录设备</h2>
      {result?.message ? <p className="alert">{result.message}</p> : null}
      <table className="table">
        <thead>
          <tr>
            <th>设备</th>
            <th>登录时间</th>
            <th>最近使用</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {sessions.map((s) => (
            <tr key={s.id}>
              <td className="ua">{s.userAgent ?? "未知设备"}</td>
              <td>{formatDateTime(s.createdAt)}</td>
              <td>{formatDateTime(s.lastSeenAt)}</td>
              <td>
                {s.current ? (
                  <span className="badge">当前设备</span>
                ) : (
                  <Form method="post">
                    <input type="hidden" name="sessionId" value={s.id} />
                    <button className="button" type="submit">
                      退出该设备
                    </button>
                  </Form>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
