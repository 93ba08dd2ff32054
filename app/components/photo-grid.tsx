import { useTranslation } from "react-i18next";
import { useFormat } from "~/modules/i18n/use-format";
import { type PhotoView, photoUrl, timeNoteText } from "~/modules/photo/view";

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
  const { t } = useTranslation("photo");
  const format = useFormat();
  if (photos.length === 0) return null;
  return (
    <ul className="photo-grid" aria-label={label}>
      {photos.map((p, i) => (
        <li key={p.id}>
          <button
            type="button"
            className="photo-thumb"
            onClick={() => onOpen(i)}
            aria-label={t("grid.open", { n: i + 1 })}
          >
            <img
              src={photoUrl(p.id, "thumb")}
              alt={t("grid.alt", { n: i + 1, time: format.dateTime(p.capturedAt ?? p.uploadedAt) })}
              loading="lazy"
              width={96}
              height={96}
            />
            {p.timeNote ? (
              <span className="photo-flag" title={timeNoteText(t, p.timeNote)}>
                !
              </span>
            ) : null}
          </button>
        </li>
      ))}
    </ul>
  );
}
