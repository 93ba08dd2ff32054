import type { TFunction } from "i18next";
import type { z } from "~/infra/zod";

/**
 * zod's default messages in the reader's language, for one parse (server and browser alike): a
 * schema without its own message never shows "Too big: expected string…". A schema's own
 * message still wins.
 */
export function zodErrorMap(t: TFunction): z.core.$ZodErrorMap {
  return (issue) => {
    switch (issue.code) {
      case "invalid_type":
        return issue.input === undefined || issue.input === null || issue.input === ""
          ? t("validation.required")
          : t("validation.invalid");
      case "too_big": {
        const max = Number(issue.maximum);
        if (issue.origin === "string") return t("validation.tooLongText", { max });
        if (issue.origin === "array" || issue.origin === "set")
          return t("validation.tooManyItems", { max });
        return t("validation.tooBig", { max });
      }
      case "too_small": {
        const min = Number(issue.minimum);
        if (issue.origin === "string")
          return min <= 1 ? t("validation.required") : t("validation.tooShortText", { min });
        if (issue.origin === "array" || issue.origin === "set")
          return t("validation.tooFewItems", { min });
        return t("validation.tooSmall", { min });
      }
      case "invalid_value":
      case "invalid_union":
        return t("validation.invalidOption");
      case "invalid_format":
        return t("validation.invalid");
      case "not_multiple_of":
        return t("validation.multipleOf", { divisor: Number(issue.divisor) });
      case "unrecognized_keys":
        return t("validation.unknownKeys");
      default:
        return t("validation.fallback");
    }
  };
}
