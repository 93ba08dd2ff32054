import { DomainError } from "~/infra/domain-error";
import type { Lng } from "~/modules/i18n/config";
import { fixedT } from "~/modules/i18n/i18n.server";

/**
 * What a refused call tells the user: its status and message in `lng` (Chinese by default), or
 * null when the call went through. Anything but a DomainError is thrown on.
 */
export async function refusal(call: Promise<unknown>, lng: Lng = "zh-CN") {
  try {
    await call;
  } catch (e) {
    if (e instanceof DomainError) return { status: e.status, message: e.text(fixedT(lng)) };
    throw e;
  }
  return null;
}
