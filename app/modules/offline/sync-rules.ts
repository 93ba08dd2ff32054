/** What the outbox does with the server's answer to one command. Pure, so it is tested alone. */
export type SendOutcome =
  /** Applied now or before (a replay): the command leaves the outbox. */
  | { kind: "done" }
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
  const body = (answer.body ?? {}) as { ok?: unknown; outcome?: unknown; message?: unknown };
  if (answer.redirected || answer.status === 401) return { kind: "signed-out" };
  if (answer.status >= 200 && answer.status < 300 && body.ok === true) return { kind: "done" };
  if (answer.status >= 400 && answer.status < 500 && body.outcome === "refused")
    return {
      kind: "refused",
      reasonZh: typeof body.message === "string" ? body.message : `服务器拒绝（${answer.status}）`,
    };
  return { kind: "retry" };
}

/** Back-off before retry n (0-based): 2 s, 4 s, 8 s … capped at 60 s. */
export function retryDelayMs(attempt: number): number {
  return Math.min(60_000, 2000 * 2 ** Math.max(0, attempt));
}

/** The header's words for the outbox: 已同步 / N 项待上传 / 冲突 N (and 离线 when offline). */
export function syncLabelZh(state: { pending: number; conflicts: number; online: boolean }) {
  const parts: string[] = [];
  if (!state.online) parts.push("离线");
  if (state.pending > 0) parts.push(`${state.pending} 项待上传`);
  if (state.conflicts > 0) parts.push(`冲突 ${state.conflicts}`);
  if (state.pending === 0 && state.conflicts === 0) parts.push("已同步");
  return parts.join(" · ");
}
