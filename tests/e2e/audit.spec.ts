import { expect, nameOf, pageAs, readsInBothLanguages, test } from "./fixtures";

// The spec's own users and compound (fixtures.ts), signed in by session.
test.use({ worldRoles: ["bureau", "supervisor", "contractor"] });

test("the bureau verifies the chain, searches the log and exports it; others may not", async ({
  browser,
  world,
}) => {
  // Make sure there is at least one event: a supervisor opens a lot in the spec's compound.
  const supervisor = await pageAs(browser, world, "supervisor");
  await supervisor.goto(`/stairwells/${world.compound.buildings[0]?.stairwells[0]?.id}`);
  await supervisor
    .locator(".place-work-type", { hasText: "楼道声控灯" })
    .getByRole("link", { name: "新建检验批" })
    .click();
  await supervisor.getByRole("button", { name: "新建并开始检查" }).click();
  await expect(supervisor.locator(".lot-status")).toHaveText("草稿");
  const number = (await supervisor.locator(".page-subtitle").textContent())?.match(
    new RegExp(`${world.compound.code}-[A-Z0-9]+-\\d{3}`),
  )?.[0];
  expect(number).toBeTruthy();

  const page = await pageAs(browser, world, "bureau");
  await page.goto("/");
  await page.getByRole("link", { name: "操作记录" }).click();
  await expect(page.getByRole("heading", { name: "操作记录" })).toBeVisible();
  await page.getByRole("button", { name: "校验操作记录链和签认记录" }).click();
  await expect(page.getByRole("status")).toContainText("链条完整");
  await expect(page.getByRole("status")).toContainText("签认记录内容未被修改");

  await page.getByLabel("对象编号").fill(number!);
  await page.getByRole("button", { name: "查询" }).click();
  await expect(page.locator(".audit-table tbody tr")).toHaveCount(1);
  await expect(page.locator(".audit-table tbody tr")).toContainText("新建检验批");
  await expect(page.locator(".audit-table tbody tr")).toContainText(nameOf(world, "supervisor"));

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: /导出操作记录链/ }).click();
  const file = await (await download).path();
  const { readFileSync } = await import("node:fs");
  const lines = readFileSync(file!, "utf8").trim().split("\n");
  expect(lines.length).toBeGreaterThan(0);
  expect(JSON.parse(lines[0]!)).toMatchObject({ seq: 1, prevHash: "0".repeat(64) });

  const contractor = await pageAs(browser, world, "contractor");
  await contractor.goto("/");
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
