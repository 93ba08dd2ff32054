import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";

/**
 * A drawn signature: pointer events on a canvas (finger, stylus or mouse), kept as a PNG data
 * URL in a hidden field. Transparent background, so the ink is what the server checks for.
 */
export function SignaturePad({ name }: { name: string }) {
  const { t } = useTranslation("lot");
  const canvas = useRef<HTMLCanvasElement>(null);
  const drawing = useRef(false);
  const [value, setValue] = useState("");

  useEffect(() => {
    const ctx = canvas.current?.getContext("2d");
    if (!ctx) return;
    ctx.lineWidth = 4;
    ctx.lineCap = "round";
    ctx.lineJoin = "round";
    ctx.strokeStyle = "#111";
  }, []);

  const point = (e: React.PointerEvent<HTMLCanvasElement>) => {
    const c = e.currentTarget;
    const box = c.getBoundingClientRect();
    return [
      ((e.clientX - box.left) * c.width) / box.width,
      ((e.clientY - box.top) * c.height) / box.height,
    ] as const;
  };
  const down = (e: React.PointerEvent<HTMLCanvasElement>) => {
    e.currentTarget.setPointerCapture(e.pointerId);
    drawing.current = true;
    const ctx = e.currentTarget.getContext("2d");
    const [x, y] = point(e);
    ctx?.beginPath();
    ctx?.moveTo(x, y);
    ctx?.lineTo(x + 0.1, y + 0.1);
    ctx?.stroke();
  };
  const move = (e: React.PointerEvent<HTMLCanvasElement>) => {
    if (!drawing.current) return;
    const ctx = e.currentTarget.getContext("2d");
    const [x, y] = point(e);
    ctx?.lineTo(x, y);
    ctx?.stroke();
  };
  const up = (e: React.PointerEvent<HTMLCanvasElement>) => {
    if (!drawing.current) return;
    drawing.current = false;
    setValue(e.currentTarget.toDataURL("image/png"));
  };
  const clear = () => {
    const c = canvas.current;
    c?.getContext("2d")?.clearRect(0, 0, c.width, c.height);
    setValue("");
  };

  return (
    <div className="signature-pad">
      <canvas
        ref={canvas}
        width={600}
        height={200}
        aria-label={t("sign.pad")}
        onPointerDown={down}
        onPointerMove={move}
        onPointerUp={up}
        onPointerCancel={up}
      />
      <input type="hidden" name={name} value={value} />
      <button type="button" className="button" onClick={clear}>
        {t("sign.clear")}
      </button>
    </div>
  );
}
