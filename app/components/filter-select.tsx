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

type Filter<O> = { label: string; value: string | null | undefined; choices: readonly O[] };

/** The compound filter of a register. */
export function CompoundFilter({ label, value, choices }: Filter<{ id: string; name: string }>) {
  const options = choices.map((c) => ({ value: c.id, label: c.name }));
  return <FilterSelect name="compoundId" label={label} value={value} options={options} />;
}

/** The contractor filter of a register (organisations by short name). */
export function ContractorFilter({
  label,
  value,
  choices,
}: Filter<{ id: string; shortName: string }>) {
  const options = choices.map((c) => ({ value: c.id, label: c.shortName }));
  return <FilterSelect name="contractorOrgId" label={label} value={value} options={options} />;
}

/** The work-type filter of a register; `name` is the query parameter the register reads. */
export function WorkTypeFilter({
  name,
  label,
  value,
  choices,
}: Filter<{ code: string; nameZh: string }> & { name: string }) {
  const options = choices.map((w) => ({ value: w.code, label: w.nameZh }));
  return <FilterSelect name={name} label={label} value={value} options={options} />;
}
