import { describe, expect, it } from "vitest";
import { fixedT } from "~/modules/i18n/i18n.server";
import { say } from "~/modules/lot/messages";
import {
  commandBody,
  commandUrl,
  defectSubject,
  type OutboxCommand,
  subjectDefect,
} from "./outbox-commands";
import { classifyAnswer, connectionMetered, retryDelayMs, sizeText, syncLabel } from "./sync-rules";

const label = (lng: "zh-CN" | "en", state: Parameters<typeof syncLabel>[0]) =>
  syncLabel(state)
    .map((m) => say(fixedT(lng), m))
    .join(" · ");

describe("the outbox's reading of the server's answer", () => {
  it("applied and replayed commands both leave the outbox", () => {
    const body = { ok: true, outcome: "duplicate" };
    expect(classifyAnswer({ status: 200, redirected: false, body })).toEqual({ kind: "done" });
  });

  it("keeps the item version the server reports, so the item's later commands build on it", () => {
    const body = { ok: true, outcome: "applied", version: 7 };
    expect(classifyAnswer({ status: 200, redirected: false, body })).toEqual({
      kind: "done",
      version: 7,
    });
  });

  it("an item changed by someone else meanwhile is a conflict, kept with who changed what", () => {
    const message = "主控 1 的备注已被 王监理 改过，你的这次修改未保存：请核对现值后重新录入";
    const body = { ok: false, outcome: "refused", code: "lot:commands.itemChanged", message };
    expect(classifyAnswer({ status: 409, redirected: false, body })).toEqual({
      kind: "refused",
      reasonZh: message,
    });
  });

  it("a client error without a refusal (a proxy's 413 page) is kept under 冲突, not retried for ever", () => {
    expect(classifyAnswer({ status: 413, redirected: false, body: null })).toEqual({
      kind: "refused",
      reasonZh: "HTTP 413",
    });
    expect(classifyAnswer({ status: 429, redirected: false, body: null })).toEqual({
      kind: "retry",
    });
    expect(classifyAnswer({ status: 503, redirected: false, body: null })).toEqual({
      kind: "retry",
    });
  });

  it("a refusal keeps the command with the server's reason", () => {
    const body = { ok: false, outcome: "refused", message: "检验批已签认，检查记录未保存" };
    expect(classifyAnswer({ status: 409, redirected: false, body })).toEqual({
      kind: "refused",
      reasonZh: "检验批已签认，检查记录未保存",
    });
  });

  it("a sign-in page (redirect) stops sending without losing anything", () => {
    expect(classifyAnswer({ status: 200, redirected: true, body: null })).toEqual({
      kind: "signed-out",
    });
  });

  it("server errors are retried, never dropped", () => {
    expect(classifyAnswer({ status: 500, redirected: false, body: null }).kind).toBe("retry");
    expect(classifyAnswer({ status: 502, redirected: false, body: { kind: "refused" } }).kind).toBe(
      "retry",
    );
  });

  it("backs off 2, 4, 8 … seconds, at most a minute", () => {
    expect([0, 1, 2, 10].map(retryDelayMs)).toEqual([2000, 4000, 8000, 60_000]);
  });

  it("labels the header indicator", () => {
    expect(label("zh-CN", { pending: 0, conflicts: 0, online: true })).toBe("已同步");
    expect(label("zh-CN", { pending: 3, conflicts: 0, online: false })).toBe("离线 · 3 项待上传");
    expect(label("zh-CN", { pending: 0, conflicts: 2, online: true })).toBe("冲突 2");
    expect(label("en", { pending: 1, conflicts: 0, online: false })).toBe("Offline · 1 to upload");
    expect(label("en", { pending: 0, conflicts: 0, online: true })).toBe("Synced");
  });
});

describe("photos and defects in the outbox", () => {
  it("counts the photos among what waits, with their size", () => {
    const state = { pending: 5, conflicts: 0, online: false };
    const photos = { count: 3, bytes: 3 * 1024 * 1024 + 300 * 1024 };
    expect(label("zh-CN", { ...state, photos })).toBe("离线 · 5 项待上传 · 含照片 3 张 3.3 MB");
    expect(label("en", { ...state, photos })).toBe(
      "Offline · 5 to upload · incl. 3 photos, 3.3 MB",
    );
    expect(label("zh-CN", { ...state, photos: { count: 0, bytes: 0 } })).toBe("离线 · 5 项待上传");
    expect(sizeText(200)).toBe("1 KB");
    expect(sizeText(350 * 1024)).toBe("350 KB");
  });

  it("仅 Wi-Fi holds photos only on a connection known to be neither Wi-Fi nor wired", () => {
    for (const type of ["cellular", "bluetooth", "wimax", "other"])
      expect(connectionMetered(type)).toBe(true);
    for (const type of ["wifi", "ethernet", "unknown", undefined])
      expect(connectionMetered(type)).toBe(false);
  });

  const base = {
    seq: 1,
    id: "c1",
    key: "0f8e6c1a-0001",
    userId: "u1",
    lotId: "lot 1",
    lotLabel: "L1",
    baseVersion: "draft",
    createdAt: 0,
    status: "pending",
    attempts: 0,
  } as const;

  it("posts a photo as an upload with its key, the file part last", async () => {
    const photo: OutboxCommand = {
      ...base,
      kind: "photo",
      itemId: "item1",
      itemCode: "SR-M5",
      file: new Blob([new Uint8Array([0xff, 0xd8, 0xff])], { type: "image/jpeg" }),
      fileName: "现场.jpg",
      fileType: "image/jpeg",
      fileSize: 3,
    };
    expect(commandUrl(photo)).toBe("/lots/lot%201/photos?key=0f8e6c1a-0001");
    const body = commandBody(photo);
    expect([...body.keys()]).toEqual(["key", "baseVersion", "itemId", "photo"]);
    const file = body.get("photo") as File;
    expect([file.name, file.type, file.size]).toEqual(["现场.jpg", "image/jpeg", 3]);
  });

  it("posts a defect with the form's fields to the commands endpoint, kind in the address", () => {
    const defect: OutboxCommand = {
      ...base,
      kind: "defect",
      itemId: "item1",
      itemCode: "SR-G1",
      fields: { lotId: "lot 1", itemId: "item1", title: "扶手松动", severity: "major" },
    };
    expect(commandUrl(defect)).toBe("/lots/lot%201/commands?kind=defect");
    const body = commandBody(defect);
    expect(body.get("kind")).toBe("defect");
    expect(body.get("title")).toBe("扶手松动");
    expect(body.get("key")).toBe("0f8e6c1a-0001");
  });

  it("posts a supervisor's return with its reason to the commands endpoint, kind in the address", () => {
    const returned: OutboxCommand = {
      ...base,
      baseVersion: "submitted",
      kind: "transition",
      action: "reject",
      reason: "扶手焊缝未打磨",
    };
    expect(commandUrl(returned)).toBe("/lots/lot%201/commands?kind=transition");
    const body = commandBody(returned);
    expect([...body.entries()]).toEqual([
      ["key", "0f8e6c1a-0001"],
      ["baseVersion", "submitted"],
      ["kind", "transition"],
      ["intent", "reject"],
      ["reason", "扶手焊缝未打磨"],
    ]);
  });

  it("posts a defect's transition to the defect's commands, its action in the address", () => {
    const close: OutboxCommand = {
      ...base,
      lotId: defectSubject("d 1"),
      lotLabel: "NH-QX-007 扶手松动",
      baseVersion: "submitted@2026-12-01T04:00:00.000Z",
      kind: "defectTransition",
      defectId: "d 1",
      action: "close",
      actionLabel: "复查通过关闭",
      comment: "复查合格",
    };
    expect(subjectDefect(close.lotId)).toBe("d 1");
    expect(commandUrl(close)).toBe("/defects/d%201/commands?intent=close");
    expect([...commandBody(close).entries()]).toEqual([
      ["key", "0f8e6c1a-0001"],
      ["baseVersion", "submitted@2026-12-01T04:00:00.000Z"],
      ["kind", "defectTransition"],
      ["intent", "close"],
      ["comment", "复查合格"],
    ]);
  });

  it("uploads a defect's photo to its side, a lot's photo to the lot", () => {
    const photo = {
      ...base,
      kind: "photo" as const,
      itemId: null,
      itemCode: null,
      file: new Blob([new Uint8Array([0xff, 0xd8, 0xff])], { type: "image/jpeg" }),
      fileName: "整改后.jpg",
      fileType: "image/jpeg",
      fileSize: 3,
    };
    expect(commandUrl({ ...photo, lotId: defectSubject("d1"), role: "after" as const })).toBe(
      "/defects/d1/photos?role=after",
    );
    expect(commandUrl({ ...photo, lotId: defectSubject("d1"), role: "before" as const })).toBe(
      "/defects/d1/photos?role=before",
    );
    expect(subjectDefect("lot 1")).toBeNull();
    expect(commandUrl(photo)).toBe("/lots/lot%201/photos?key=0f8e6c1a-0001");
  });
});
