import { z } from "./zod";

/**
 * zod's default messages in Chinese, set once for the whole app (imported by infra/forms and
 * entry.server): a schema without its own message never shows "Too big: expected string…".
 * Messages a schema gives itself still win.
 */
export function chineseIssueMessage(issue: z.core.$ZodRawIssue): string {
  switch (issue.code) {
    case "invalid_type":
      return issue.input === undefined || issue.input === null ? "请填写此项" : "格式不正确";
    case "too_big":
      return issue.origin === "string"
        ? `不能超过 ${issue.maximum} 个字`
        : issue.origin === "array" || issue.origin === "set"
          ? `最多 ${issue.maximum} 项`
          : `不能大于 ${issue.maximum}`;
    case "too_small":
      if (issue.origin === "string")
        return Number(issue.minimum) <= 1 ? "请填写此项" : `至少 ${issue.minimum} 个字`;
      return issue.origin === "array" || issue.origin === "set"
        ? `至少 ${issue.minimum} 项`
        : `不能小于 ${issue.minimum}`;
    case "invalid_value":
    case "invalid_union":
      return "选项无效";
    case "invalid_format":
      return "格式不正确";
    case "not_multiple_of":
      return `须是 ${issue.divisor} 的整数倍`;
    case "unrecognized_keys":
      return "含有多余的字段";
    default:
      return "输入无效";
  }
}

z.config({ customError: chineseIssueMessage });

const DECIMAL = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;
const DIGITS = /^\d+$/;

/** A number written in decimal digits only: "0x10", "1_0", "Infinity", " " are refused. */
export function decimalNumber(message = "须是十进制数字") {
  return z.union([z.string(), z.number()]).transform((v, ctx) => {
    const text = typeof v === "number" ? String(v) : v.trim();
    const n = DECIMAL.test(text) ? Number(text) : Number.NaN;
    if (!Number.isFinite(n)) {
      ctx.addIssue({ code: "custom", message });
      return z.NEVER;
    }
    return n;
  });
}

/** A non-negative whole number in decimal digits ("16", never "0x10" or "1e1"). */
export function decimalInt(message = "须是十进制整数") {
  return z.union([z.string(), z.number()]).transform((v, ctx) => {
    const text = typeof v === "number" ? String(v) : v.trim();
    if (!DIGITS.test(text) || text.length > 15) {
      ctx.addIssue({ code: "custom", message });
      return z.NEVER;
    }
    return Number(text);
  });
}

/** 'YYYY-MM-DD' that is a real calendar day (2021-02-30 is refused), as that China-time day. */
export function parseCalendarDay(value: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const utc = new Date(Date.UTC(y, mo - 1, d));
  if (utc.getUTCFullYear() !== y || utc.getUTCMonth() !== mo - 1 || utc.getUTCDate() !== d)
    return null;
  return new Date(`${value}T00:00:00+08:00`);
}
