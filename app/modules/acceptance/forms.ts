import { z } from "~/infra/zod";
import { CONCLUSIONS, SUPERVISION_MAX } from "./parties";
import type { AnyT } from "./words";

/** Longest 综合验收意见, 签字意见 and 作废原因 (what the record's columns are meant to hold). */
export const REMARKS_MAX = 2000;
export const OPINION_MAX = 200;
export const REASON_MAX = 500;

/**
 * The 竣工验收 page's four forms, one schema each, the same in the browser and in the action.
 * Open's signatories (`seat-<n>`, one per party seat) are read beside the schema: their number
 * depends on the compound.
 */
export function acceptanceForms(t: AnyT) {
  const open = z.object({
    intent: z.literal("open"),
    conclusion: z.enum(CONCLUSIONS, { error: t("acceptance:open.conclusionRequired") }),
    remarks: z.string().max(REMARKS_MAX).optional(),
  });
  const sign = z.object({
    intent: z.literal("sign"),
    acceptanceId: z.string().min(1),
    password: z.string({ error: t("acceptance:sign.passwordRequired") }).min(1),
    signature: z.string().optional(),
    opinion: z.string().max(OPINION_MAX).optional(),
  });
  const voidForm = z.object({
    intent: z.literal("void"),
    acceptanceId: z.string().min(1),
    reason: z.string().trim().min(1).max(REASON_MAX),
  });
  const supervise = z.object({
    intent: z.literal("supervise"),
    acceptanceId: z.string().min(1),
    record: z.string().trim().min(1).max(SUPERVISION_MAX),
  });
  const action = z.discriminatedUnion("intent", [open, sign, voidForm, supervise], {
    error: t("acceptance:errors.unknownIntent"),
  });
  return { open, sign, void: voidForm, supervise, action };
}

export type AcceptanceIntent = "open" | "sign" | "void" | "supervise";
