import { formatPhotoTime } from "~/modules/photo/labels";
import { type PhotoView, photoUrl } from "~/modules/photo/view";

/** Thumbnails; tapping one opens the viewer at it. */
export function PhotoGrid({
  photos,
  label,
  onOpen,
}: {
  photos: PhotoView[];
  label: string;
  onOpen: (index: number) => void;
}) {
  if (photos.length === 0) return null;
  return (
    <ul className="photo-grid" aria-label={label}>
      {photos.map((p, i) => (
        <li key={p.id}>
          <button
            type="button"
            className="photo-thumb"
            onClick={() => onOpen(i)}
            aria-label={`查看照片 ${i + 1}`}
          >
            <img
              src={photoUrl(p.id, "thumb")}
              alt={`照片 ${i + 1}，${formatPhotoTime(p.capturedAt ?? p.uploadedAt)}`}
              loading="lazy"
              width={96}
              height={96}
            />
            {p.timeNote ? (
              <span className="photo-flag" title={p.timeNote}>
                !
              </span>
            ) : null}
          </button>
        </li>
      ))}
    </ul>
  );
}
