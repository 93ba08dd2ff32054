import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useOutbox } from "~/modules/offline/hooks";
import { withOutbox } from "~/modules/offline/outbox.lazy";
import { connectionType, photosWaitForWifi, photosWifiOnly } from "~/modules/offline/photo-prefs";

/**
 * 仅 Wi-Fi 上传照片, in the sync panel: kept on this tablet; while on and the connection is known
 * to be neither Wi-Fi nor wired, photos wait and records still go. Says which applies now.
 */
export function WifiOnlyToggle({ waiting }: { waiting: number }) {
  const { t } = useTranslation("lot");
  const [on, setOn] = useState(false);
  useOutbox(); // re-read on every outbox change (the choice made in another tab notifies too)
  const [, tick] = useState(0);
  useEffect(() => {
    setOn(photosWifiOnly());
    const connection = (navigator as Navigator & { connection?: EventTarget }).connection;
    const update = () => tick((n) => n + 1);
    connection?.addEventListener?.("change", update);
    return () => connection?.removeEventListener?.("change", update);
  }, []);
  const known = typeof window !== "undefined" && Boolean(connectionType());
  return (
    <section className="sync-wifi">
      <label className="check">
        <input
          type="checkbox"
          checked={on}
          onChange={(e) => {
            const next = e.currentTarget.checked;
            setOn(next);
            void withOutbox((outbox) => outbox.setPhotosWifiOnly(next));
          }}
        />{" "}
        {t("sync.wifiOnly")}
      </label>
      <p className="muted">
        {!on
          ? t("sync.wifiOnlyHint")
          : !known
            ? t("sync.wifiUnknown")
            : photosWaitForWifi() && waiting > 0
              ? t("sync.wifiWaiting", { count: waiting })
              : t("sync.wifiOnlyHint")}
      </p>
    </section>
  );
}
