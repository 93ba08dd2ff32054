import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "~/modules/i18n/use-format";
import { type PhotoView, photoUrl, timeNoteText } from "~/modules/photo/view";

/** A photo with the version of its markup layer (0 or absent: none). */
export type MarkedPhotoView = PhotoView & { annotationVersion?: number };

/** The display copy, with its markup drawn on when it has one. */
export const displaySrc = (photo: MarkedPhotoView) =>
  photo.annotationVersion
    ? `/photos/${photo.id}/annotated?v=${photo.annotationVersion}`
    : photoUrl(photo.id, "display");

/** Full-screen photo viewer: swipe or arrow keys to move, Esc or × to close, original to download. */
export function PhotoViewer({
  photos,
  index,
  onIndex,
  onClose,
  onMarkup,
  markable,
}: {
  photos: MarkedPhotoView[];
  index: number;
  onIndex: (index: number) => void;
  onClose: () => void;
  /** When the viewer may mark up photos here: opens the markup editor on this photo. */
  onMarkup?: (photoId: string) => void;
  /** Which photos `onMarkup` applies to (all when absent). */
  markable?: (photoId: string) => boolean;
}) {
  const { t } = useTranslation("photo");
  const format = useFormat();
  const start = useRef<{ x: number; y: number } | null>(null);
  const photo = photos[index];
  const go = (delta: number) => {
    const next = index + delta;
    if (next >= 0 && next < photos.length) onIndex(next);
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") onClose();
      if (e.key === "ArrowLeft") go(-1);
      if (e.key === "ArrowRight") go(1);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  });

  if (!photo) return null;
  return (
    <div className="photo-viewer" role="dialog" aria-modal="true" aria-label={t("viewer.label")}>
      <div
        className="photo-stage"
        onPointerDown={(e) => {
          start.current = { x: e.clientX, y: e.clientY };
        }}
        onPointerUp={(e) => {
          const s = start.current;
          start.current = null;
          if (!s) return;
          const dx = e.clientX - s.x;
          if (Math.abs(dx) > 50 && Math.abs(dx) > Math.abs(e.clientY - s.y)) go(dx < 0 ? 1 : -1);
        }}
      >
        <img src={displaySrc(photo)} alt={t("viewer.alt", { n: index + 1 })} draggable={false} />
      </div>
      <div className="photo-bar">
        <span className="photo-count">
          {index + 1} / {photos.length}
        </span>
        <span className="photo-caption">
          {photo.capturedAt
            ? t("viewer.captured", { time: format.dateTime(photo.capturedAt) })
            : t("viewer.noCaptureTime")}
          {" · "}
          {t("viewer.uploaded", { time: format.dateTime(photo.uploadedAt) })}{" "}
          <span translate="no">{photo.uploadedBy}</span>
          {photo.device ? <span translate="no"> · {photo.device}</span> : ""}
          {photo.hasGps ? ` · ${t("viewer.hasGps")}` : ""}
          {photo.timeNote ? (
            <em className="photo-note"> ({timeNoteText(t, photo.timeNote)})</em>
          ) : null}
          <small className="photo-hash">SHA-256 {photo.sha256.slice(0, 16)}…</small>
        </span>
        <button type="button" className="button" onClick={() => go(-1)} disabled={index === 0}>
          {t("viewer.previous")}
        </button>
        <button
          type="button"
          className="button"
          onClick={() => go(1)}
          disabled={index === photos.length - 1}
        >
          {t("viewer.next")}
        </button>
        {onMarkup && (markable?.(photo.id) ?? true) ? (
          <button type="button" className="button" onClick={() => onMarkup(photo.id)}>
            {photo.annotationVersion ? t("viewer.editMarkup") : t("viewer.markup")}
          </button>
        ) : null}
        <a className="button" href={photoUrl(photo.id, "original")} download>
          {t("viewer.original")}
        </a>
        <button
          type="button"
          className="button photo-close"
          onClick={onClose}
          aria-label={t("viewer.close")}
        >
          ×
        </button>
      </div>
    </div>
  );
}
