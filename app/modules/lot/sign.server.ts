import type { Db } from "~/infra/db.server";
import type { SignatureImage } from "~/modules/acceptance/signature-image.server";
import type { Actor, Scope } from "~/modules/auth/permissions";
import { checkSigningPassword } from "~/modules/auth/signing-password.server";
import { LotError, transitionLot } from "./lots.server";

type Viewer = Actor & { id: string };

/** The texts a signer starts from: prefilled, never fixed (decision 0016). */
export const DEFAULT_CONCLUSION_ZH = {
  selfcheck: "主控项目、一般项目均已自检，符合设计及规范要求，自检合格，报请监理验收。",
  accept: "主控项目全部合格，一般项目合格率符合规范要求，资料齐全，同意验收。",
} as const;

export type LotSignInput = {
  password: string;
  image: SignatureImage;
  conclusion: string;
  /** 专业工长, named by the contractor on 施工自检 */
  foreman?: string | null;
  /** The signer ticked the confirmation (签认后记录只读) */
  confirmed: boolean;
};

/**
 * 施工自检 (submit, by the contractor's 项目专业质量检查员 with the 专业工长 named) or 验收签认
 * (accept, by the 专业监理工程师): the conclusion text as edited, the signer's password and a
 * drawn signature, all bound into the signed content hash. A wrong password stores nothing
 * and counts against the signer's throttle (decision 0010).
 */
export async function signLot(
  db: Db,
  viewer: Viewer,
  scope: Scope,
  lotId: string,
  action: "submit" | "accept",
  input: LotSignInput,
  now = new Date(),
) {
  const conclusion = input.conclusion.trim();
  if (!conclusion)
    throw new LotError(action === "accept" ? "请填写监理验收结论" : "请填写施工单位检查结果");
  const foreman = input.foreman?.trim() || null;
  if (action === "submit" && !foreman) throw new LotError("请填写专业工长");
  if (!input.confirmed) throw new LotError("请先勾选确认，再签字");
  const password = await checkSigningPassword(db, viewer.id, input.password, now);
  if (!password.ok) throw new LotError(password.message, password.status);
  return transitionLot(db, viewer, scope, lotId, action, null, {
    image: input.image,
    conclusion,
    foreman: action === "submit" ? foreman : null,
  });
}
