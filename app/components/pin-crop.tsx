import { useTranslation } from "react-i18next";
import { cropAround } from "~/modules/drawing/coords";

/** The sheet's preview around a pin (a CSS crop: no extra image is made). */
export function PinCrop({
  pin,
  status = "open",
}: {
  pin: { revisionId: string; x: number; y: number; previewWidth: number; previewHeight: number };
  status?: string;
}) {
  const { t } = useTranslation("photo");
  const crop = cropAround(
    pin,
    { w: pin.previewWidth, h: pin.previewHeight },
    { w: 320, h: 200 },
    2.5,
  );
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
