import { Trans, useTranslation } from "react-i18next";

/**
 * A catalogue sentence with data in it: the parts of the message marked `<d>…</d>` are data
 * (names, numbers, places as written) and render with translate="no", so a page in English may
 * hold a Chinese name without counting as untranslated text.
 * e.g. "{{party}}（<d>{{organization}}</d>）签字人".
 */
export function Worded({
  ns,
  k,
  values,
}: {
  ns: "acceptance" | "plan" | "site" | "ladder" | "division";
  k: string;
  values?: Record<string, string | number>;
}) {
  const { t } = useTranslation(ns);
  return (
    <Trans
      t={t}
      // Keys are checked where the catalogue is typed; here they are data.
      i18nKey={k as never}
      values={values}
      components={{ d: <span translate="no" /> }}
    />
  );
}

/** Data shown as written (a name, a place, a note): never translated, exempt from the check. */
export function Data({ children }: { children: React.ReactNode }) {
  return <span translate="no">{children}</span>;
}
