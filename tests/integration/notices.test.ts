import path from "node:path";
import { describe, expect, it } from "vitest";
import { verifyDatabase } from "~/modules/audit/verify.server";
import { createDefect, transitionDefect } from "~/modules/defect/defects.server";
import {
  markRead,
  syncDueNotifications,
  UNREAD_COUNTED,
  unreadCount,
} from "~/modules/defect/inbox.server";
import { getNotice, issueNotice, listNotices, replyNotice } from "~/modules/defect/notices.server";
import { defaultDueOn, parseDueOn } from "~/modules/defect/workflow";
import { attachDefectPhoto } from "~/modules/photo/defect-photos.server";
import { LocalPhotoStorage } from "~/modules/photo/storage.server";
import { noticePdf } from "~/modules/report/notice-pdf.server";
import { defectRegisterPdf } from "~/modules/report/registers.server";
import { cameraJpeg } from "../support/images";
import { TMP_DIR } from "../support/paths";
import { pdfImageCount, pdfText } from "../support/pdf-text";
import { rawExec } from "../support/raw-sql";
import { testDb } from "../support/test-db";

describe("监理通知单, 回复单 and the inbox", () => {
  const db = testDb({ seeded: true });
  const storage = new LocalPhotoStorage(path.join(TMP_DIR, `notices-${process.pid}-${Date.now()}`));

  async function actors() {
    const users = await db.user.findMany({
      select: { id: true, username: true, role: true, organizationId: true },
    });
    const u = (name: string) => {
      const found = users.find((x) => x.username === name)!;
      return { ...found, role: found.role as "supervisor" | "contractor" | "bureau" };
    };
    return { supervisor: u("jianli"), contractorA: u("shigong1"), contractorB: u("shigong2") };
  }

  let n = 0;
  async function defect(code: "NH" | "WZB", dueOn = defaultDueOn("general", new Date())) {
    const { supervisor, contractorA, contractorB } = await actors();
    const compound = await db.compound.findUniqueOrThrow({ where: { code }, select: { id: true } });
    n += 1;
    return createDefect(db, supervisor, {
      from: "compound",
      compoundId: compound.id,
      contractorOrgId: (code === "NH" ? contractorA : contractorB).organizationId,
      placeLabel: `${n}栋`,
      workTypeCode: null,
      title: `墙面空鼓 ${n}`,
      description: "",
      severity: "general",
      dueOn,
    });
  }

  async function rectify(defectId: string) {
    const { contractorA } = await actors();
    await transitionDefect(db, contractorA, "own", defectId, "acknowledge", null);
    await attachDefectPhoto(
      db,
      storage,
      contractorA,
      "own",
      { defectId, role: "after" },
      { bytes: await cameraJpeg({ width: 320, height: 240, seed: n++ }), name: "after.jpg" },
    );
    await transitionDefect(db, contractorA, "own", defectId, "reply", "已修补");
  }

  it("counts unread lines for the badge up to 100 (shown as 99+), read ones not at all", async () => {
    const { contractorB } = await actors();
    const line = (i: number, readAt: Date | null) => ({
      userId: contractorB.id,
      kind: "defect.assigned",
      text: `第 ${i} 条`,
      link: "/inbox",
      dedupeKey: `badge-${i}`,
      readAt,
    });
    await db.notification.updateMany({
      where: { userId: contractorB.id },
      data: { readAt: new Date() },
    });
    await db.notification.createMany({ data: [1, 2, 3].map((i) => line(i, new Date())) });
    expect(await unreadCount(db, contractorB.id)).toBe(0);
    await db.notification.createMany({
      data: Array.from({ length: 99 }, (_, i) => line(10 + i, null)),
    });
    expect(await unreadCount(db, contractorB.id)).toBe(99);
    await db.notification.createMany({
      data: Array.from({ length: 30 }, (_, i) => line(200 + i, null)),
    });
    expect(await unreadCount(db, contractorB.id)).toBe(UNREAD_COUNTED);
    await markRead(db, contractorB.id, "all");
  });

  it("issues a numbered notice to one contractor; the other contractor never sees it", async () => {
    const { supervisor, contractorA, contractorB } = await actors();
    const [d1, d2] = [await defect("NH"), await defect("NH")];
    const nh = await db.compound.findUniqueOrThrow({ where: { code: "NH" }, select: { id: true } });
    const before = await unreadCount(db, contractorA.id);
    const notice = await issueNotice(db, supervisor, {
      compoundId: nh.id,
      contractorOrgId: contractorA.organizationId,
      defectIds: [d1.id, d2.id],
      subject: "墙面整改",
      content: "请整改",
    });
    expect(notice.number).toMatch(/^NH-TZ-\d{3}$/);
    expect(await unreadCount(db, contractorA.id)).toBe(before + 1);
    expect(await getNotice(db, notice.id, contractorA, "own")).not.toBeNull();
    expect(await getNotice(db, notice.id, contractorB, "own")).toBeNull();
    expect((await listNotices(db, contractorB, "own")).map((x) => x.id)).not.toContain(notice.id);
    expect(
      await db.auditEvent.count({ where: { entityId: notice.id, action: "notice.issue" } }),
    ).toBe(1);
  });

  it("refuses another contractor's, closed or already-noticed defects, changing nothing", async () => {
    const { supervisor, contractorA } = await actors();
    const nh = await db.compound.findUniqueOrThrow({ where: { code: "NH" }, select: { id: true } });
    const mine = await defect("NH");
    const theirs = await defect("WZB");
    const target = { compoundId: nh.id, contractorOrgId: contractorA.organizationId };
    const issue = (defectIds: string[]) =>
      issueNotice(db, supervisor, { ...target, defectIds, subject: "整改", content: "" });
    await issue([mine.id]);
    const counts = async () => [await db.supervisionNotice.count(), await db.auditEvent.count()];
    const was = await counts();
    await expect(issue([theirs.id])).rejects.toThrow("不属于本小区的该施工单位");
    await expect(issue([mine.id])).rejects.toThrow("已在一份待回复的监理通知单中");
    await expect(issue([])).rejects.toThrow("请至少选择一项质量问题");
    expect(await counts()).toEqual(was);
  });

  it("takes the 回复单 only when every defect is replied to, once, and tells the supervisor", async () => {
    const { supervisor, contractorA } = await actors();
    const nh = await db.compound.findUniqueOrThrow({ where: { code: "NH" }, select: { id: true } });
    const [d1, d2] = [await defect("NH"), await defect("NH")];
    const notice = await issueNotice(db, supervisor, {
      compoundId: nh.id,
      contractorOrgId: contractorA.organizationId,
      defectIds: [d1.id, d2.id],
      subject: "整改",
      content: "",
    });
    await rectify(d1.id);
    await expect(replyNotice(db, contractorA, "own", notice.id, "已整改")).rejects.toThrow(
      "还有 1 项质量问题未提交整改回复",
    );
    await rectify(d2.id);
    await expect(replyNotice(db, supervisor, "any", notice.id, "已整改")).rejects.toThrow(
      "只有被通知的施工单位可以回复",
    );
    const supervisorUnread = await unreadCount(db, supervisor.id);
    await replyNotice(db, contractorA, "own", notice.id, "已全部整改");
    const row = await db.supervisionNotice.findUniqueOrThrow({ where: { id: notice.id } });
    expect(row).toMatchObject({
      status: "replied",
      replyText: "已全部整改",
      repliedById: contractorA.id,
    });
    // the notice reply reached the one who issued it
    expect(await unreadCount(db, supervisor.id)).toBe(supervisorUnread + 1);
    await expect(replyNotice(db, contractorA, "own", notice.id, "再回复")).rejects.toThrow(
      "该通知单已回复",
    );

    // The filed PDF: notice and reply, each defect with its before and after photo.
    const filed = await noticePdf(db, contractorA, "own", notice.id, storage);
    const text = pdfText(filed!.pdf);
    for (const words of ["监理通知单", "监理通知回复单", notice.number, "已全部整改", "已修补"])
      expect(text).toContain(words);
    expect(pdfImageCount(filed!.pdf)).toBe(2);
    expect(
      await noticePdf(db, await actors().then((a) => a.contractorB), "own", notice.id),
    ).toBeNull();
    const register = await defectRegisterPdf(db, supervisor, "any", { compoundId: nh.id }, storage);
    expect(pdfText(register)).toContain(d1.number);
    expect(pdfImageCount(register)).toBeGreaterThanOrEqual(2);
  });

  it("puts due-soon and overdue defects in the contractor's inbox once each; read marks only own lines", async () => {
    const { contractorA, contractorB } = await actors();
    const now = new Date("2026-11-23T04:00:00Z"); // 12:00 China time
    const overdue = await defect("NH", parseDueOn("2026-11-22")!);
    const soon = await defect("NH", parseDueOn("2026-11-24")!);
    const later = await defect("NH", parseDueOn("2026-11-30")!);
    // Bounded batches: run until nothing is left, then once more (adds nothing twice).
    while ((await syncDueNotifications(db, now, 1)) > 0);
    expect(await syncDueNotifications(db, now)).toBe(0);
    const lines = await db.notification.findMany({
      where: { userId: contractorA.id, kind: { in: ["defect.overdue", "defect.due_soon"] } },
      select: { id: true, kind: true, link: true },
    });
    const byLink = (id: string) =>
      lines.filter((l) => l.link === `/defects/${id}`).map((l) => l.kind);
    expect(byLink(overdue.id)).toEqual(["defect.overdue"]);
    expect(byLink(soon.id)).toEqual(["defect.due_soon"]);
    expect(byLink(later.id)).toEqual([]);

    const unread = await unreadCount(db, contractorA.id);
    await markRead(db, contractorB.id, lines[0]!.id);
    expect(await unreadCount(db, contractorA.id)).toBe(unread);
    await markRead(db, contractorA.id, lines[0]!.id);
    expect(await unreadCount(db, contractorA.id)).toBe(unread - 1);
    await markRead(db, contractorA.id, "all");
    expect(await unreadCount(db, contractorA.id)).toBe(0);
  });

  it("audit verification catches a notice's status changed directly in the database", async () => {
    const { supervisor, contractorA } = await actors();
    const nh = await db.compound.findUniqueOrThrow({ where: { code: "NH" }, select: { id: true } });
    const d = await defect("NH");
    const notice = await issueNotice(db, supervisor, {
      compoundId: nh.id,
      contractorOrgId: contractorA.organizationId,
      defectIds: [d.id],
      subject: "整改",
      content: "",
    });
    const mine = (r: { entityId: string }) => r.entityId === notice.id;
    expect((await verifyDatabase(db, storage)).recordBreaks.filter(mine)).toEqual([]);
    await rawExec(
      db,
      `UPDATE "SupervisionNotice" SET "status" = 'replied' WHERE "id" = ?`,
      notice.id,
    );
    expect((await verifyDatabase(db, storage)).recordBreaks.filter(mine)).toEqual([
      expect.objectContaining({
        entityType: "SupervisionNotice",
        code: "audit:verify.statusChanged",
      }),
    ]);
  });
});
