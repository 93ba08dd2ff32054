import { Link } from "@remix-run/react";
import { type ReactNode, useCallback, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  fitView,
  type Point,
  screenToSheet,
  sheetToScreen,
  type View,
  zoomAt,
} from "~/modules/drawing/coords";

export type ViewerPin = {
  id: string;
  x: number;
  y: number;
  status: string;
  label: string;
  href: string;
};

type Props = {
  previewSrc: string;
  fullSrc: string;
  /** the full image's pixel size: the coordinate space of the transform */
  width: number;
  height: number;
  pins: ViewerPin[];
  /** placing: a tap on the sheet reports its sheet-relative point */
  placing: boolean;
  onPlace?: (p: Point) => void;
  placed?: Point | null;
  toolbar?: ReactNode;
  /** shown over the bottom of the sheet (e.g. what to do with a placed pin): always in view */
  overlay?: ReactNode;
};

const MAX_SCALE = 3;

/**
 * Pinch-zoom and pan with pointer events (two fingers, or wheel and drag on a desktop): the
 * preview paints first, the full image replaces it once loaded. Pins stay the same size on
 * screen and move with the transform.
 */
export function DrawingViewer(props: Props) {
  const { width, height, placing, onPlace } = props;
  const { t } = useTranslation("drawing");
  const box = useRef<HTMLDivElement>(null);
  const [view, setViewState] = useState<View | null>(null);
  // Several pointer events can arrive before React renders: each must build on the latest view.
  const latest = useRef<View | null>(null);
  const setView = useCallback((v: View) => {
    latest.current = v;
    setViewState(v);
  }, []);
  const [fullLoaded, setFullLoaded] = useState(false);
  const [loadFull, setLoadFull] = useState(false);
  const pointers = useRef(new Map<number, Point>());
  const gesture = useRef<{ moved: boolean; start: Point | null }>({ moved: false, start: null });
  const image = { w: width, h: height };

  const boxSize = useCallback(() => {
    const el = box.current;
    return el ? { w: el.clientWidth, h: el.clientHeight } : { w: 1, h: 1 };
  }, []);
  const fitToBox = useCallback(
    () => setView(fitView({ w: width, h: height }, boxSize())),
    [width, height, boxSize, setView],
  );
  const minScale = () => fitView(image, boxSize()).scale * 0.5;

  useEffect(() => {
    fitToBox();
    // The full image is requested after the preview has been laid out: first paint stays small.
    const t = setTimeout(() => setLoadFull(true), 50);
    window.addEventListener("resize", fitToBox);
    return () => {
      clearTimeout(t);
      window.removeEventListener("resize", fitToBox);
    };
  }, [fitToBox]);

  // Wheel zoom needs a non-passive listener to keep the page from scrolling.
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      const r = el.getBoundingClientRect();
      const at = { x: e.clientX - r.left, y: e.clientY - r.top };
      const v = latest.current;
      if (v)
        setView(
          zoomAt(
            v,
            Math.exp(-e.deltaY * 0.0015),
            at,
            fitView(image, boxSize()).scale * 0.5,
            MAX_SCALE,
          ),
        );
    };
    el.addEventListener("wheel", onWheel, { passive: false });
    return () => el.removeEventListener("wheel", onWheel);
  });

  const local = (e: React.PointerEvent): Point => {
    const r = box.current!.getBoundingClientRect();
    return { x: e.clientX - r.left, y: e.clientY - r.top };
  };

  const onPointerDown = (e: React.PointerEvent) => {
    box.current?.setPointerCapture(e.pointerId);
    pointers.current.set(e.pointerId, local(e));
    if (pointers.current.size === 1) gesture.current = { moved: false, start: local(e) };
    else gesture.current.moved = true;
  };

  const onPointerMove = (e: React.PointerEvent) => {
    const before = pointers.current.get(e.pointerId);
    const view = latest.current;
    if (!before || !view) return;
    const now = local(e);
    const others = [...pointers.current].filter(([id]) => id !== e.pointerId).map(([, p]) => p);
    pointers.current.set(e.pointerId, now);
    const start = gesture.current.start;
    if (start && Math.hypot(now.x - start.x, now.y - start.y) > 6) gesture.current.moved = true;
    if (others.length === 0) {
      setView({ ...view, tx: view.tx + now.x - before.x, ty: view.ty + now.y - before.y });
      return;
    }
    const other = others[0]!;
    const d0 = Math.hypot(before.x - other.x, before.y - other.y);
    const d1 = Math.hypot(now.x - other.x, now.y - other.y);
    const mid0 = { x: (before.x + other.x) / 2, y: (before.y + other.y) / 2 };
    const mid1 = { x: (now.x + other.x) / 2, y: (now.y + other.y) / 2 };
    const zoomed = zoomAt(view, d0 > 0 ? d1 / d0 : 1, mid0, minScale(), MAX_SCALE);
    setView({ ...zoomed, tx: zoomed.tx + mid1.x - mid0.x, ty: zoomed.ty + mid1.y - mid0.y });
  };

  const onPointerUp = (e: React.PointerEvent) => {
    const wasTap = pointers.current.size === 1 && !gesture.current.moved;
    pointers.current.delete(e.pointerId);
    const view = latest.current;
    if (wasTap && placing && view && onPlace) {
      const p = screenToSheet(local(e), view, image);
      if (p) onPlace(p);
    }
  };

  const zoomButton = (factor: number) => {
    const view = latest.current;
    if (!view) return;
    const s = boxSize();
    setView(zoomAt(view, factor, { x: s.w / 2, y: s.h / 2 }, minScale(), MAX_SCALE));
  };

  const stageStyle = view
    ? {
        width,
        height,
        transform: `translate(${view.tx}px, ${view.ty}px) scale(${view.scale})`,
      }
    : { width, height, visibility: "hidden" as const };

  return (
    <div className="drawing-viewer">
      <div className="viewer-toolbar">
        <button type="button" className="button" onClick={() => zoomButton(1.5)}>
          {t("viewer.zoomIn")}
        </button>
        <button type="button" className="button" onClick={() => zoomButton(1 / 1.5)}>
          {t("viewer.zoomOut")}
        </button>
        <button type="button" className="button" onClick={fitToBox}>
          {t("viewer.fit")}
        </button>
        <span className="muted viewer-zoom" data-testid="zoom">
          {view ? `${Math.round(view.scale * 100)}%` : ""}
        </span>
        {props.toolbar}
      </div>
      <div
        ref={box}
        className={`viewer-box${placing ? " viewer-placing" : ""}`}
        data-scale={view?.scale ?? 0}
        data-testid="sheet"
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerUp}
      >
        <div className="viewer-stage" style={stageStyle}>
          <img src={props.previewSrc} alt={t("viewer.preview")} draggable={false} />
          {loadFull ? (
            <img
              src={props.fullSrc}
              alt={t("viewer.image")}
              draggable={false}
              className={fullLoaded ? "viewer-full loaded" : "viewer-full"}
              onLoad={() => setFullLoaded(true)}
              data-testid="sheet-full"
            />
          ) : null}
        </div>
        {view
          ? props.pins.map((pin) => {
              const at = sheetToScreen(pin, view, image);
              return (
                <Link
                  key={pin.id}
                  to={pin.href}
                  className={`pin pin-${pin.status}`}
                  style={{ left: at.x, top: at.y }}
                  title={pin.label}
                  aria-label={pin.label}
                  data-testid="pin"
                  translate="no"
                  onPointerDown={(e) => e.stopPropagation()}
                  onPointerUp={(e) => e.stopPropagation()}
                >
                  <span aria-hidden="true" />
                </Link>
              );
            })
          : null}
        {view && props.placed ? (
          <span
            className="pin pin-placing"
            style={{
              left: sheetToScreen(props.placed, view, image).x,
              top: sheetToScreen(props.placed, view, image).y,
            }}
            data-testid="placed-pin"
          >
            <span aria-hidden="true" />
          </span>
        ) : null}
        {props.overlay ? (
          <div
            className="viewer-overlay"
            onPointerDown={(e) => e.stopPropagation()}
            onPointerUp={(e) => e.stopPropagation()}
          >
            {props.overlay}
          </div>
        ) : null}
      </div>
    </div>
  );
}
