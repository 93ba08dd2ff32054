import type { FieldMetadata } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { InputField, SelectField } from "~/components/form";
import type { Role } from "~/modules/auth/permissions";

type Org = { id: string; name: string; roles: readonly Role[] };
type Meta = FieldMetadata<unknown, Record<string, unknown>, string[]>;

/** Name, title, phone, organisation and role: the role list follows the organisation's kind. */
export function UserFields({
  orgs,
  fields,
  orgId,
  onOrg,
}: {
  orgs: Org[];
  fields: { displayName: Meta; title: Meta; phone: Meta; organizationId: Meta; role: Meta };
  orgId: string;
  onOrg: (id: string) => void;
}) {
  const { t } = useTranslation("auth");
  const roles = orgs.find((o) => o.id === orgId)?.roles ?? [];
  return (
    <>
      <InputField meta={fields.displayName} label={t("users.fields.displayName")} />
      <InputField meta={fields.title} label={t("users.fields.title")} />
      <InputField meta={fields.phone} label={t("users.fields.phone")} type="tel" />
      <SelectField
        meta={fields.organizationId}
        label={t("users.fields.organizationId")}
        onChange={(e) => onOrg(e.target.value)}
      >
        <option value="">{t("users.choose")}</option>
        {orgs.map((o) => (
          <option key={o.id} value={o.id} translate="no">
            {o.name}
          </option>
        ))}
      </SelectField>
      <SelectField meta={fields.role} label={t("users.fields.role")} key={orgId}>
        {roles.map((r) => (
          <option key={r} value={r}>
            {t(`roles.${r}`)}
          </option>
        ))}
      </SelectField>
    </>
  );
}
