import { describe, expect, it } from "vitest";
import type { Translate } from "~/modules/defect/labels";
import { fixedT } from "~/modules/i18n/i18n.server";
import { captureTimeNote, formatPhotoTime, watermarkLines } from "./labels";

const zh: Translate = fixedT("zh-CN");

const info = {
  project: "德江县2021年城镇老旧小区改造",
  compound: "县农行老旧小区",
  place: "3栋2单元",
  workType: "楼梯栏杆、扶手维修加固",
  item: "SR-M1",
  user: "王工（正衡监理）",
};

describe("photo labels", () => {
  it("formats times in China time whatever the server's zone", () => {
    expect(formatPhotoTime(new Date("2024-05-01T02:20:30Z"))).toBe("2024-05-01 10:20");
    expect(formatPhotoTime("2024-12-31T16:05:00Z")).toBe("2025-01-01 00:05");
  });

  it("puts project, compound, place, work type, time and user in the watermark", () => {
    const lines = watermarkLines(info, new Date("2024-05-01T02:20:30Z"), new Date(), zh);
    const text = lines.join("\n");
    for (const part of Object.values(info)) expect(text).toContain(part);
    expect(text).toContain("拍摄时间：2024-05-01 10:20");
  });

  it("falls back to the upload time, and says so, when the photo has no capture time", () => {
    const lines = watermarkLines(
      { ...info, item: null },
      null,
      new Date("2024-06-01T00:00:00Z"),
      zh,
    );
    expect(lines.join("\n")).toContain("上传时间：2024-06-01 08:00（照片无拍摄时间）");
    expect(lines.join("\n")).not.toContain("检查项目");
  });

  it("notes capture times far from the upload time", () => {
    const up = new Date("2024-05-10T00:00:00Z");
    expect(captureTimeNote(new Date("2024-05-09T12:00:00Z"), up)).toBeNull();
    expect(captureTimeNote(new Date("2024-05-08T20:00:00Z"), up)).toEqual({
      code: "hoursBefore",
      count: 28,
    });
    expect(captureTimeNote(new Date("2024-05-01T00:00:00Z"), up)).toEqual({
      code: "daysBefore",
      count: 9,
    });
    expect(captureTimeNote(new Date("2024-05-10T02:00:00Z"), up)).toEqual({ code: "afterUpload" });
    expect(captureTimeNote(null, up)).toEqual({ code: "noExif" });
  });

  it("words the notes in both languages", () => {
    const en: Translate = fixedT("en");
    expect(zh("photo:timeNote.hoursBefore", { count: 28 })).toBe("拍摄时间早于上传时间 28 小时");
    expect(en("photo:timeNote.daysBefore", { count: 1 })).toBe("Taken 1 day before upload");
    expect(en("photo:timeNote.daysBefore", { count: 9 })).toBe("Taken 9 days before upload");
  });
});
