import type { LotMessage } from "~/modules/lot/messages";

/** What the outbox does with the server's answer to one command. Pure, so it is tested alone. */
export type SendOutcome =
  /** Applied now or before (a replay): the command leaves the outbox; the item's new version. */
  | { kind: "done"; version?: number }
  /** Refused with a reason (lot signed or returned meanwhile, invalid value): kept under 冲突. */
  | { kind: "refused"; reasonZh: string }
  /** Not signed in any more: stop, keep everything, send after sign-in. */
  | { kind: "signed-out" }
  /** Network down or server trouble: stop, keep everything, retry later in order. */
  | { kind: "retry" };

export function classifyAnswer(answer: {
  status: number;
  redirected: boolean;
  body: unknown;
}): SendOutcome {
  const body = (answer.body ?? {}) as {
    ok?: unknown;
    outcome?: unknown;
    message?: unknown;
    version?: unknown;
  };
  if (answer.redirected || answer.status === 401) return { kind: "signed-out" };
  if (answer.status >= 200 && answer.status < 300 && body.ok === true)
    return Number.isSafeInteger(body.version)
      ? { kind: "done", version: body.version as number }
      : { kind: "done" };
  if (answer.status >= 400 && answer.status < 500 && body.outcome === "refused")
    return {
      kind: "refused",
      // The server's reason, in the reader's language; none when the server gave none.
      reasonZh: typeof body.message === "string" ? body.message : "",
    };
  // Any other client error (a proxy's 413 for a large photo, a 403/404 page) will not pass on a
  // retry, and a retried command holds every one behind it: kept under 冲突 with its status.
  // Not a timeout or a rate limit (408, 425, 429), which a later try may pass.
  if (answer.status >= 400 && answer.status < 500 && ![408, 425, 429].includes(answer.status))
    return {
      kind: "refused",
      reasonZh: typeof body.message === "string" ? body.message : `HTTP ${answer.status}`,
    };
  return { kind: "retry" };
}

/** Back-off before retry n (0-based): 2 s, 4 s, 8 s … capped at 60 s. */
export function retryDelayMs(attempt: number): number {
  return Math.min(60_000, 2000 * 2 ** Math.max(0, attempt));
}

/**
 * Whether a connection type (Network Information API's `type`) is known to be neither Wi-Fi nor
 * wired. Unknown (most desktop and iOS browsers give none) is not metered: photos go.
 */
export function connectionMetered(type: string | undefined): boolean {
  if (!type || type === "unknown") return false;
  return type !== "wifi" && type !== "ethernet";
}

/** A plural key without its suffix: i18next picks _one / _other from `count`. */
const plural = (key: `${string}_other` & LotMessage["key"]) =>
  key.slice(0, -"_other".length) as LotMessage["key"];

/** A size as a tablet user reads it: 1.2 MB, 350 KB. */
export function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/**
 * The header's words for the outbox: 已同步 / N 项待上传 (with the photos among them and their
 * size) / 冲突 N (and 离线 when offline).
 */
export function syncLabel(state: {
  pending: number;
  conflicts: number;
  online: boolean;
  photos?: { count: number; bytes: number };
}) {
  const parts: LotMessage[] = [];
  if (!state.online) parts.push({ key: "lot:sync.offline" });
  if (state.pending > 0)
    parts.push({ key: plural("lot:sync.pending_other"), params: { count: state.pending } });
  if (state.photos && state.photos.count > 0)
    parts.push({
      key: plural("lot:sync.photos_other"),
      params: { count: state.photos.count, size: sizeText(state.photos.bytes) },
    });
  if (state.conflicts > 0)
    parts.push({ key: plural("lot:sync.conflicts_other"), params: { count: state.conflicts } });
  if (state.pending === 0 && state.conflicts === 0) parts.push({ key: "lot:sync.synced" });
  return parts;
}
