import type { Browser } from "@playwright/test";
import { expect, type OwnWorld, test } from "./fixtures";
import { addPoint, fillChecklist, signLotStep, waitSaved } from "./lot-steps";
import { arrived, controlled, newLot, stored, tablet } from "./offline-steps";
import { hydrated } from "./support";

// The spec's own compound, its contractor and a supervisor (fixtures.ts), signed in by session.
test.use({ worldRoles: ["contractor", "supervisor"], worldSetup: { password: true } });

/** A railings lot the contractor filled and submitted (施工自检已提交): the supervisor's to judge. */
async function submittedLot(browser: Browser, world: OwnWorld, unit: string) {
  const { setup: contractor, url } = await newLot(browser, world, "1栋", unit);
  await fillChecklist(contractor, { code: "none", value: 0 });
  await waitSaved(contractor);
  await contractor.getByLabel("施工操作依据、质量验收记录齐全").check();
  await contractor.getByRole("button", { name: "保存资料情况" }).click();
  await expect(contractor.getByRole("status")).toHaveText("已保存");
  await signLotStep(contractor, "提交施工自检");
  await expect(contractor.locator(".lot-status")).toHaveText("施工自检已提交");
  await contractor.close();
  return { url, lotId: url.split("/").pop() ?? "" };
}

const REASON = "扶手焊缝未打磨，请整改后重新提交";

test("offline, the supervisor returns a lot with its reason: kept on the tablet after the records, sent once when the network returns (issue 17)", async ({
  browser,
  world,
}) => {
  test.setTimeout(180_000);
  const { url, lotId } = await submittedLot(browser, world, "1单元");
  const { context, page } = await tablet(browser, world, "supervisor");
  await controlled(page);
  await page.goto(url);
  await hydrated(page);
  await context.setOffline(true);
  const indicator = page.getByTestId("sync-indicator").locator("summary");
  await addPoint(page.locator("[data-code='SR-M5']"), 1.2);
  await expect(indicator).toHaveText("离线 · 1 项待上传");

  // A form that needs the server says so and keeps the page (it was "500 出错了").
  await page.locator(".place-form").getByRole("button", { name: "保存容量与属性" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "离线：未保存" })).toBeVisible();
  await expect(page.locator(".lot-status")).toHaveText("施工自检已提交");

  // 退回 without a reason is refused on the tablet; with one it waits in the outbox.
  const flow = page.locator(".workflow");
  await flow.getByRole("button", { name: "退回" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "退回必须填写原因" })).toBeVisible();
  await expect(indicator).toHaveText("离线 · 1 项待上传");
  await flow.getByLabel("原因").fill(REASON);
  await flow.getByRole("button", { name: "退回" }).click();
  await expect(page.getByRole("status").filter({ hasText: "退回已存入本机" })).toBeVisible();
  await expect(indicator).toHaveText("离线 · 2 项待上传");
  await expect(page.getByTestId("queued-transition")).toHaveText(
    `待上传：退回（${REASON}），恢复网络后自动发送`,
  );
  // Queued once: the return cannot be sent twice from the tablet.
  await expect(flow.getByRole("button", { name: "退回" })).toBeDisabled();
  await indicator.click();
  await expect(page.locator(".sync-panel")).toContainText(`退回：${REASON}`);
  await page.screenshot({ path: ".tmp/screens/offline-return-queued-1024x768.png" });
  await indicator.click();
  expect(stored(lotId).status).toBe("submitted");

  await context.setOffline(false);
  await expect(indicator).toHaveText("已同步", { timeout: 30_000 });
  await expect(page.locator(".lot-status")).toHaveText("监理退回");
  await expect(page.getByTestId("queued-transition")).toHaveCount(0);
  // Sent: the line saying it was kept on the tablet goes with it.
  await expect(page.getByRole("status").filter({ hasText: "已存入本机" })).toHaveCount(0);
  await expect(page.getByText(`监理退回原因：${REASON}`)).toBeVisible();
  expect(stored(lotId).status).toBe("rejected");
  // In the order recorded: the point first, then the return; the return once.
  const { kinds } = arrived(lotId);
  expect(kinds.slice(-2)).toEqual(["entry", "transition"]);
  expect(kinds.filter((k) => k === "transition")).toHaveLength(1);
  await context.close();
});

test("conflict: a return queued offline on a lot another supervisor accepts meanwhile is refused with the reason and kept under 冲突", async ({
  browser,
  world,
}) => {
  test.setTimeout(180_000);
  const { url, lotId } = await submittedLot(browser, world, "2单元");
  const { context: tabletA, page: a } = await tablet(browser, world, "supervisor");
  await controlled(a);
  await a.goto(url);
  await hydrated(a);
  await tabletA.setOffline(true);
  const flow = a.locator(".workflow");
  await flow.getByLabel("原因").fill(REASON);
  await flow.getByRole("button", { name: "退回" }).click();
  const indicator = a.getByTestId("sync-indicator").locator("summary");
  await expect(indicator).toHaveText("离线 · 1 项待上传");

  const { context: tabletB, page: b } = await tablet(browser, world, "supervisor");
  await b.goto(url);
  await signLotStep(b, "验收签认");
  await expect(b.locator(".lot-status")).toHaveText("监理验收合格");
  await tabletB.close();

  await tabletA.setOffline(false);
  await expect(indicator).toHaveText("冲突 1", { timeout: 30_000 });
  await indicator.click();
  const conflict = a.locator("li.sync-conflict");
  await expect(conflict).toContainText(`退回：${REASON}`);
  await expect(conflict).toContainText("检验批已是“监理验收合格”");
  await expect(conflict).toContainText("退回未执行");
  expect(stored(lotId).status).toBe("accepted");
  expect(arrived(lotId).kinds).not.toContain("transition");
  await tabletA.close();
});
