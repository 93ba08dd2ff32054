/**
 * 违建拆除: registered 登记 → notified 已通知 → deadline 限期拆除 → demolished 已拆除. Pure.
 * The county plan gives demolition to 县住建局（城市综合行政执法局）and the two street offices.
 */
export const ILLEGAL_STATES = ["registered", "notified", "deadline", "demolished"] as const;
export type IllegalState = (typeof ILLEGAL_STATES)[number];

export const ILLEGAL_STATE_LABELS_ZH: Record<IllegalState, string> = {
  registered: "已登记",
  notified: "已通知",
  deadline: "限期拆除",
  demolished: "已拆除",
};

export const ILLEGAL_NEXT_ZH: Record<Exclude<IllegalState, "registered">, string> = {
  notified: "送达拆除通知",
  deadline: "下达限期拆除决定",
  demolished: "确认已拆除",
};

export function isIllegalState(v: unknown): v is IllegalState {
  return typeof v === "string" && (ILLEGAL_STATES as readonly string[]).includes(v);
}

/**
 * One step forward at a time; 限期拆除 needs its deadline, 已拆除 an after photo (拆除后).
 * Returns a Chinese refusal, or null when the step is allowed.
 */
export function illegalStepRefusal(input: {
  from: IllegalState;
  to: IllegalState;
  deadline: Date | null;
  afterPhotos: number;
}): string | null {
  const i = ILLEGAL_STATES.indexOf(input.from);
  if (ILLEGAL_STATES[i + 1] !== input.to)
    return `${ILLEGAL_STATE_LABELS_ZH[input.from]}的违建只能进入下一步：${ILLEGAL_STATE_LABELS_ZH[ILLEGAL_STATES[i + 1] ?? input.from]}`;
  if (input.to === "deadline" && !input.deadline) return "限期拆除须填写拆除期限";
  if (input.to === "demolished" && input.afterPhotos < 1) return "确认已拆除前请先上传拆除后照片";
  return null;
}
