import { describe, expect, it } from "vitest";
import { fixedT } from "~/modules/i18n/i18n.server";
import { kindLabelKey, lineParts, lineText } from "./inbox-lines";
import type { Translate } from "./labels";

const zh: Translate = fixedT("zh-CN");
const en: Translate = fixedT("en");
const params = { number: "NH-QX-001", title: "栏杆松动", place: "3栋", dueOn: "2026-12-03" };

describe("inbox lines: kind + params, worded in the reader's language", () => {
  it("writes the Chinese fallback as the line always read", () => {
    expect(lineText("defect.assigned", params, zh, "zh-CN")).toBe(
      "NH-QX-001 栏杆松动（3栋），整改期限 2026-12-03",
    );
  });

  it("words a stored line in English, data kept as written and marked as data", () => {
    const parts = lineParts("defect.assigned", JSON.stringify(params), en, "en");
    expect(parts?.map((p) => p.text).join("")).toBe(
      "NH-QX-001 栏杆松动 (3栋), rectify by 3 Dec 2026",
    );
    expect(parts?.filter((p) => p.data).map((p) => p.text)).toEqual([
      "NH-QX-001",
      "栏杆松动",
      "3栋",
    ]);
    expect(parts?.filter((p) => !p.data).some((p) => /[\u4e00-\u9fff]/.test(p.text))).toBe(false);
  });

  it("plural counts, and old rows without params fall back to their text", () => {
    const notice = { number: "NH-TZ-001", subject: "整改", count: 1, dueOn: "2026-12-03" };
    expect(lineText("notice.issued", notice, en, "en")).toContain(
      "(defects: 1; reply by 3 Dec 2026)",
    );
    expect(lineParts("notice.issued", null, en, "en")).toBeNull();
    expect(lineParts("something.else", "{}", en, "en")).toBeNull();
    expect(kindLabelKey("defect.overdue")).toBe("defect:inbox.kind.defect.overdue");
  });
});
