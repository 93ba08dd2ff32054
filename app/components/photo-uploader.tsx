import { useRevalidator } from "@remix-run/react";
import type { TFunction } from "i18next";
import { useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { withOutbox } from "~/modules/offline/outbox.lazy";
import { MB, retryableUploadStatus } from "~/modules/photo/errors";
import type { PhotoOutboxTarget } from "./queued-photos";

type Upload = {
  key: string;
  file: File;
  progress: number;
  /** error: can pass on a retry (network, busy server); refused: never will as it is */
  state: "uploading" | "error" | "refused" | "duplicate";
  message?: string;
};

type Sent = { ok: boolean; status: number; message: string; duplicate: boolean };

/** Sends one file with XMLHttpRequest, for its upload progress. Resolves with the server's message. */
function send(
  t: TFunction<"photo">,
  url: string,
  fields: Record<string, string>,
  file: File,
  onProgress: (p: number) => void,
) {
  return new Promise<Sent>((resolve) => {
    const body = new FormData();
    for (const [name, value] of Object.entries(fields)) body.set(name, value);
    body.append("photo", file, file.name);
    const xhr = new XMLHttpRequest();
    xhr.open("POST", url);
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onload = () => {
      let message = t("uploader.failedHttp", { status: xhr.status });
      let duplicate = false;
      try {
        const json = JSON.parse(xhr.responseText) as {
          message?: string;
          results?: { duplicate?: boolean }[];
        };
        if (json.message) message = json.message;
        duplicate = json.results?.[0]?.duplicate === true;
      } catch {
        if (xhr.responseURL.includes("/login")) message = t("uploader.sessionExpired");
      }
      resolve({ ok: xhr.status === 200, status: xhr.status, message, duplicate });
    };
    xhr.onerror = () =>
      resolve({ ok: false, status: 0, message: t("uploader.networkDown"), duplicate: false });
    xhr.send(body);
  });
}

/**
 * 拍照/选择照片: the tablet's rear camera or files, several at once, each with its own progress;
 * a failed one can be retried with the same file when a retry can help (no answer, a busy server);
 * a refusal (not a photo, too large, the lot signed meanwhile) says why and offers no retry, and a
 * photo already in the record says 已上传过.
 */
export function PhotoUploader({
  url,
  fields = {},
  label,
  buttonText,
  maxFileBytes,
  outbox,
}: {
  /** where the multipart POST goes, e.g. /lots/:id/photos */
  url: string;
  fields?: Record<string, string>;
  label: string;
  buttonText?: string;
  /** the server's per-photo limit: larger files are refused here, before a long upload */
  maxFileBytes: number;
  /**
   * A lot's photos: taken offline, or while the outbox still holds earlier records (the order
   * stays the order taken), or when the upload meets no network, they go to the outbox.
   */
  outbox?: PhotoOutboxTarget;
}) {
  const { t } = useTranslation("photo");
  const inputId = useId();
  const [uploads, setUploads] = useState<Upload[]>([]);
  const counter = useRef(0);
  const revalidator = useRevalidator();

  const patch = (key: string, change: Partial<Upload>) =>
    setUploads((all) => all.map((u) => (u.key === key ? { ...u, ...change } : u)));

  const upload = async (u: Upload) => {
    if (u.file.size > maxFileBytes) {
      patch(u.key, {
        state: "refused",
        message: t("errors.photoTooLarge", {
          name: u.file.name,
          mb: Math.round(maxFileBytes / MB),
        }),
      });
      return;
    }
    const queue = async () => {
      if (!outbox) return false;
      await withOutbox((o) => o.enqueuePhoto({ ...outbox, file: u.file }));
      setUploads((all) => all.filter((x) => x.key !== u.key));
      return true;
    };
    const behind =
      outbox && (navigator.onLine === false || (await withOutbox((o) => o.hasPending())));
    if (behind && (await queue())) return;
    patch(u.key, { state: "uploading", progress: 0, message: undefined });
    const result = await send(t, url, fields, u.file, (p) => patch(u.key, { progress: p }));
    if (result.status === 0 && (await queue())) return;
    if (result.ok && result.duplicate)
      patch(u.key, { state: "duplicate", message: t("uploader.duplicate") });
    else if (result.ok) setUploads((all) => all.filter((x) => x.key !== u.key));
    else
      patch(u.key, {
        state: retryableUploadStatus(result.status) ? "error" : "refused",
        message: result.message,
      });
    if (result.ok) revalidator.revalidate();
  };

  // A photo the tablet could not queue (storage full, the outbox's code not cached) says so and
  // keeps its retry button; the photos after it still go.
  const settle = (u: Upload) =>
    upload(u).catch(() => patch(u.key, { state: "error", message: t("uploader.notKept") }));

  const choose = (files: FileList | null) => {
    const added = [...(files ?? [])].map((file) => ({
      key: `u${counter.current++}`,
      file,
      progress: 0,
      state: "uploading" as const,
    }));
    setUploads((all) => [...all, ...added]);
    // One after another: a tablet's uplink is the bottleneck, and the order stays the shot order.
    void added.reduce((chain, u) => chain.then(() => settle(u)), Promise.resolve());
  };

  return (
    <div className="photo-uploader">
      <label className="button photo-pick" htmlFor={inputId}>
        <CameraIcon /> {buttonText ?? t("uploader.pick")}
      </label>
      <input
        id={inputId}
        className="photo-input"
        type="file"
        accept="image/*"
        capture="environment"
        multiple
        aria-label={label}
        onChange={(e) => {
          choose(e.currentTarget.files);
          e.currentTarget.value = "";
        }}
      />
      {uploads.length > 0 ? (
        <ul className="upload-list">
          {uploads.map((u) => (
            <li key={u.key} className={`upload upload-${u.state}`}>
              <span className="upload-name">{u.file.name}</span>
              {u.state === "uploading" ? (
                <progress
                  max={1}
                  value={u.progress}
                  aria-label={t("uploader.progress", { name: u.file.name })}
                />
              ) : (
                <>
                  <span className="upload-message" role="alert">
                    {u.message}
                  </span>
                  {u.state === "error" ? (
                    <button type="button" className="button" onClick={() => settle(u)}>
                      {t("uploader.retry")}
                    </button>
                  ) : null}
                  <button
                    type="button"
                    className="button"
                    aria-label={t("uploader.dismiss", { name: u.file.name })}
                    onClick={() => setUploads((all) => all.filter((x) => x.key !== u.key))}
                  >
                    ×
                  </button>
                </>
              )}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function CameraIcon() {
  return (
    <svg width="20" height="20" viewBox="0 0 24 24" aria-hidden="true">
      <path
        fill="currentColor"
        d="M9 3 7.2 5H4a2 2 0 0 0-2 2v11a2 2 0 0 0 2 2h16a2 2 0 0 0 2-2V7a2 2 0 0 0-2-2h-3.2L15 3H9Zm3 5a5 5 0 1 1 0 10 5 5 0 0 1 0-10Zm0 2a3 3 0 1 0 0 6 3 3 0 0 0 0-6Z"
      />
    </svg>
  );
}
