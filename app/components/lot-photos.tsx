import { lazy, Suspense, useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import type { PhotoView } from "~/modules/photo/view";
import { PhotoGrid } from "./photo-grid";
import { DeferredPhotoUploader } from "./photo-uploader.deferred";
import type { MarkedPhotoView } from "./photo-viewer";
import { type PhotoOutboxTarget, QueuedPhotos } from "./queued-photos";

// Loaded when a photo is first opened: neither is on the page before a tap, and the markup
// editor brings the annotation schema (zod) with it. The service worker precaches both chunks.
const PhotoViewer = lazy(() => import("./photo-viewer").then((m) => ({ default: m.PhotoViewer })));
const PhotoMarkup = lazy(() => import("./photo-markup").then((m) => ({ default: m.PhotoMarkup })));

/**
 * One viewer per page: any grid opens it on its own list of photos. With `canMarkup` (for every
 * photo, or those it accepts), the viewer offers 标注 and the markup editor replaces it until
 * saved or cancelled.
 */
export function usePhotoViewer({
  canMarkup = false,
}: {
  canMarkup?: boolean | ((photoId: string) => boolean);
} = {}) {
  const [open, setOpen] = useState<{ list: MarkedPhotoView[]; index: number } | null>(null);
  const [marking, setMarking] = useState<string | null>(null);
  // Versions saved here, so the open viewer shows the new markup before the page reloads its list.
  const [saved, setSaved] = useState<Record<string, number>>({});
  const closeMarkup = useCallback(
    (version?: number) => {
      if (version !== undefined && marking) setSaved((v) => ({ ...v, [marking]: version }));
      setMarking(null);
    },
    [marking],
  );
  const shown = marking ? (
    <PhotoMarkup photoId={marking} onClose={closeMarkup} />
  ) : open ? (
    <PhotoViewer
      photos={open.list.map((p) =>
        saved[p.id] !== undefined ? { ...p, annotationVersion: saved[p.id] } : p,
      )}
      index={open.index}
      onIndex={(index) => setOpen({ ...open, index })}
      onClose={() => setOpen(null)}
      onMarkup={canMarkup ? setMarking : undefined}
      markable={typeof canMarkup === "function" ? canMarkup : undefined}
    />
  ) : null;
  const viewer = shown ? <Suspense fallback={null}>{shown}</Suspense> : null;
  return { openViewer: (list: PhotoView[], index: number) => setOpen({ list, index }), viewer };
}

/** Photos of the lot as a whole (not of one checklist item). */
export function LotPhotosSection({
  lotId,
  photos,
  canUpload,
  maxFileBytes,
  outbox,
  onOpen,
}: {
  lotId: string;
  photos: PhotoView[];
  canUpload: boolean;
  maxFileBytes: number;
  outbox: PhotoOutboxTarget;
  onOpen: (list: PhotoView[], index: number) => void;
}) {
  const { t } = useTranslation("lot");
  return (
    <section className="panel lot-photos" aria-labelledby="lot-photos-title">
      <h2 id="lot-photos-title">{t("photos.title")}</h2>
      {photos.length === 0 && !canUpload ? <p className="muted">{t("photos.none")}</p> : null}
      <PhotoGrid photos={photos} label={t("photos.title")} onOpen={(i) => onOpen(photos, i)} />
      <QueuedPhotos lotId={lotId} itemId={null} />
      {canUpload ? (
        <DeferredPhotoUploader
          url={`/lots/${lotId}/photos`}
          label={t("photos.upload")}
          maxFileBytes={maxFileBytes}
          outbox={outbox}
        />
      ) : null}
    </section>
  );
}
