import { useTranslation } from "react-i18next";
import { standardNameKey } from "~/modules/lot/record-division";

/**
 * Words a stored GB 50300 分部/子分部/分项 name (Chinese, as stored) in the reader's language;
 * a name that is no standard name stays as written. Pages using it name "lot" in their handle.
 */
export function useStandardName() {
  const { t } = useTranslation("lot");
  return (stored: string) => {
    const key = standardNameKey(stored);
    return key ? t(`divisions.names.${key}`) : stored;
  };
}
