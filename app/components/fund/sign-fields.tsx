import type { FieldMetadata } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { InputField } from "~/components/form";

/** Signing a funds step: re-enter one's password, then the step's button. */
export function SignFields({
  meta,
  busy,
  label,
  danger = false,
}: {
  meta: FieldMetadata<unknown, Record<string, unknown>, string[]>;
  busy: boolean;
  label: string;
  danger?: boolean;
}) {
  const { t } = useTranslation("fund");
  return (
    <>
      <InputField
        meta={meta}
        type="password"
        label={t("sign.password")}
        autoComplete="current-password"
      />
      <button
        type="submit"
        className={`button ${danger ? "button-danger" : "button-primary"}`}
        disabled={busy}
      >
        {label}
      </button>
    </>
  );
}
