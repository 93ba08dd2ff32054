import { describe, expect, it } from "vitest";
import { fixedT } from "~/modules/i18n/i18n.server";
import { passwordProblem } from "./password-policy.server";

const who = { username: "zhaoliu", displayName: "赵六" };

describe("password policy", () => {
  it.each([
    ["aaaaaaaaaa", "重复"],
    ["1234567890", "太容易被猜中"],
    ["            ", "空格"],
    ["abc\u0000defghijk", "控制字符"],
    ["abcd\nefghijk", "控制字符"],
    ["zhaoliu2026!", "用户名"],
    ["ZhaoLiu-abc", "用户名"],
    ["woaini5201314", "太容易被猜中"],
    ["yanshou2026!", "太容易被猜中"],
    ["Zhang19900101", "日期"],
    ["13812345678a", "手机号"],
    ["password123", "太容易被猜中"],
    ["short", "至少 10 位"],
  ])("refuses %j with a Chinese reason", (password, reason) => {
    expect(passwordProblem(password, who)).toContain(reason);
  });

  it("says the same in English, reasons listed", () => {
    const en = fixedT("en");
    expect(passwordProblem("short", who, en)).toBe("The password needs at least 10 characters");
    expect(passwordProblem("Zhang19900101", who, en)).toMatch(
      /^The password is too easy to guess \(.*it contains a date or year.*\)\. Use a longer/,
    );
  });

  it.each(["tiger-Lamp-47-river", "Qz7#mP2v!kL9", "correct horse battery"])(
    "accepts a hard-to-guess password %j",
    (password) => {
      expect(passwordProblem(password, who)).toBeNull();
    },
  );
});
