import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { PageHeader } from "~/components/page-header";
import { db } from "~/infra/db.server";
import { isRole, ROLE_LABELS } from "~/modules/auth/permissions";
import { requireUser } from "~/modules/auth/require-user.server";
import { listUsers } from "~/modules/org/users.server";

export const meta: MetaFunction = () => [{ title: "用户 · 验收" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, "user.manage");
  const users = await listUsers(db());
  return {
    users: users.map((u) => ({
      id: u.id,
      username: u.username,
      displayName: u.displayName,
      title: u.title,
      roleZh: isRole(u.role) ? ROLE_LABELS[u.role] : u.role,
      organization: u.organization.shortName,
      active: u.active,
    })),
  };
}

export default function UsersPage() {
  const { users } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader
        title="用户"
        subtitle="账号、所属单位和角色；每次更改都写入操作记录"
        actions={
          <Link className="button button-primary" to="/users/new">
            新建用户
          </Link>
        }
      />
      <table className="table" data-testid="users">
        <thead>
          <tr>
            <th>用户名</th>
            <th>姓名</th>
            <th>单位</th>
            <th>角色</th>
            <th>状态</th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id} className={u.active ? undefined : "muted"}>
              <td>
                <Link to={`/users/${u.id}`}>{u.username}</Link>
              </td>
              <td>
                {u.displayName} <span className="muted">{u.title}</span>
              </td>
              <td>{u.organization}</td>
              <td>{u.roleZh}</td>
              <td>{u.active ? "启用" : "已停用"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
