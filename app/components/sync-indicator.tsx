import type { TFunction } from "i18next";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { say } from "~/modules/lot/messages";
import { formatEntered } from "~/modules/lot/verdict-format";
import { useOnline, useOutbox } from "~/modules/offline/hooks";
import type { OutboxCommand } from "~/modules/offline/outbox.client";
import { withOutbox } from "~/modules/offline/outbox.lazy";
import { sizeText, syncLabel } from "~/modules/offline/sync-rules";
import { WifiOnlyToggle } from "./sync-wifi-toggle";

/** What was recorded, as text a user can copy into a note or a message. */
export function commandText(c: OutboxCommand, t: TFunction<"lot">): string {
  if (c.kind === "photo") {
    const photo = { name: c.fileName, size: sizeText(c.fileSize) };
    const item = c.itemCode
      ? t("sync.photoOf", { item: c.itemCode, ...photo })
      : t("sync.photo", photo);
    return c.lotId.startsWith("defect:")
      ? t("sync.command.defectPhoto", { defect: c.lotLabel, item })
      : t("sync.command.lot", { lot: c.lotLabel, item });
  }
  if (c.kind === "defect")
    return [
      t("sync.command.lot", { lot: c.lotLabel, item: c.itemCode }),
      t("sync.defect", { title: c.fields.title ?? "" }),
    ].join(t("sync.command.sep"));
  if (c.kind === "defectTransition")
    return [
      t("sync.command.defect", { defect: c.lotLabel }),
      c.comment
        ? t("sync.transition", { action: c.actionLabel, reason: c.comment })
        : c.actionLabel,
    ].join(t("sync.command.sep"));
  if (c.kind === "transition")
    return [
      t("sync.command.lotOnly", { lot: c.lotLabel }),
      t("sync.transition", { action: t(`commands.action.${c.action}`), reason: c.reason }),
    ].join(t("sync.command.sep"));
  const e = c.entry;
  const points = e.points
    .map((p) => formatEntered(p.value, "", p.text))
    .join(t("sync.command.pointSep"));
  return [
    t("sync.command.lot", { lot: c.lotLabel, item: c.itemCode }),
    e.result ? t("sync.command.result", { result: t(`sync.results.${e.result}`) }) : "",
    points ? t("sync.command.points", { points }) : "",
    e.designValue !== null ? t("sync.command.design", { value: e.designValue }) : "",
    e.note ? t("sync.command.note", { note: e.note }) : "",
  ]
    .filter(Boolean)
    .join(t("sync.command.sep"));
}

/**
 * The header's sync state, always visible: 已同步 / N 项待上传 / 冲突 N (and 离线). Opens a list of
 * what waits and what the server refused, with the reason; a refused value can be copied or
 * discarded, never dropped without the user's say.
 */
export function SyncIndicator({ userId }: { userId: string }) {
  useEffect(() => {
    void withOutbox((outbox) => {
      outbox.setOutboxUser(userId);
      outbox.startOutboxSync();
      void outbox.flushOutbox();
    });
  }, [userId]);
  const online = useOnline();
  const commands = useOutbox() ?? [];
  const pending = commands.filter((c) => c.status === "pending");
  const refused = commands.filter((c) => c.status === "refused");
  const [copied, setCopied] = useState<string | null>(null);
  const { t } = useTranslation("lot");
  const photos = pending.flatMap((c) => (c.kind === "photo" ? [c] : []));
  const photoBytes = photos.reduce((sum, c) => sum + c.fileSize, 0);
  const label = syncLabel({
    pending: pending.length,
    conflicts: refused.length,
    online,
    photos: { count: photos.length, bytes: photoBytes },
  })
    .map((m) => say(t, m))
    .join(" · ");
  const tone = refused.length > 0 ? "conflict" : pending.length > 0 ? "pending" : "synced";
  return (
    <details className={`sync-indicator sync-${tone}`} data-testid="sync-indicator">
      <summary aria-label={t("sync.state", { label })}>{label}</summary>
      <div className="sync-panel">
        {refused.length > 0 ? (
          <section aria-label={t("sync.conflictsLabel")}>
            <h3>{t("sync.conflictsTitle")}</h3>
            <ul className="sync-list">
              {refused.map((c) => (
                <li key={c.id} className="sync-conflict">
                  <p translate="no">{commandText(c, t)}</p>
                  <p className="field-error">
                    {t("sync.reason")}
                    {c.reasonZh || t("sync.refused")}
                  </p>
                  <div className="sync-actions">
                    <button
                      type="button"
                      className="button"
                      onClick={() => {
                        void navigator.clipboard?.writeText(commandText(c, t)).catch(() => {});
                        setCopied(c.id);
                      }}
                    >
                      {copied === c.id ? t("sync.copied") : t("sync.copy")}
                    </button>
                    <button
                      type="button"
                      className="button button-danger"
                      onClick={() => {
                        if (window.confirm(t("sync.discardConfirm")))
                          void withOutbox((outbox) => outbox.discardCommand(c.seq as number));
                      }}
                    >
                      {t("sync.discard")}
                    </button>
                  </div>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        <section aria-label={t("sync.pendingLabel")}>
          <h3>{t("sync.pendingLabel")}</h3>
          {pending.length === 0 ? (
            <p className="muted">{t("sync.nothingPending")}</p>
          ) : (
            <ol className="sync-list">
              {pending.map((c) => (
                <li key={c.id} translate="no">
                  {commandText(c, t)}
                </li>
              ))}
            </ol>
          )}
          {!online ? <p className="muted">{t("sync.offlineHint")}</p> : null}
        </section>
        <WifiOnlyToggle waiting={photos.length} />
      </div>
    </details>
  );
}
