import type { TFunction } from "i18next";
import { DomainError } from "~/infra/domain-error";
import { z } from "~/infra/zod";
import { parseQuantity } from "./money";
import { FUND_SOURCES } from "./rules";

/** Longest 计量期间, signing opinion, voucher number and reversal reason. */
export const PERIOD_MAX = 40;
export const OPINION_MAX = 200;
export const VOUCHER_MAX = 60;
export const REASON_MAX = 500;

type FundT = TFunction<"fund">;

const required = (message: string, max: number) =>
  z.string({ error: message }).trim().min(1, { error: message }).max(max);

const password = (t: FundT) => z.string({ error: t("errors.passwordRequired") }).min(1);
const opinion = z.string().max(OPINION_MAX).optional();

/**
 * The funds pages' forms, one schema each, the same in the browser and in the action. The
 * quantities (`qty-<billItemId>`, `cert-<lineId>`) are read beside the schema: their number
 * depends on the contract's bill.
 */
export function fundForms(t: FundT) {
  const apply = z.object({
    period: required(t("errors.periodRequired"), PERIOD_MAX),
    password: password(t),
  });
  const certify = z.object({ intent: z.literal("certify"), password: password(t), opinion });
  const approve = z.object({ intent: z.literal("approve"), password: password(t), opinion });
  const pay = z.object({
    intent: z.literal("pay"),
    password: password(t),
    opinion,
    source: z.enum(FUND_SOURCES, { error: t("errors.sourceRequired") }),
    voucherNo: required(t("errors.voucherRequired"), VOUCHER_MAX),
  });
  const reverse = z.object({
    intent: z.literal("reverse"),
    password: password(t),
    reason: required(t("errors.reasonRequired"), REASON_MAX),
  });
  const step = z.discriminatedUnion("intent", [certify, approve, pay, reverse]);
  return { apply, certify, approve, pay, reverse, step };
}

export type PaymentIntent = "certify" | "approve" | "pay" | "reverse";

/** The claimed quantities of an application form (`qty-<billItemId>`); blanks skipped. */
export function claimedLines(form: FormData): { billItemId: string; milli: number }[] {
  const lines: { billItemId: string; milli: number }[] = [];
  for (const [key, value] of form.entries()) {
    const id = /^qty-(.+)$/.exec(key)?.[1];
    if (!id || typeof value !== "string" || value.trim() === "") continue;
    const milli = parseQuantity(value);
    if (milli === null)
      throw new DomainError("fund:errors.badQuantity", { status: 400, params: { value } });
    lines.push({ billItemId: id, milli });
  }
  return lines;
}

/** The certified quantities of a certify form (`cert-<lineId>`); a blank keeps the claim. */
export function certifiedQuantities(
  form: FormData,
  lines: readonly { id: string; code: string }[],
): Record<string, number> {
  const quantities: Record<string, number> = {};
  for (const line of lines) {
    const raw = form.get(`cert-${line.id}`);
    if (typeof raw !== "string" || raw.trim() === "") continue;
    const milli = parseQuantity(raw);
    if (milli === null)
      throw new DomainError("fund:errors.badCertified", {
        status: 400,
        params: { code: line.code, value: raw },
      });
    quantities[line.id] = milli;
  }
  return quantities;
}
