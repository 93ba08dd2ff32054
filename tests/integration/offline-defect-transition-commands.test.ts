import path from "node:path";
import { describe, expect, it } from "vitest";
import { DomainError } from "~/infra/domain-error";
import { defectBase } from "~/modules/defect/defect-base";
import {
  defectPageTransition,
  defectTransitionCommand,
} from "~/modules/defect/defect-transition-command.server";
import { createDefect, transitionDefect } from "~/modules/defect/defects.server";
import { defaultDueOn } from "~/modules/defect/workflow";
import { attachDefectPhoto } from "~/modules/photo/defect-photos.server";
import { LocalPhotoStorage } from "~/modules/photo/storage.server";
import { cameraJpeg } from "../support/images";
import { TMP_DIR } from "../support/paths";
import { testDb } from "../support/test-db";

/**
 * A defect's transitions queued on a tablet without signal (issue 17: "every … transition is a
 * command … a command that conflicts (… the defect closed) is refused with its reason"). Applied
 * once per key, only to the defect as the tablet saw it; otherwise refused with what it became.
 */
describe("a defect's transition as an outbox command", () => {
  const db = testDb({ seeded: true });

  async function user(username: string) {
    const u = await db.user.findFirstOrThrow({
      where: { username },
      select: { id: true, role: true, organizationId: true },
    });
    return { ...u, role: u.role as "contractor" | "supervisor" };
  }

  const storage = new LocalPhotoStorage(
    path.join(TMP_DIR, `defect-cmd-${process.pid}-${Date.now()}`),
  );
  let shots = 0;

  /** A defect of 南湖 for shigong1, taken to `step` as on site (a reply brings its photo). */
  async function raised(title: string, step: "open" | "in_progress" | "submitted") {
    const supervisor = await user("jianli");
    const contractor = await user("shigong1");
    const nh = await db.compound.findUniqueOrThrow({ where: { code: "NH" }, select: { id: true } });
    const defect = await createDefect(db, supervisor, {
      from: "compound",
      compoundId: nh.id,
      contractorOrgId: contractor.organizationId,
      placeLabel: "1栋4单元",
      title,
      description: "",
      severity: "major",
      dueOn: defaultDueOn("major", new Date()),
    });
    if (step !== "open")
      await transitionDefect(db, contractor, "own", defect.id, "acknowledge", null);
    if (step === "submitted") {
      const bytes = await cameraJpeg({ width: 320, height: 240, seed: shots++ });
      await attachDefectPhoto(
        db,
        storage,
        contractor,
        "own",
        { defectId: defect.id, role: "after" },
        {
          bytes,
          name: `IMG_${shots}.jpg`,
        },
      );
      await transitionDefect(db, contractor, "own", defect.id, "reply", "已整改");
    }
    return seeded(defect.id);
  }

  /** The defect with the base a tablet showing it now would send. */
  async function seeded(id: string) {
    const d = await db.defect.findUniqueOrThrow({
      where: { id },
      select: { id: true, status: true, updatedAt: true },
    });
    return { id: d.id, base: defectBase(d) };
  }

  const state = async (defectId: string, action: string) =>
    Promise.all([
      db.defect.findUniqueOrThrow({
        where: { id: defectId },
        select: { status: true, lastComment: true },
      }),
      db.auditEvent.count({ where: { entityId: defectId, action: `defect.${action}` } }),
      db.commandReceipt.count({ where: { subjectId: defectId, kind: `defect.${action}` } }),
    ]);

  it("closes the defect once per key with its comment; replays (five at once) change nothing", async () => {
    const supervisor = await user("jianli");
    const defect = await raised("栏杆高度不足 1.05 m", "submitted");
    expect(defect.base).toMatch(/^submitted@\d{4}-/);
    const command = { key: "5d1e2f3a-close-0001", baseVersion: defect.base };
    const input = { action: "close" as const, comment: "复查：栏杆已加高至 1.10 m" };
    const sends = await Promise.all(
      Array.from({ length: 5 }, () =>
        defectTransitionCommand(db, supervisor, "any", defect.id, input, command),
      ),
    );
    expect(sends.filter((r) => r.outcome === "applied")).toHaveLength(1);
    for (const r of sends) expect(r.state).toBe("closed");
    expect(await defectTransitionCommand(db, supervisor, "any", defect.id, input, command)).toEqual(
      { outcome: "duplicate", state: "closed" },
    );
    expect(await state(defect.id, "close")).toEqual([
      { status: "closed", lastComment: "复查：栏杆已加高至 1.10 m" },
      1,
      1,
    ]);
    // The same key for another action is another command: refused.
    await expect(
      defectTransitionCommand(
        db,
        supervisor,
        "any",
        defect.id,
        { action: "return", comment: "x" },
        command,
      ),
    ).rejects.toMatchObject({ code: "lot:errors.commandKeyReused" });
  });

  it("a page post whose answer was lost: the tap queued with its key is answered as done, not 冲突", async () => {
    const supervisor = await user("jianli");
    const defect = await raised("雨水管接口渗漏", "submitted");
    const key = "5d1e2f3a-page-0001";
    const input = { action: "return" as const, comment: "接口仍渗水，重新打胶" };
    // The page's own post (online, the key the browser stamped on it) reaches the server ...
    expect(
      await defectPageTransition(db, supervisor, "any", defect.id, input, {
        key,
        baseVersion: defect.base,
      }),
    ).toBe("in_progress");
    // ... its answer is lost, so the tablet queues the tap with the same key and the base the
    // page showed (now stale): the replay is the same command, already applied.
    expect(
      await defectTransitionCommand(db, supervisor, "any", defect.id, input, {
        key,
        baseVersion: defect.base,
      }),
    ).toEqual({ outcome: "duplicate", state: "in_progress" });
    expect(await state(defect.id, "return")).toEqual([
      { status: "in_progress", lastComment: "接口仍渗水，重新打胶" },
      1,
      1,
    ]);
    // A page post without a key (no JavaScript) goes as before and leaves no receipt.
    const contractor = await user("shigong1");
    await defectPageTransition(
      db,
      contractor,
      "own",
      defect.id,
      { action: "reply", comment: null },
      { key: null, baseVersion: null },
    )
      .then(() => expect.unreachable())
      .catch((e) =>
        expect(e).toMatchObject({ code: "defect:errors.transition.commentRequired.reply" }),
      );
    expect(await db.commandReceipt.count({ where: { subjectId: defect.id } })).toBe(1);
  });

  it("is refused, naming the defect's new state, when someone else acted on it meanwhile", async () => {
    const contractor = await user("shigong1");
    const defect = await raised("线槽接缝不严", "open");
    expect(defect.base).toMatch(/^open@/);
    // Another tablet of the same contractor acknowledges it online first.
    await transitionDefect(db, contractor, "own", defect.id, "acknowledge", null);
    const late = defectTransitionCommand(
      db,
      contractor,
      "own",
      defect.id,
      { action: "acknowledge", comment: null },
      { key: "5d1e2f3a-ack-0002", baseVersion: defect.base },
    );
    await expect(late).rejects.toMatchObject({
      code: "defect:commands.changed",
      status: 409,
      params: { state: "in_progress", action: "acknowledge" },
    });
    const [row, events, receipts] = await state(defect.id, "acknowledge");
    expect([row.status, events, receipts]).toEqual(["in_progress", 1, 0]);
    // Sent with the state as it is now, a reply without its comment is still refused.
    const now = await seeded(defect.id);
    await expect(
      defectTransitionCommand(
        db,
        contractor,
        "own",
        defect.id,
        { action: "reply", comment: null },
        { key: "5d1e2f3a-reply-0003", baseVersion: now.base },
      ),
    ).rejects.toMatchObject({ code: "defect:errors.transition.commentRequired.reply" });
  });

  it("is refused for another contractor's defect, a wrong role, and without a base; nothing is written", async () => {
    const defect = await raised("灯具安装不牢固", "in_progress");
    const key = (n: number) => ({ key: `5d1e2f3a-none-000${n}`, baseVersion: defect.base });
    const other = await user("shigong2");
    await expect(
      defectTransitionCommand(
        db,
        other,
        "own",
        defect.id,
        { action: "reply", comment: "已整改" },
        key(4),
      ),
    ).rejects.toMatchObject({ status: 404 });
    const supervisor = await user("jianli");
    await expect(
      defectTransitionCommand(
        db,
        supervisor,
        "any",
        defect.id,
        { action: "reply", comment: "代为回复" },
        key(5),
      ),
    ).rejects.toBeInstanceOf(DomainError);
    const contractor = await user("shigong1");
    await expect(
      defectTransitionCommand(
        db,
        contractor,
        "own",
        defect.id,
        { action: "reply", comment: "已整改" },
        { key: "5d1e2f3a-none-0006", baseVersion: null },
      ),
    ).rejects.toMatchObject({ code: "defect:commands.changed" });
    expect(await db.commandReceipt.count({ where: { subjectId: defect.id } })).toBe(0);
    expect((await db.defect.findUniqueOrThrow({ where: { id: defect.id } })).status).toBe(
      "in_progress",
    );
  });

  it("is refused for a later round of the same state (returned and replied to again meanwhile)", async () => {
    const supervisor = await user("jianli");
    const contractor = await user("shigong1");
    const defect = await raised("扶手油漆脱落", "submitted");
    // Tablet A saw this reply and queued its close; meanwhile B returned it and the contractor
    // replied again with a new photo: the defect is 待复查 again, but another round.
    await transitionDefect(db, supervisor, "any", defect.id, "return", "补刷两遍");
    const bytes = await cameraJpeg({ width: 320, height: 240, seed: shots++ });
    await attachDefectPhoto(
      db,
      storage,
      contractor,
      "own",
      { defectId: defect.id, role: "after" },
      { bytes, name: `IMG_${shots}.jpg` },
    );
    await transitionDefect(db, contractor, "own", defect.id, "reply", "已补刷");
    const now = await seeded(defect.id);
    expect(now.base.split("@")[0]).toBe("submitted");
    expect(now.base).not.toBe(defect.base);
    await expect(
      defectTransitionCommand(
        db,
        supervisor,
        "any",
        defect.id,
        { action: "close", comment: "复查合格" },
        { key: "5d1e2f3a-aba-0007", baseVersion: defect.base },
      ),
    ).rejects.toMatchObject({ code: "defect:commands.changed", params: { state: "submitted" } });
    expect(await state(defect.id, "close")).toEqual([
      { status: "submitted", lastComment: "已补刷" },
      0,
      0,
    ]);
  });
});
