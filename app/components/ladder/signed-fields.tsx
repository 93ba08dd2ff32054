import { useTranslation } from "react-i18next";
import type { FieldErrors } from "~/components/form";
import { SignatureAndPassword } from "~/components/signature-fields";

export type Meta = Parameters<typeof FieldErrors>[0]["meta"];

/** The drawn signature and the signing password every ladder record is signed with. */
export function SignedFields({ signature, password }: { signature: Meta; password: Meta }) {
  const { t } = useTranslation("ladder");
  return (
    <fieldset className="ladder-signed">
      <legend>{t("report.signature")}</legend>
      <SignatureAndPassword
        signature={signature}
        password={password}
        passwordLabel={t("report.password")}
      />
    </fieldset>
  );
}
