import { useFetcher } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  ANNOTATION_COLORS,
  type AnnotationColor,
  annotationSvg,
  MAX_TEXT,
  type Shape,
} from "~/modules/photo/annotation";
import { photoUrl } from "~/modules/photo/view";

type Tool = "arrow" | "ellipse" | "rect" | "text";
const TOOLS: readonly Tool[] = ["arrow", "ellipse", "rect", "text"];

const clamp = (n: number) => Math.min(1, Math.max(0, n));

function shapeFrom(
  tool: Tool,
  a: { x: number; y: number },
  b: { x: number; y: number },
  color: AnnotationColor,
): Shape | null {
  if (tool === "arrow") {
    if (Math.hypot(b.x - a.x, b.y - a.y) < 0.02) return null;
    return { kind: "arrow", x1: a.x, y1: a.y, x2: b.x, y2: b.y, color };
  }
  if (tool === "text") return null;
  const box = {
    x: Math.min(a.x, b.x),
    y: Math.min(a.y, b.y),
    w: Math.abs(b.x - a.x),
    h: Math.abs(b.y - a.y),
  };
  if (box.w < 0.01 || box.h < 0.01) return null;
  return { kind: tool, ...box, color };
}

/**
 * Draw arrows, circles, boxes and short texts on a photo with a finger or a stylus (pointer
 * events). The layer is saved apart from the photo; the original file is never changed.
 */
export function PhotoMarkup({
  photoId,
  onClose,
}: {
  photoId: string;
  /** With the saved layer's version, or without after 取消. */
  onClose: (savedVersion?: number) => void;
}) {
  const { t } = useTranslation("photo");
  const fetcher = useFetcher<{ ok: boolean; message: string; version?: number }>();
  const [shapes, setShapes] = useState<Shape[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [tool, setTool] = useState<Tool>("arrow");
  const [color, setColor] = useState<AnnotationColor>("red");
  const [text, setText] = useState("");
  const [draft, setDraft] = useState<Shape | null>(null);
  const [size, setSize] = useState<{ w: number; h: number } | null>(null);
  const start = useRef<{ x: number; y: number; id: number } | null>(null);
  const layer = useRef<HTMLDivElement>(null);
  const saving = fetcher.state !== "idle";

  useEffect(() => {
    let live = true;
    fetch(`/photos/${photoId}/annotated?shapes=1`)
      .then((r) => (r.ok ? r.json() : Promise.reject(new Error(String(r.status)))))
      .then((body: { shapes: Shape[] }) => live && setShapes(body.shapes))
      .catch(() => live && setLoadError(t("markup.loadFailed")));
    return () => {
      live = false;
    };
  }, [photoId, t]);

  useEffect(() => {
    if (fetcher.state === "idle" && fetcher.data?.ok) onClose(fetcher.data.version);
  }, [fetcher.state, fetcher.data, onClose]);

  const at = (e: React.PointerEvent) => {
    const r = layer.current?.getBoundingClientRect();
    if (!r) return { x: 0, y: 0 };
    return { x: clamp((e.clientX - r.left) / r.width), y: clamp((e.clientY - r.top) / r.height) };
  };
  const all = [...(shapes ?? []), ...(draft ? [draft] : [])];
  const ready = shapes !== null && size !== null;

  return (
    <div className="photo-markup" role="dialog" aria-modal="true" aria-label={t("markup.title")}>
      <div className="markup-tools" role="toolbar" aria-label={t("markup.toolbar")}>
        {TOOLS.map((each) => (
          <button
            key={each}
            type="button"
            className={tool === each ? "button button-primary" : "button"}
            aria-pressed={tool === each}
            onClick={() => setTool(each)}
          >
            {t(`markup.tools.${each}`)}
          </button>
        ))}
        {tool === "text" ? (
          <input
            value={text}
            maxLength={MAX_TEXT}
            onChange={(e) => setText(e.currentTarget.value)}
            placeholder={t("markup.textPlaceholder")}
            aria-label={t("markup.textLabel")}
          />
        ) : null}
        {ANNOTATION_COLORS.map((c) => (
          <button
            key={c}
            type="button"
            className={`button markup-color markup-${c}`}
            aria-pressed={color === c}
            aria-label={t("markup.colour", { colour: t(`markup.colours.${c}`) })}
            onClick={() => setColor(c)}
          >
            {t(`markup.colours.${c}`)}
          </button>
        ))}
        <button
          type="button"
          className="button"
          disabled={!shapes?.length}
          onClick={() => setShapes((s) => (s ?? []).slice(0, -1))}
        >
          {t("markup.undo")}
        </button>
        <button
          type="button"
          className="button"
          disabled={!shapes?.length}
          onClick={() => setShapes([])}
        >
          {t("markup.clear")}
        </button>
        <button type="button" className="button" onClick={() => onClose()} disabled={saving}>
          {t("markup.cancel")}
        </button>
        <button
          type="button"
          className="button button-primary"
          disabled={!ready || saving}
          onClick={() =>
            fetcher.submit(
              { shapes: JSON.stringify(shapes ?? []) },
              { method: "post", action: `/photos/${photoId}/annotated` },
            )
          }
        >
          {saving ? t("markup.saving") : t("markup.save")}
        </button>
      </div>
      {fetcher.data && !fetcher.data.ok ? (
        <p className="alert alert-error" role="alert">
          {fetcher.data.message}
        </p>
      ) : null}
      {loadError ? (
        <p className="alert alert-error" role="alert">
          {loadError}
        </p>
      ) : null}
      <div className="markup-stage">
        <div className="markup-frame">
          <img
            src={photoUrl(photoId, "display")}
            alt={t("markup.photo")}
            draggable={false}
            onLoad={(e) =>
              setSize({ w: e.currentTarget.naturalWidth, h: e.currentTarget.naturalHeight })
            }
          />
          {ready ? (
            <div
              ref={layer}
              className="markup-layer"
              data-testid="markup-layer"
              data-shapes={all.length}
              onPointerDown={(e) => {
                const p = at(e);
                if (tool === "text") {
                  const t = text.trim();
                  if (t)
                    setShapes((s) => [
                      ...(s ?? []),
                      { kind: "text", x: p.x, y: p.y, text: t, color },
                    ]);
                  return;
                }
                e.currentTarget.setPointerCapture(e.pointerId);
                start.current = { ...p, id: e.pointerId };
              }}
              onPointerMove={(e) => {
                const s = start.current;
                if (s && s.id === e.pointerId) setDraft(shapeFrom(tool, s, at(e), color));
              }}
              onPointerUp={(e) => {
                const s = start.current;
                start.current = null;
                setDraft(null);
                if (!s || s.id !== e.pointerId) return;
                const shape = shapeFrom(tool, s, at(e), color);
                if (shape) setShapes((list) => [...(list ?? []), shape]);
              }}
              onPointerCancel={() => {
                start.current = null;
                setDraft(null);
              }}
              // biome-ignore lint/security/noDangerouslySetInnerHtml: our own SVG, texts escaped by annotationSvg
              dangerouslySetInnerHTML={{ __html: annotationSvg(all, size.w, size.h) }}
            />
          ) : null}
        </div>
      </div>
    </div>
  );
}
