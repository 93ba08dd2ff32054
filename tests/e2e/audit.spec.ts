import { expect, readsInBothLanguages, test } from "./fixtures";
import { signIn } from "./support";

// The language check is the spec's own bureau user (fixtures.ts), signed in by session.
test.use({ worldRoles: ["bureau"] });

test("the bureau verifies the chain, searches the log and exports it; others may not", async ({
  page,
  browser,
}) => {
  // Make sure there is at least one event: a supervisor opens a lot.
  const supervisor = await browser.newPage();
  await signIn(supervisor, "jianli");
  await supervisor
    .locator(".card-grid")
    .getByRole("link", { name: /县武装部老旧小区/ })
    .click();
  await supervisor.getByRole("link", { name: /环形道路 A 段/ }).click();
  await supervisor.locator(".place-work-type").getByRole("link", { name: "新建检验批" }).click();
  await supervisor.getByRole("button", { name: "新建并开始检查" }).click();
  await expect(supervisor.locator(".lot-status")).toHaveText("草稿");
  const number = (await supervisor.locator(".page-subtitle").textContent())?.match(
    /WZB-RD-\d{3}/,
  )?.[0];
  expect(number).toBeTruthy();

  await signIn(page, "zhujianju");
  await page.getByRole("link", { name: "操作记录" }).click();
  await expect(page.getByRole("heading", { name: "操作记录" })).toBeVisible();
  await page.getByRole("button", { name: "校验操作记录链和签认记录" }).click();
  await expect(page.getByRole("status")).toContainText("链条完整");
  await expect(page.getByRole("status")).toContainText("签认记录内容未被修改");

  await page.getByLabel("对象编号").fill(number!);
  await page.getByRole("button", { name: "查询" }).click();
  await expect(page.locator(".audit-table tbody tr")).toHaveCount(1);
  await expect(page.locator(".audit-table tbody tr")).toContainText("新建检验批");
  await expect(page.locator(".audit-table tbody tr")).toContainText("田志刚");

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: /导出操作记录链/ }).click();
  const file = await (await download).path();
  const { readFileSync } = await import("node:fs");
  const lines = readFileSync(file!, "utf8").trim().split("\n");
  expect(lines.length).toBeGreaterThan(0);
  expect(JSON.parse(lines[0]!)).toMatchObject({ seq: 1, prevHash: "0".repeat(64) });

  const contractor = await browser.newPage();
  await signIn(contractor, "shigong1");
  await expect(contractor.getByRole("link", { name: "操作记录" })).toHaveCount(0);
  const response = await contractor.goto("/audit");
  expect(response?.status()).toBe(403);
  await expect(contractor.getByText("查看及校验操作记录")).toBeVisible();
  expect((await contractor.goto("/audit/export"))?.status()).toBe(403);
});

test("the audit log reads in English and in Chinese", async ({ browser, world }) => {
  await readsInBothLanguages(browser, world, "bureau", ["/audit?verify=1"], async (page, lng) => {
    const en = lng === "en";
    await expect(
      page.getByRole("heading", { name: en ? "Activity log" : "操作记录" }),
    ).toBeVisible();
    await expect(page.getByRole("status")).toContainText(en ? "the chain is intact" : "链条完整");
    await expect(page.locator(".audit-table tbody tr").first()).toBeVisible();
    if (!en) return;
    await page.screenshot({ path: ".tmp/screens/audit-en-1024x768.png" });
    await page.setViewportSize({ width: 768, height: 1024 });
    await page.screenshot({ path: ".tmp/screens/audit-en-768x1024.png" });
  });
});
