/** The 隐蔽工程验收 forms' schemas: one per form, limits from the module. */
import { z } from "~/infra/zod";

export const CONTENT_MAX = 1000;
export const REASON_MAX = 500;

export const createSchema = z.object({
  /** workType|placeKind|placeId of a required place */
  place: z.string().min(1).max(300),
  content: z.string().trim().min(1).max(CONTENT_MAX),
});

/** The record page's forms (the photo form is multipart: its files are read by the upload). */
export const photoSchema = z.object({ intent: z.literal("photo") });
export const requestSchema = z.object({
  intent: z.literal("request"),
  content: z.string().max(CONTENT_MAX).optional(),
});
export const signSchema = z.object({
  intent: z.literal("sign"),
  password: z.string().min(1).max(200),
  signature: z.string().min(1).max(600_000),
  opinion: z.string().max(REASON_MAX).optional(),
});
export const refuseSchema = z.object({
  intent: z.literal("refuse"),
  reason: z.string().trim().min(1).max(REASON_MAX),
});
export const recordActionSchema = z.discriminatedUnion("intent", [
  requestSchema,
  signSchema,
  refuseSchema,
]);

/** "code|kind|id" back to a place. */
export function parsePlace(value: string) {
  const [workTypeCode = "", placeKind = "", placeId = ""] = value.split("|");
  return { workTypeCode, placeKind, placeId };
}
