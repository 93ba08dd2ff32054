/**
 * What a 退回 / 撤销验收 queued on a tablet is based on: the lot's state and when it reached it
 * (this submission, this acceptance). A lot returned and submitted again, or reopened and accepted
 * again, meanwhile is another round: the queued command is refused, never applied to it.
 */
export function transitionBase(lot: {
  status: string;
  submittedAt: Date | string | null;
  acceptedAt: Date | string | null;
}): string {
  const at =
    lot.status === "accepted"
      ? lot.acceptedAt
      : lot.status === "submitted"
        ? lot.submittedAt
        : null;
  return at ? `${lot.status}@${new Date(at).toISOString()}` : lot.status;
}
