import type { Browser } from "@playwright/test";
import Database from "better-sqlite3";
import { cameraJpeg } from "../support/images";
import { expect, type OwnWorld, pageAs, test } from "./fixtures";
import { controlled, DB_PATH, tablet } from "./offline-steps";
import { choosePhotos, hydrated } from "./support";

// A defect's own steps without signal (issue 17: "every … transition is a command"; "a command
// that conflicts (… the defect closed) is refused with its reason"): the spec's own compound,
// its contractor and a supervisor, signed in by session.
test.use({ worldRoles: ["contractor", "supervisor"], worldSetup: { password: true } });
test.describe.configure({ timeout: 180_000 });

/** The supervisor raises a defect on the compound (待整改); its page's address. */
async function raise(browser: Browser, world: OwnWorld, title: string) {
  const page = await pageAs(browser, world, "supervisor");
  await page.goto(`/defects/new?compoundId=${world.compound.id}`);
  await page.getByLabel("部位").fill("3栋2单元");
  await page.getByLabel("问题标题").fill(title);
  await page.getByRole("button", { name: "登记", exact: true }).click();
  await expect(page.getByTestId("defect-status")).toHaveText("待整改");
  const url = page.url();
  await page.close();
  return { url, defectId: url.split("/").pop() ?? "" };
}

/** The contractor replies online with an 整改后 photo: the defect waits for 复查. */
async function reply(browser: Browser, world: OwnWorld, url: string) {
  const page = await pageAs(browser, world, "contractor");
  await page.goto(url);
  await hydrated(page);
  const after = page.getByTestId("photos-after");
  await choosePhotos(after, {
    name: "整改后.jpg",
    mimeType: "image/jpeg",
    buffer: await cameraJpeg({ width: 640, height: 480, seed: 7 }),
  });
  await expect(after.locator(".photo-grid img")).toHaveCount(1);
  await page.getByLabel("整改情况说明").fill("扶手已重新焊接");
  await page.getByRole("button", { name: "提交整改回复" }).click();
  await expect(page.getByTestId("defect-status")).toHaveText("待复查");
  await page.close();
}

/** The defect as stored, and the commands applied to it (read-only). */
function stored(defectId: string) {
  const db = new Database(DB_PATH, { readonly: true, fileMustExist: true });
  try {
    const { status } = db.prepare(`SELECT status FROM Defect WHERE id = ?`).get(defectId) as {
      status: string;
    };
    const receipts = db
      .prepare(`SELECT kind FROM CommandReceipt WHERE subjectId = ? ORDER BY appliedAt`)
      .all(defectId) as { kind: string }[];
    const { n } = db
      .prepare(`SELECT COUNT(*) AS n FROM Photo WHERE defectId = ? AND role = 'after'`)
      .get(defectId) as { n: number };
    return { status, receipts: receipts.map((r) => r.kind), afterPhotos: n };
  } finally {
    db.close();
  }
}

/** How many 退回 the audit chain holds for the defect. */
function returns(defectId: string) {
  const db = new Database(DB_PATH, { readonly: true, fileMustExist: true });
  try {
    const row = db
      .prepare(
        `SELECT COUNT(*) AS n FROM AuditEvent WHERE entityId = ? AND action = 'defect.return'`,
      )
      .get(defectId) as { n: number };
    return row.n;
  } finally {
    db.close();
  }
}

test("offline, the contractor's 确认整改, 整改后 photo and reply, then the supervisor's 复查通过关闭, wait on the tablet and are sent once, in order, when the network returns", async ({
  browser,
  world,
}) => {
  const { url, defectId } = await raise(browser, world, "扶手焊缝开裂");
  const contractor = await tablet(browser, world, "contractor");
  const c = contractor.page;
  await controlled(c);
  await c.goto(url);
  await hydrated(c);
  await contractor.context.setOffline(true);
  const indicator = c.getByTestId("sync-indicator").locator("summary");
  await c.getByRole("button", { name: "确认整改" }).click();
  await expect(c.getByRole("status").filter({ hasText: "“确认整改”已存入本机" })).toBeVisible();
  await expect(indicator).toHaveText("离线 · 1 项待上传");
  await expect(c.getByTestId("queued-transition")).toHaveText(
    "待上传：确认整改，恢复网络后自动发送",
  );
  await expect(c.getByRole("button", { name: "确认整改" })).toBeDisabled();
  expect(stored(defectId).status).toBe("open");
  await contractor.context.setOffline(false);
  await expect(indicator).toHaveText("已同步", { timeout: 30_000 });
  await expect(c.getByTestId("defect-status")).toHaveText("整改中");
  // Sent: the line saying it was kept on the tablet goes with it.
  await expect(c.getByRole("status").filter({ hasText: "已存入本机" })).toHaveCount(0);

  // Offline again: the 整改后 photo waits in its column, and the reply after it counts it.
  await contractor.context.setOffline(true);
  const after = c.getByTestId("photos-after");
  await c.getByLabel("整改情况说明").fill("扶手已重新焊接");
  await c.getByRole("button", { name: "提交整改回复" }).click();
  await expect(c.getByRole("alert").filter({ hasText: "请先在“整改后”一栏上传" })).toBeVisible();
  await choosePhotos(after, {
    name: "整改后.jpg",
    mimeType: "image/jpeg",
    buffer: await cameraJpeg({ width: 640, height: 480, seed: 7 }),
  });
  await expect(after.getByTestId("queued-photo")).toContainText("整改后.jpg");
  await expect(c.getByTestId("reply-photos")).toHaveText("本次回复将附 1 张整改后照片");
  await c.getByRole("button", { name: "提交整改回复" }).click();
  await expect(indicator).toHaveText(/^离线 · 2 项待上传/);
  await expect(c.getByTestId("queued-transition")).toHaveText(
    "待上传：提交整改回复（扶手已重新焊接），恢复网络后自动发送",
  );
  // A photo taken after the queued reply would be refused once the reply is sent: none is taken.
  await expect(after.getByTestId("photos-held")).toBeVisible();
  await expect(after.locator("label.photo-pick")).toHaveCount(0);
  await c.screenshot({ path: ".tmp/screens/offline-defect-reply-queued-1024x768.png" });
  expect(stored(defectId)).toMatchObject({ status: "in_progress", afterPhotos: 0 });
  await contractor.context.setOffline(false);
  await expect(indicator).toHaveText("已同步", { timeout: 30_000 });
  await expect(c.getByTestId("defect-status")).toHaveText("待复查");
  await expect(after.locator(".photo-grid img")).toHaveCount(1);
  await expect(after.getByTestId("queued-photo")).toHaveCount(0);
  expect(stored(defectId)).toMatchObject({ status: "submitted", afterPhotos: 1 });
  await contractor.context.close();

  const supervisor = await tablet(browser, world, "supervisor");
  const s = supervisor.page;
  await controlled(s);
  await s.goto(url);
  await hydrated(s);
  await supervisor.context.setOffline(true);
  // 退回 without its reason is refused on the tablet, as the server would.
  await s.getByRole("button", { name: "退回" }).click();
  await expect(s.getByRole("alert").filter({ hasText: "退回必须填写原因" })).toBeVisible();
  await s.getByLabel("说明或退回原因").fill("复查：焊缝已打磨，合格");
  await s.getByRole("button", { name: "复查通过关闭" }).click();
  const sIndicator = s.getByTestId("sync-indicator").locator("summary");
  await expect(sIndicator).toHaveText("离线 · 1 项待上传");
  await sIndicator.click();
  await expect(s.locator(".sync-panel")).toContainText(/质量问题 \S+-QX-\d+ 扶手焊缝开裂/);
  await expect(s.locator(".sync-panel")).toContainText("复查通过关闭：复查：焊缝已打磨，合格");
  await s.screenshot({ path: ".tmp/screens/offline-defect-close-queued-1024x768.png" });
  await sIndicator.click();
  expect(stored(defectId).status).toBe("submitted");
  await supervisor.context.setOffline(false);
  await expect(sIndicator).toHaveText("已同步", { timeout: 30_000 });
  await expect(s.getByTestId("defect-status")).toHaveText("已关闭");
  expect(stored(defectId)).toEqual({
    status: "closed",
    receipts: ["defect.acknowledge", "defect.reply", "defect.close"],
    afterPhotos: 1,
  });
  await supervisor.context.close();
});

test("conflict: a 退回 queued offline on a defect another supervisor closes meanwhile is refused with the reason and kept under 冲突", async ({
  browser,
  world,
}) => {
  const { url, defectId } = await raise(browser, world, "栏杆立柱松动");
  const ack = await pageAs(browser, world, "contractor");
  await ack.goto(url);
  await ack.getByRole("button", { name: "确认整改" }).click();
  await expect(ack.getByTestId("defect-status")).toHaveText("整改中");
  await ack.close();
  await reply(browser, world, url);

  const { context: tabletA, page: a } = await tablet(browser, world, "supervisor");
  await controlled(a);
  await a.goto(url);
  await hydrated(a);
  await tabletA.setOffline(true);
  await a.getByLabel("说明或退回原因").fill("立柱底座仍有晃动");
  await a.getByRole("button", { name: "退回" }).click();
  const indicator = a.getByTestId("sync-indicator").locator("summary");
  await expect(indicator).toHaveText("离线 · 1 项待上传");

  const b = await pageAs(browser, world, "supervisor");
  await b.goto(url);
  await b.getByRole("button", { name: "复查通过关闭" }).click();
  await expect(b.getByTestId("defect-status")).toHaveText("已关闭");
  await b.close();

  await tabletA.setOffline(false);
  await expect(indicator).toHaveText("冲突 1", { timeout: 30_000 });
  await indicator.click();
  const conflict = a.locator("li.sync-conflict");
  await expect(conflict).toContainText("退回：立柱底座仍有晃动");
  await expect(conflict).toContainText("该质量问题已是“已关闭”");
  await expect(conflict).toContainText("“退回”未执行");
  // (The online steps leave receipts when their page had its code: their keys.)
  const after = stored(defectId);
  expect(after).toMatchObject({ status: "closed", afterPhotos: 1 });
  expect(after.receipts).not.toContain("defect.return");
  await tabletA.close();
});

test("a 退回 whose answer is lost on a dropping connection is queued with its own key and, once sent, counts as done: applied once, no 冲突", async ({
  browser,
  world,
}) => {
  const { url, defectId } = await raise(browser, world, "踏步面层空鼓");
  const ack = await pageAs(browser, world, "contractor");
  await ack.goto(url);
  await ack.getByRole("button", { name: "确认整改" }).click();
  await expect(ack.getByTestId("defect-status")).toHaveText("整改中");
  await ack.close();
  await reply(browser, world, url);

  const { context, page } = await tablet(browser, world, "supervisor");
  await controlled(page);
  await page.goto(url);
  await hydrated(page);
  // The post reaches the server and is applied; the connection drops before its answer.
  let lost = 0;
  await context.route(
    (u) => u.pathname === `${new URL(url).pathname}.data`,
    async (route) => {
      if (route.request().method() !== "POST" || lost > 0) return route.fallback();
      lost++;
      await route.fetch();
      await route.abort("connectionreset");
    },
  );
  await page.getByLabel("说明或退回原因").fill("空鼓面积超过 10%，返工");
  await page.getByRole("button", { name: "退回" }).click();
  const indicator = page.getByTestId("sync-indicator").locator("summary");
  // The tablet kept the tap; sent again with the post's key, the server knows it as done.
  await expect(indicator).toHaveText("已同步", { timeout: 30_000 });
  await expect(page.getByTestId("defect-status")).toHaveText("整改中");
  await expect(page.getByText("冲突")).toHaveCount(0);
  expect(lost).toBe(1);
  // One 退回: the online post's receipt, which answered the queued tap as a replay.
  const after = stored(defectId);
  expect(after).toMatchObject({ status: "in_progress", afterPhotos: 1 });
  expect(after.receipts.filter((k) => k === "defect.return")).toHaveLength(1);
  expect(returns(defectId)).toBe(1);
  await context.close();
});
