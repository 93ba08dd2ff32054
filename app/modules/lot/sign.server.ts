import type { Db } from "~/infra/db.server";
import { DomainError } from "~/infra/domain-error";
import type { SignatureImage } from "~/modules/acceptance/signature-image.server";
import type { Actor, Scope } from "~/modules/auth/permissions";
import { checkSigningPassword } from "~/modules/auth/signing-password.server";
import { transitionLot } from "./lots.server";

type Viewer = Actor & { id: string };

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
    throw new DomainError(
      action === "accept"
        ? "lot:errors.conclusionRequiredAccept"
        : "lot:errors.conclusionRequiredSubmit",
      { status: 400, field: "conclusion" },
    );
  const foreman = input.foreman?.trim() || null;
  if (action === "submit" && !foreman)
    throw new DomainError("lot:errors.foremanRequired", { status: 400, field: "foreman" });
  if (!input.confirmed)
    throw new DomainError("lot:errors.confirmRequired", { status: 400, field: "confirm" });
  const password = await checkSigningPassword(db, viewer.id, input.password, now);
  if (!password.ok)
    throw new DomainError("lot:errors.password", {
      status: password.status,
      params: { message: password.message },
      field: "password",
    });
  return transitionLot(db, viewer, scope, lotId, action, null, {
    image: input.image,
    conclusion,
    foreman: action === "submit" ? foreman : null,
  });
}
