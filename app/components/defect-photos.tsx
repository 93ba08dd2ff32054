import type { PhotoView } from "~/modules/photo/view";
import { PhotoGrid } from "./photo-grid";
import { PhotoUploader } from "./photo-uploader";

type Side = { photos: PhotoView[]; canUpload: boolean };

/** 整改前 | 整改后 side by side (stacked on a narrow portrait screen), each with its own uploader. */
export function DefectPhotos({
  defectId,
  before,
  after,
  maxFileBytes,
  onOpen,
}: {
  defectId: string;
  before: Side;
  after: Side;
  maxFileBytes: number;
  onOpen: (list: PhotoView[], index: number) => void;
}) {
  const column = (role: "before" | "after", side: Side, title: string, empty: string) => (
    <div className={`defect-photo-column defect-photo-${role}`} data-testid={`photos-${role}`}>
      <h3>
        {title} <span className="muted">{side.photos.length} 张</span>
      </h3>
      {side.photos.length === 0 ? <p className="muted">{empty}</p> : null}
      <PhotoGrid photos={side.photos} label={title} onOpen={(i) => onOpen(side.photos, i)} />
      {side.canUpload ? (
        <PhotoUploader
          url={`/defects/${defectId}/photos?role=${role}`}
          label={`${title} 拍照/选择照片`}
          buttonText={`拍${title}照片`}
          maxFileBytes={maxFileBytes}
        />
      ) : null}
    </div>
  );
  return (
    <section className="panel defect-photos" aria-labelledby="defect-photos-title">
      <h2 id="defect-photos-title">整改前后对比</h2>
      <div className="defect-photo-columns">
        {column("before", before, "整改前", "暂无整改前照片")}
        {column("after", after, "整改后", "施工单位整改后在此上传照片")}
      </div>
    </section>
  );
}
