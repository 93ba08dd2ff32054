import { describe, expect, it } from "vitest";
import { fixedT } from "~/modules/i18n/i18n.server";
import { say } from "~/modules/lot/messages";
import { classifyAnswer, retryDelayMs, syncLabel } from "./sync-rules";

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

  it("server errors and answers that are not the outbox's are retried, never dropped", () => {
    expect(classifyAnswer({ status: 500, redirected: false, body: null }).kind).toBe("retry");
    expect(classifyAnswer({ status: 413, redirected: false, body: { kind: "refused" } }).kind).toBe(
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
