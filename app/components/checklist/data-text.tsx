import { useTranslation } from "react-i18next";
import { sourceRefs } from "~/modules/checklist/labels";

/**
 * Checklist data shows in the language it was written in (translate="no"): the Chinese text in
 * the Chinese UI, the English text in the English UI where the data has one, else the Chinese.
 */
export function DataName({ zh, en }: { zh: string; en?: string | null }) {
  const { i18n } = useTranslation();
  const english = i18n.language === "en" && en?.trim() ? en : null;
  return (
    <span translate="no" lang={english ? "en" : "zh-CN"}>
      {english ?? zh}
    </span>
  );
}

/**
 * An item's provenance: as written in the English UI; in the Chinese UI only the standards and
 * clauses it cites (the notes around them are English research notes).
 */
export function SourceText({ source }: { source: string }) {
  const { t, i18n } = useTranslation("checklist");
  if (i18n.language === "en") return <span translate="no">{source}</span>;
  const refs = sourceRefs(source);
  return (
    <span translate="no">{refs.length > 0 ? refs.join(t("verdict.join.semicolon")) : "—"}</span>
  );
}
