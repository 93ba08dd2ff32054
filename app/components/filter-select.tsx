import { useTranslation } from "react-i18next";

/** One filter of a list page: "all <label>" first, then the choices; submitted with its GET form. */
export function FilterSelect({
  name,
  label,
  value,
  options,
}: {
  name: string;
  label: string;
  value: string | null | undefined;
  options: readonly { value: string; label: string }[];
}) {
  const { t } = useTranslation("auth");
  return (
    <select name={name} defaultValue={value ?? ""} aria-label={label}>
      <option value="">{t("shared.all", { label })}</option>
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
}
