import { useTranslation } from "react-i18next";
import { type PhotoView, photoUrl } from "~/modules/photo/view";

/** The photos a history entry brought (a reply's after-rectification photos). */
export function HistoryPhotos({
  photos,
  onOpen,
}: {
  photos: PhotoView[];
  onOpen: (list: PhotoView[], index: number) => void;
}) {
  const { t } = useTranslation("photo");
  if (photos.length === 0) return null;
  return (
    <span className="history-photos">
      {photos.map((p, i) => (
        <button
          key={p.id}
          type="button"
          className="photo-thumb"
          onClick={() => onOpen(photos, i)}
          aria-label={t("grid.open", { n: i + 1 })}
        >
          <img src={photoUrl(p.id, "thumb")} alt="" />
        </button>
      ))}
    </span>
  );
}
