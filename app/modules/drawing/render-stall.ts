/**
 * A render takes seconds; still pending this long after the upload means no instance runs the
 * job worker (JOBS=1), or it is far behind. The page says so, so nobody waits for nothing.
 */
export const RENDER_STALLED_MS = 2 * 60_000;

/** Whether a revision's render has waited longer than a running worker would take. */
export function renderStalled(renderStatus: string, queuedAt: Date, now: Date) {
  return renderStatus === "pending" && now.getTime() - queuedAt.getTime() > RENDER_STALLED_MS;
}
