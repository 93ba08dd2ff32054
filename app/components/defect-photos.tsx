import { useTranslation } from "react-i18next";
import { useOutbox } from "~/modules/offline/hooks";
import { defectSubject } from "~/modules/offline/outbox-commands";
import type { PhotoView } from "~/modules/photo/view";
import { PhotoGrid } from "./photo-grid";
import { PhotoUploader } from "./photo-uploader";
import { QueuedPhotos } from "./queued-photos";

type Side = { photos: PhotoView[]; canUpload: boolean };

/**
 * 整改前 | 整改后 side by side (stacked on a narrow portrait screen), each with its own uploader.
 * Photos taken without signal wait in the outbox, shown in their column, before the defect's
 * later steps (a reply sent after its photos).
 */
export function DefectPhotos({
  defectId,
  offline,
  before,
  after,
  maxFileBytes,
  onOpen,
}: {
  defectId: string;
  /** the defect's label and state, for photos queued offline (defect-base.ts) */
  offline: { label: string; base: string };
  before: Side;
  after: Side;
  maxFileBytes: number;
  onOpen: (list: PhotoView[], index: number) => void;
}) {
  const { t } = useTranslation("photo");
  // A step queued on this tablet (a reply, a close) moves the defect on when it is sent: a photo
  // taken after it would then be refused, so none is taken until it has gone.
  const held = (useOutbox(defectSubject(defectId)) ?? []).some(
    (c) => c.kind === "defectTransition" && c.status === "pending",
  );
  const column = (role: "before" | "after", side: Side, title: string, empty: string) => (
    <div className={`defect-photo-column defect-photo-${role}`} data-testid={`photos-${role}`}>
      <h3>
        {title}{" "}
        <span className="muted">{t("defectPhotos.count", { count: side.photos.length })}</span>
      </h3>
      {side.photos.length === 0 ? <p className="muted">{empty}</p> : null}
      <PhotoGrid photos={side.photos} label={title} onOpen={(i) => onOpen(side.photos, i)} />
      {side.canUpload ? (
        <QueuedPhotos lotId={defectSubject(defectId)} itemId={null} role={role} />
      ) : null}
      {side.canUpload && held ? (
        <p className="muted" data-testid="photos-held">
          {t("defectPhotos.heldByQueued")}
        </p>
      ) : side.canUpload ? (
        <PhotoUploader
          url={`/defects/${defectId}/photos?role=${role}`}
          label={t("defectPhotos.pickLabel", { side: title })}
          buttonText={t("defectPhotos.pickButton", { side: title })}
          maxFileBytes={maxFileBytes}
          outbox={{
            lotId: defectSubject(defectId),
            lotLabel: offline.label,
            baseVersion: offline.base,
            itemId: null,
            itemCode: null,
            role,
          }}
        />
      ) : null}
    </div>
  );
  return (
    <section className="panel defect-photos" aria-labelledby="defect-photos-title">
      <h2 id="defect-photos-title">{t("defectPhotos.title")}</h2>
      <div className="defect-photo-columns">
        {column("before", before, t("defectPhotos.before"), t("defectPhotos.noBefore"))}
        {column("after", after, t("defectPhotos.after"), t("defectPhotos.noAfter"))}
      </div>
    </section>
  );
}
