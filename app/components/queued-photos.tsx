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
  /** a defect's side (lotId `defect:<id>`) */
  role?: "before" | "after";
};

/** Previews shown, by command: made once per photo, not again on each read of the outbox. */
const previews = new Map<string, string>();
/** Previews drawn at most (each a full-size decode of a camera photo): the rest list name and size. */
const PREVIEWS_SHOWN = 12;

/** A preview of a queued photo's Blob, released when the photo leaves the list. */
function usePreview(photo: PhotoCommand, shown: boolean): string | null {
  const [url, setUrl] = useState<string | null>(null);
  const { id, file } = photo;
  useEffect(() => {
    if (!shown) return;
    let made = previews.get(id);
    if (!made) {
      made = URL.createObjectURL(file);
      previews.set(id, made);
    }
    setUrl(made);
  }, [id, file, shown]);
  useEffect(
    () => () => {
      const made = previews.get(id);
      if (made) URL.revokeObjectURL(made);
      previews.delete(id);
    },
    [id],
  );
  return url;
}

function QueuedPhoto({
  photo,
  sending,
  preview,
}: {
  photo: PhotoCommand;
  sending: boolean;
  preview: boolean;
}) {
  const { t } = useTranslation("lot");
  const url = usePreview(photo, preview);
  const state = photo.status === "refused" ? "refused" : sending ? "sending" : "pending";
  return (
    <li className={`queued-photo queued-${state}`} data-testid="queued-photo">
      {url ? <img src={url} alt="" width={64} height={64} decoding="async" loading="lazy" /> : null}
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
export function QueuedPhotos({
  lotId,
  itemId,
  role,
}: {
  lotId: string;
  itemId: string | null;
  /** a defect's side: only its photos */
  role?: "before" | "after";
}) {
  const { t } = useTranslation("lot");
  const commands = useOutbox(lotId);
  const sending = useSendingCommand();
  const photos = useMemo(
    () =>
      (commands ?? []).flatMap((c) =>
        c.kind === "photo" && c.itemId === itemId && c.role === role ? [c] : [],
      ),
    [commands, itemId, role],
  );
  useRevalidateWhenSent(photos.filter((p) => p.status === "pending").length);
  if (photos.length === 0) return null;
  return (
    <ul className="upload-list queued-photos" aria-label={t("sync.queuedPhotos")}>
      {photos.map((p, i) => (
        <QueuedPhoto key={p.id} photo={p} sending={sending === p.id} preview={i < PREVIEWS_SHOWN} />
      ))}
    </ul>
  );
}
