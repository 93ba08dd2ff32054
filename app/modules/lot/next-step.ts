import type { LotState } from "./workflow";

/**
 * Who acts next on a lot and what they do, in words for the lot page: a waiting state always
 * names the party and the step (GB 50300-2013 §6.0.1: the contractor self-checks and submits,
 * the specialty supervising engineer accepts).
 */
export function lotNextStepZh(input: {
  state: LotState;
  verdict: "pass" | "fail" | "incomplete";
  done: number;
  total: number;
  viewerIsContractor: boolean;
}): string {
  const { state, verdict, done, total, viewerIsContractor: me } = input;
  if (state === "accepted") return "已验收签认，记录只读，无需再操作。";
  if (state === "submitted")
    return me
      ? "已提交，等待监理验收签认或退回。"
      : "施工单位已提交自检：请监理检查后验收签认或退回。";
  if (state === "rejected")
    return me
      ? "监理已退回：请按退回原因修改后重新提交施工自检。"
      : "已退回施工单位：等待其按退回原因修改后重新提交施工自检。";
  if (verdict === "incomplete")
    return `还有 ${total - done} 项未填写；填完后由施工单位提交施工自检。`;
  if (verdict === "fail")
    return "有不合格项：整改后重新检查或登记质量问题；合格后由施工单位提交施工自检。";
  return me
    ? `已填完（合格 ${done}/${total}）：请确认资料齐全后点“提交施工自检”。`
    : `已填完（合格 ${done}/${total}）：等待施工单位提交施工自检，之后由监理验收签认。`;
}
