import { z } from "~/infra/zod";
import { decimalInt, decimalNumber, parseCalendarDay } from "~/infra/zod-fields";
import type { AnyT } from "~/modules/acceptance/words";

export const REASON_MAX = 500;
export const TESTER_MAX = 80;
export const VALUES_MAX = 400;
/** Longest document title (documents.server.ts checks the same limit on the multipart upload). */
export const TITLE_MAX = 120;

/**
 * The evidence page's forms: check, reject, record a test (url-encoded, one action), and the
 * upload (multipart: the browser validates its fields; the upload module reads the request).
 */
export function evidenceForms(t: AnyT) {
  const optional = <T extends z.ZodType>(schema: T) =>
    z.preprocess((v) => (v === "" || v === null ? undefined : v), schema.optional());
  const check = z.object({ intent: z.literal("check"), documentId: z.string().min(1).max(40) });
  const reject = z.object({
    intent: z.literal("reject"),
    documentId: z.string().min(1).max(40),
    reason: z
      .string({ error: t("evidence:docs.rejectReason") })
      .trim()
      .min(1)
      .max(REASON_MAX),
  });
  const test = z.object({
    intent: z.literal("test"),
    division: z.string().min(1).max(60),
    code: z.string().min(1).max(40),
    place: z.string().min(1).max(120),
    values: z
      .string({ error: t("evidence:errors.values") })
      .trim()
      .min(1)
      .max(VALUES_MAX),
    design: optional(decimalNumber(t("evidence:errors.designNeeded"))),
    pipeDiameter: optional(decimalInt(t("evidence:tests.pipeDiameter"))),
    pipeMaterial: optional(z.enum(["rc", "plastic"])),
    structure: optional(z.enum(["rc", "masonry"])),
    roadClass: optional(z.enum(["arterial", "secondary", "branch"])),
    testedOn: z.string().transform((v, ctx) => {
      const day = parseCalendarDay(v);
      if (!day) ctx.addIssue({ code: "custom", message: t("evidence:tests.testedOn") });
      return day ?? z.NEVER;
    }),
    tester: z
      .string({ error: t("evidence:tests.tester") })
      .trim()
      .min(1)
      .max(TESTER_MAX),
  });
  const upload = z.object({
    intent: z.literal("upload"),
    division: z.string().min(1).max(60),
    kind: z.string().min(1).max(40),
    title: z.string().trim().min(1).max(TITLE_MAX),
  });
  const action = z.discriminatedUnion("intent", [check, reject, test]);
  return { check, reject, test, upload, action };
}
export type TestForm = z.infer<ReturnType<typeof evidenceForms>["test"]>;
