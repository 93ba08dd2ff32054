import fs from "node:fs";
import ExcelJS from "exceljs";
import { expect, test, worldDefects } from "./fixtures";

// Issue 18 item 3 (decision 0038): a register export above the threshold (EXPORT_JOB_ROWS=5 on
// the e2e server) is built by the job worker: its page says 生成中, refreshes itself, then offers
// 下载, and the file opens with the rows the register shows.

test.use({ worldRoles: ["supervisor", "contractor"] });

const SHOTS = ".tmp/screens/exports";

test("a large export runs in the background: 生成中, then 下载, and the file opens", async ({
  page,
  world,
  baseURL,
}) => {
  worldDefects(world, 12);
  await page
    .context()
    .addCookies([
      { name: "yanshou_session", value: world.sessions.contractor?.cookie ?? "", url: baseURL },
    ]);
  await page.goto("/defects");
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/defects-export-buttons-1024x768.png` });
  // The page as the server rendered it right after the redirect: still being built.
  const exportPage = page.waitForResponse(
    (r) =>
      /\/exports\/[a-z0-9]+$/.test(r.url()) &&
      r.request().method() === "GET" &&
      r.request().resourceType() === "document",
  );
  await page.getByRole("button", { name: "导出 Excel" }).click();
  const first = await exportPage;
  expect(await first.text()).toContain("生成中");
  await expect(page).toHaveURL(/\/exports\/[a-z0-9]+$/);
  await expect(page.getByRole("heading", { name: "质量问题台账（Excel）" })).toBeVisible();

  // The page refreshes itself until the worker is done.
  const download = page.getByRole("link", { name: "下载" });
  await expect(download).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId("export-status")).toHaveText("已完成");
  await page.screenshot({ path: `${SHOTS}/export-ready-1024x768.png` });
  const [file] = await Promise.all([page.waitForEvent("download"), download.click()]);
  expect(file.suggestedFilename()).toBe("质量问题台账.xlsx");
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(await file.path());
  const sheet = wb.getWorksheet("质量问题台账");
  expect(sheet?.rowCount).toBe(3 + 12);
  const titles = Array.from({ length: 12 }, (_, i) =>
    String(sheet?.getRow(4 + i).getCell(2).value),
  );
  expect(titles.every((t) => t.startsWith("导出测试问题"))).toBe(true);

  // The list: newest first, 已完成 with its size and 下载; touch targets of 44 px at least.
  await page.goto("/exports");
  const row = page.locator(".exports-table tbody tr").first();
  await expect(row.getByTestId("export-status")).toHaveText("已完成");
  await expect(row.getByRole("link", { name: "下载" })).toBeVisible();
  await expect(row).toContainText("12 条");
  for (const viewport of [
    { width: 1024, height: 768 },
    { width: 768, height: 1024 },
  ]) {
    await page.setViewportSize(viewport);
    for (const target of await page.locator("main a.button, main button").all()) {
      const box = await target.boundingBox();
      expect(box?.height ?? 0).toBeGreaterThanOrEqual(44);
    }
    await page.screenshot({
      path: `${SHOTS}/exports-${viewport.width}x${viewport.height}.png`,
      fullPage: true,
    });
  }
});
