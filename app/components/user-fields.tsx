import { ROLE_LABELS, type Role } from "~/modules/auth/permissions";

type Org = { id: string; name: string; roles: readonly Role[] };

/** Name, title, phone, organization and role: the role list follows the organization's kind. */
export function UserFields({
  orgs,
  value,
  orgId,
  onOrg,
}: {
  orgs: Org[];
  value?: { displayName: string; title: string; phone: string | null; role: string };
  orgId: string;
  onOrg: (id: string) => void;
}) {
  const roles = orgs.find((o) => o.id === orgId)?.roles ?? [];
  return (
    <>
      <label>
        姓名
        <input name="displayName" required maxLength={40} defaultValue={value?.displayName} />
      </label>
      <label>
        职务
        <input name="title" maxLength={40} defaultValue={value?.title} />
      </label>
      <label>
        电话
        <input name="phone" type="tel" maxLength={20} defaultValue={value?.phone ?? ""} />
      </label>
      <label>
        单位
        <select
          name="organizationId"
          required
          value={orgId}
          onChange={(e) => onOrg(e.target.value)}
        >
          <option value="">请选择</option>
          {orgs.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        角色
        <select name="role" required key={orgId} defaultValue={value?.role ?? roles[0]}>
          {roles.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABELS[r]}
            </option>
          ))}
        </select>
      </label>
    </>
  );
}
