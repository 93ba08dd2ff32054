import { useState } from "react";
import type { PhotoView } from "~/modules/photo/view";
import { PhotoGrid } from "./photo-grid";
import { PhotoUploader } from "./photo-uploader";
import { PhotoViewer } from "./photo-viewer";

/** One viewer per page: any grid opens it on its own list of photos. */
export function usePhotoViewer() {
  const [open, setOpen] = useState<{ list: PhotoView[]; index: number } | null>(null);
  const viewer = open ? (
    <PhotoViewer
      photos={open.list}
      index={open.index}
      onIndex={(index) => setOpen({ ...open, index })}
      onClose={() => setOpen(null)}
    />
  ) : null;
  return { openViewer: (list: PhotoView[], index: number) => setOpen({ list, index }), viewer };
}

/** Photos of the lot as a whole (not of one checklist item). */
export function LotPhotosSection({
  lotId,
  photos,
  canUpload,
  maxFileBytes,
  onOpen,
}: {
  lotId: string;
  photos: PhotoView[];
  canUpload: boolean;
  maxFileBytes: number;
  onOpen: (list: PhotoView[], index: number) => void;
}) {
  return (
    <section className="panel lot-photos" aria-labelledby="lot-photos-title">
      <h2 id="lot-photos-title">检验批照片</h2>
      {photos.length === 0 && !canUpload ? <p className="muted">暂无照片。</p> : null}
      <PhotoGrid photos={photos} label="检验批照片" onOpen={(i) => onOpen(photos, i)} />
      {canUpload ? (
        <PhotoUploader
          url={`/lots/${lotId}/photos`}
          label="检验批 拍照/选择照片"
          maxFileBytes={maxFileBytes}
        />
      ) : null}
    </section>
  );
}
