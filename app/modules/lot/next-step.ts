import type { LotMessage } from "./messages";
import type { LotState } from "./workflow";

/**
 * Who acts next on a lot and what they do, for the lot page: a waiting state always names the
 * party and the step (GB 50300-2013 §6.0.1: the contractor self-checks and submits, the
 * specialty supervising engineer accepts).
 */
export function lotNextStep(input: {
  state: LotState;
  verdict: "pass" | "fail" | "incomplete";
  done: number;
  total: number;
  viewerIsContractor: boolean;
}): LotMessage {
  const { state, verdict, done, total, viewerIsContractor: me } = input;
  if (state === "accepted") return { key: "lot:nextStep.accepted" };
  if (state === "submitted")
    return { key: me ? "lot:nextStep.submittedMine" : "lot:nextStep.submittedOther" };
  if (state === "rejected")
    return { key: me ? "lot:nextStep.rejectedMine" : "lot:nextStep.rejectedOther" };
  if (verdict === "incomplete")
    return { key: "lot:nextStep.incomplete", params: { n: total - done } };
  if (verdict === "fail") return { key: "lot:nextStep.fail" };
  return { key: me ? "lot:nextStep.doneMine" : "lot:nextStep.doneOther", params: { done, total } };
}
