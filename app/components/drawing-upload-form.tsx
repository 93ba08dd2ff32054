import { Form } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { DISCIPLINES } from "~/modules/drawing/labels";
import { DRAWING_LIMITS } from "~/modules/drawing/limits";

/** The page a confirmed upload would store: a new sheet, or a new revision replacing `supersedes`. */
export type PreviewPage = { number: string; revision: string; supersedes: string | null };

/** What the upload action answers: done, refused, or the supersessions to confirm first. */
export type DrawingUploadResult =
  | { kind: "done" | "error"; message: string }
  | { kind: "confirm"; message: string; token: string; pages: PreviewPage[] };

const mb = Math.round(DRAWING_LIMITS.maxFileBytes / 1024 / 1024);

/**
 * The upload form. After a success it resets (the file input is cleared) and the result is
 * scrolled into view and announced; a set that would supersede sheets shows what it would do and
 * waits for 确认上传, which submits the same file again with the confirmed supersessions.
 */
export function DrawingUploadForm({
  result,
  busy,
  workTypes,
  today,
  defaultStart,
}: {
  result: DrawingUploadResult | undefined;
  busy: boolean;
  workTypes: { id: string; nameZh: string }[];
  today: string;
  defaultStart: number;
}) {
  const formRef = useRef<HTMLFormElement>(null);
  const messageRef = useRef<HTMLDivElement>(null);
  const [dismissed, setDismissed] = useState<DrawingUploadResult | undefined>(undefined);
  const shown = result && result !== dismissed ? result : undefined;

  useEffect(() => {
    if (!result) return;
    if (result.kind === "done") formRef.current?.reset();
    messageRef.current?.scrollIntoView({ block: "center" });
  }, [result]);

  return (
    <Form
      ref={formRef}
      method="post"
      encType="multipart/form-data"
      className="panel form-stack upload-form"
      aria-label="上传图纸"
      // 取消 on a preview hides it; the reset after a success keeps its message.
      onReset={() => {
        if (result?.kind === "confirm") setDismissed(result);
      }}
    >
      <h2>上传图纸</h2>
      <p className="muted">
        PDF 图纸（每页一张图，最多 {DRAWING_LIMITS.maxPages} 页，单页不超过 A0
        的两倍，不加密）或单张 JPEG/PNG/WebP 图片，文件不超过 {mb}{" "}
        MB。图号与已有图纸相同的页作为该图纸的新版次，上传前请您确认；与现行版次完全相同的文件不会重复保存。
      </p>
      <label>
        文件
        <input
          type="file"
          name="file"
          accept="application/pdf,image/jpeg,image/png,image/webp"
          required
        />
      </label>
      <div className="form-grid">
        <label>
          专业
          <input name="discipline" list="disciplines" defaultValue="电气" required maxLength={20} />
          <datalist id="disciplines">
            {DISCIPLINES.map((d) => (
              <option key={d} value={d} />
            ))}
          </datalist>
        </label>
        <label>
          图号前缀
          <input name="numberPrefix" defaultValue="电施-" maxLength={30} />
        </label>
        <label>
          起始序号
          <input name="startNumber" type="number" min={0} max={999} defaultValue={defaultStart} />
        </label>
        <label>
          图名（默认）
          <input name="defaultTitle" maxLength={100} placeholder="如 照明平面图" />
        </label>
        <label>
          版次（留空自动）
          <input name="revision" maxLength={2} pattern="[A-Za-z]{1,2}" placeholder="A、B…" />
        </label>
        <label>
          出图日期
          <input name="issuedOn" type="date" defaultValue={today} required />
        </label>
        <label>
          工程类别（可选）
          <select name="workTypeId" defaultValue="">
            <option value="">不限</option>
            {workTypes.map((w) => (
              <option key={w.id} value={w.id}>
                {w.nameZh}
              </option>
            ))}
          </select>
        </label>
      </div>
      <label>
        每页图号与图名（可选，每行一页：图号 空格 图名；留空的行按前缀和序号编号）
        <textarea
          name="pageLines"
          rows={4}
          placeholder={"电施-01 照明平面图\n电施-02 动力平面图"}
        />
      </label>
      <div ref={messageRef} className="upload-result">
        {shown?.kind === "confirm" ? (
          <div className="alert confirm-supersede" role="status" data-testid="upload-confirm">
            <p>{shown.message}：</p>
            <ul>
              {shown.pages.map((p) => (
                <li key={p.number}>
                  {p.supersedes
                    ? `${p.number} 将成为 ${p.revision} 版，替代 ${p.supersedes} 版`
                    : `${p.number} 新图纸 ${p.revision} 版`}
                </li>
              ))}
            </ul>
          </div>
        ) : shown ? (
          <p
            className={`alert ${shown.kind === "done" ? "alert-ok" : "alert-error"}`}
            role={shown.kind === "done" ? "status" : "alert"}
          >
            {shown.message}
          </p>
        ) : null}
      </div>
      <div className="workflow-buttons">
        {shown?.kind === "confirm" ? (
          <>
            <button
              type="submit"
              name="confirm"
              value={shown.token}
              className="button button-primary"
              disabled={busy}
            >
              {busy ? "正在渲染…" : "确认上传"}
            </button>
            <button type="reset" className="button" disabled={busy}>
              取消
            </button>
          </>
        ) : (
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? "正在检查…" : "上传"}
          </button>
        )}
      </div>
    </Form>
  );
}
