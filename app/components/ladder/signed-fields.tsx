import { useTranslation } from "react-i18next";
import { FieldErrors, InputField } from "~/components/form";
import { SignaturePad } from "~/components/signature-pad";

export type Meta = Parameters<typeof FieldErrors>[0]["meta"];

/** The drawn signature and the signing password every ladder record is signed with. */
export function SignedFields({ signature, password }: { signature: Meta; password: Meta }) {
  const { t } = useTranslation("ladder");
  return (
    <fieldset className="ladder-signed">
      <legend>{t("report.signature")}</legend>
      <SignaturePad name="signature" />
      <FieldErrors meta={signature} />
      <InputField
        meta={password}
        type="password"
        label={t("report.password")}
        autoComplete="current-password"
      />
    </fieldset>
  );
}
