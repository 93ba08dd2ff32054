import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useOutbox, useRevalidateWhenSent, useSendingCommand } from "~/modules/offline/hooks";
import type { PhotoCommand } from "~/modules/offline/outbox.client";
import { sizeText } from "~/modules/offline/sync-rules";

/** Where a photo taken offline goes: the lot (or one of its items), and the lot's state then. */
export type PhotoOutboxTarget = {
  lotId: string;
  lotLabel: string;
  baseVersion: string;
  itemId: string | null;
  itemCode: string | null;
};

/** A preview of a queued photo's Blob, released when the photo leaves the list. */
function useObjectUrl(blob: Blob): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    const made = URL.createObjectURL(blob);
    setUrl(made);
    return () => URL.revokeObjectURL(made);
  }, [blob]);
  return url;
}

function QueuedPhoto({ photo, sending }: { photo: PhotoCommand; sending: boolean }) {
  const { t } = useTranslation("lot");
  const url = useObjectUrl(photo.file);
  const state = photo.status === "refused" ? "refused" : sending ? "sending" : "pending";
  return (
    <li className={`queued-photo queued-${state}`} data-testid="queued-photo">
      {url ? <img src={url} alt="" width={64} height={64} /> : null}
      <span className="upload-name" translate="no">
        {photo.fileName}
      </span>{" "}
      <span className="queued-size">{sizeText(photo.fileSize)}</span>{" "}
      <span className="queued-state">{t(`sync.photoStates.${state}`)}</span>
      {state === "refused" ? (
        <span className="field-error">
          {" "}
          {t("sync.reason")}
          {photo.reasonZh || t("sync.refused")}
        </span>
      ) : null}
    </li>
  );
}

/**
 * The photos of a lot (or of one item) still in the outbox: shown where they will appear once
 * uploaded, with their size and state (待上传 / 上传中 / 冲突 with the reason).
 */
export function QueuedPhotos({ lotId, itemId }: { lotId: string; itemId: string | null }) {
  const { t } = useTranslation("lot");
  const commands = useOutbox(lotId);
  const sending = useSendingCommand();
  const photos = useMemo(
    () => (commands ?? []).flatMap((c) => (c.kind === "photo" && c.itemId === itemId ? [c] : [])),
    [commands, itemId],
  );
  useRevalidateWhenSent(photos.filter((p) => p.status === "pending").length);
  if (photos.length === 0) return null;
  return (
    <ul className="upload-list queued-photos" aria-label={t("sync.queuedPhotos")}>
      {photos.map((p) => (
        <QueuedPhoto key={p.id} photo={p} sending={sending === p.id} />
      ))}
    </ul>
  );
}
