import { useTranslation } from "react-i18next";
import { RenderBadge, useRenderPolling } from "~/components/drawing/render-state";
import { cropAround } from "~/modules/drawing/coords";

type PinOnPreview = {
  revisionId: string;
  x: number;
  y: number;
  /** null while the revision is not rendered (renderStatus pending or failed) */
  previewWidth: number | null;
  previewHeight: number | null;
  renderStatus: string;
};

/**
 * The sheet's preview around a pin (a CSS crop: no extra image is made). While the revision's
 * preview is being generated it says so, and the page refreshes itself until it is there.
 */
export function PinCrop({ pin, status = "open" }: { pin: PinOnPreview; status?: string }) {
  useRenderPolling(pin.renderStatus === "pending");
  if (pin.previewWidth === null || pin.previewHeight === null || pin.renderStatus !== "ready")
    return (
      <span className="pin-crop pin-crop-empty" data-testid="pin-crop">
        <RenderBadge renderStatus={pin.renderStatus === "ready" ? "pending" : pin.renderStatus} />
      </span>
    );
  return (
    <PinCropImage pin={{ ...pin, w: pin.previewWidth, h: pin.previewHeight }} status={status} />
  );
}

function PinCropImage({
  pin,
  status,
}: {
  pin: { revisionId: string; x: number; y: number; w: number; h: number };
  status: string;
}) {
  const { t } = useTranslation("photo");
  const crop = cropAround(pin, { w: pin.w, h: pin.h }, { w: 320, h: 200 }, 2.5);
  return (
    <span className="pin-crop" data-testid="pin-crop">
      <img
        src={`/drawings/${pin.revisionId}/preview`}
        alt={t("pinCrop")}
        style={{ width: crop.width, height: crop.height, left: crop.left, top: crop.top }}
      />
      <span className={`pin pin-${status}`} style={{ left: crop.pinLeft, top: crop.pinTop }}>
        <span aria-hidden="true" />
      </span>
    </span>
  );
}
