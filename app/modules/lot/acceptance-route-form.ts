import type { TFunction } from "i18next";
import { z } from "~/infra/zod";
import { ACCEPT_ROUTES } from "./acceptance-route";

/** One required line of text with its own message when blank. */
const required = (max: number, message: string) =>
  z.string({ error: message }).trim().min(1, message).max(max);

/** The §5.0.6 route form (the document is the upload's file part, checked on the server). */
export function acceptRouteSchema(t: TFunction) {
  return z.object({
    route: z.enum(ACCEPT_ROUTES, { error: t("errors.routeUnknown", { ns: "nonconformance" }) }),
    body: required(100, t("errors.bodyRequired", { ns: "nonconformance" })),
    reportNumber: required(60, t("errors.reportNumberRequired", { ns: "nonconformance" })),
    note: required(1000, t("errors.noteRequired", { ns: "nonconformance" })),
  });
}
