import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useState } from "react";
import { PageHeader } from "~/components/page-header";
import { UserFields } from "~/components/user-fields";
import { db } from "~/infra/db.server";
import { parseForm } from "~/infra/forms";
import { auditActionLabel } from "~/modules/audit/labels";
import { eventsFor } from "~/modules/audit/record.server";
import { requestT } from "~/modules/auth/language.server";
import { isRole, ROLE_LABELS } from "~/modules/auth/permissions";
import { notFound, requireUser } from "~/modules/auth/require-user.server";
import { organizationOptions } from "~/modules/org/org-options.server";
import { UserIntentSchema } from "~/modules/org/user-forms";
import { MIN_PASSWORD_LENGTH } from "~/modules/org/user-rules";
import {
  getUser,
  resetPassword,
  setUserActive,
  UserAdminError,
  updateUser,
} from "~/modules/org/users.server";
import { formatDateTime } from "~/modules/site/labels";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.account.displayName ?? "用户"} · 验收` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request, "user.manage");
  const account = await getUser(db(), params.userId ?? "");
  if (!account) notFound("user");
  const events = await eventsFor(db(), "User", account.id);
  const t = await requestT(request);
  const orgs = await organizationOptions(db());
  const orgNames = new Map(orgs.map((o) => [o.id, o.name]));
  return {
    account: {
      ...account,
      roleZh: isRole(account.role) ? ROLE_LABELS[account.role] : account.role,
    },
    orgs,
    history: events.map((e) => ({
      seq: e.seq,
      at: e.at,
      action: auditActionLabel(t, e.action),
      detail: describeChange(e.payload, orgNames),
    })),
  };
}

const FIELD_ZH: Record<string, string> = {
  displayName: "姓名",
  title: "职务",
  phone: "电话",
  role: "角色",
  organizationId: "单位",
};

/** "角色：施工单位 → 监理工程师" from an event's recorded changes; empty for other events. */
function describeChange(payload: string, orgNames: Map<string, string>): string {
  const { changes } = JSON.parse(payload) as {
    changes?: Record<string, { from: unknown; to: unknown }>;
  };
  const show = (field: string, v: unknown) => {
    const text = String(v ?? "（空）");
    if (field === "role" && isRole(text)) return ROLE_LABELS[text];
    if (field === "organizationId") return orgNames.get(text) ?? text;
    return text;
  };
  return Object.entries(changes ?? {})
    .map(([f, c]) => `${FIELD_ZH[f] ?? f}：${show(f, c.from)} → ${show(f, c.to)}`)
    .join("；");
}

const DONE: Record<string, string> = {
  update: "已保存",
  deactivate: "账号已停用，其登录已全部退出",
  activate: "账号已启用",
  password: "密码已重置，其登录已全部退出",
};

export async function action({ request, params }: ActionFunctionArgs) {
  const { user } = await requireUser(request, "user.manage");
  const parsed = parseForm(UserIntentSchema, await request.formData());
  if (!parsed.ok)
    return data({ ok: false, message: Object.values(parsed.errors)[0] }, { status: 400 });
  const userId = params.userId ?? "";
  const input = parsed.data;
  try {
    if (input.intent === "update") {
      const { intent: _intent, ...fields } = input;
      const { changed } = await updateUser(db(), user, userId, fields);
      if (!changed) return { ok: true, message: "没有更改" };
    } else if (input.intent === "password") await resetPassword(db(), user, userId, input.password);
    else await setUserActive(db(), user, userId, input.intent === "activate");
    return { ok: true, message: DONE[input.intent] ?? "已完成" };
  } catch (error) {
    if (error instanceof UserAdminError) {
      if (error.status === 404) notFound("user");
      return data({ ok: false, message: error.message }, { status: error.status });
    }
    throw error;
  }
}

export default function UserPage() {
  const { account, orgs, history } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const [orgId, setOrgId] = useState(account.organizationId);
  return (
    <>
      <PageHeader
        title={`${account.displayName}（${account.username}）`}
        crumbs={[{ to: "/users", label: "用户" }]}
        subtitle={`${account.organization.name} · ${account.roleZh} · ${account.active ? "启用" : "已停用"}`}
      />
      {result?.message ? (
        <p
          className={result.ok ? "alert" : "alert alert-error"}
          role={result.ok ? "status" : "alert"}
        >
          {result.message}
        </p>
      ) : null}
      <Form
        method="post"
        className="panel form-stack"
        key={`${account.role}-${account.organizationId}`}
      >
        <h2>资料与角色</h2>
        <UserFields orgs={orgs} value={account} orgId={orgId} onOrg={setOrgId} />
        <p className="muted">
          更改角色或单位后，该用户的所有登录会立即退出，新权限在重新登录后生效。
        </p>
        <div className="workflow-buttons">
          <button
            type="submit"
            name="intent"
            value="update"
            className="button button-primary"
            disabled={busy}
          >
            保存
          </button>
        </div>
      </Form>
      <Form method="post" className="panel form-stack">
        <h2>重置密码</h2>
        <label>
          新密码（至少 {MIN_PASSWORD_LENGTH} 位）
          <input name="password" type="password" required autoComplete="new-password" />
        </label>
        <div className="workflow-buttons">
          <button type="submit" name="intent" value="password" className="button" disabled={busy}>
            重置密码
          </button>
        </div>
      </Form>
      <Form method="post" className="panel">
        <h2>账号状态</h2>
        <button
          type="submit"
          name="intent"
          value={account.active ? "deactivate" : "activate"}
          className="button"
          disabled={busy}
        >
          {account.active ? "停用账号" : "启用账号"}
        </button>
      </Form>
      <section className="panel">
        <h2>变更记录</h2>
        <ol className="history" data-testid="user-history">
          {history.map((h) => (
            <li key={h.seq}>
              <span className="muted">{formatDateTime(h.at)}</span> {h.action}
              {h.detail ? `：${h.detail}` : ""}
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
