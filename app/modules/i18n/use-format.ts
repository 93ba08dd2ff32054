import { useTranslation } from "react-i18next";
import { DEFAULT_LNG, isLng, type Lng } from "./config";
import { formatDate, formatDateTime, formatMonth, formatTime } from "./dates";

/** The page's language and its date and number formats, for components. */
export function useFormat() {
  const { i18n } = useTranslation();
  const lng: Lng = isLng(i18n.language) ? i18n.language : DEFAULT_LNG;
  return {
    lng,
    date: (v: Date | string | number) => formatDate(v, lng),
    dateTime: (v: Date | string | number) => formatDateTime(v, lng),
    time: (v: Date | string | number) => formatTime(v, lng),
    month: (v: Date | string | number) => formatMonth(v, lng),
    number: (n: number, digits?: number) =>
      n.toLocaleString(lng, digits === undefined ? {} : { maximumFractionDigits: digits }),
  };
}
