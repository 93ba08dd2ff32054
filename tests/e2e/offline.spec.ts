import { expect, test } from "@playwright/test";
import { openLot } from "./lot-steps";
import { signIn } from "./support";

test("without JavaScript an item's result, a point and a note are recorded by plain form posts", async ({
  browser,
}) => {
  const setup = await browser.newPage();
  await signIn(setup, "shigong1");
  const lotUrl = await openLot(setup, "8栋", "1单元", "楼梯栏杆、扶手维修加固");
  await setup.close();

  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await signIn(page, "shigong1");
  await page.goto(lotUrl);
  const card = page.locator("[data-code='SR-M5']");
  await card.getByLabel("SR-M5 实测值").fill("0.95");
  await card.getByRole("button", { name: "添加实测点" }).click();
  await expect(page.getByRole("status")).toHaveText("已保存检查记录");
  await expect(card.locator(".point")).toHaveText([/1\. 0\.95 m/]);

  await card.getByLabel("SR-M5 实测值").fill("1,02");
  await card.getByLabel("SR-M5 检查记录").fill("二层扶手已加固");
  await card.getByRole("button", { name: "添加实测点" }).click();
  await expect(card.locator(".point")).toHaveText([/1\. 0\.95 m/, /2\. 1\.02 m/]);
  await expect(card.getByLabel("SR-M5 检查记录")).toHaveValue("二层扶手已加固");

  const other = page.locator(".lot-item:not([data-comparison])").first();
  const code = await other.getAttribute("data-code");
  await other.getByRole("button", { name: "合格", exact: true }).click();
  await expect(page.locator(`[data-code='${code}']`)).toHaveAttribute("data-status", "pass");

  // A value that is not a number: refused with the reason, nothing changes.
  await card.getByLabel("SR-M5 实测值").fill("abc");
  await card.getByRole("button", { name: "添加实测点" }).click();
  await expect(page.getByRole("alert").first()).toContainText("请输入数字");
  await expect(card.locator(".point")).toHaveCount(2);

  // The page's other main form posts too: 资料与自检.
  await page.getByLabel("施工操作依据、质量验收记录齐全").check();
  await page.getByRole("button", { name: "保存资料情况" }).click();
  await expect(page.getByRole("status")).toHaveText("已保存");
  await expect(page.getByLabel("施工操作依据、质量验收记录齐全")).toBeChecked();
  await context.close();
});
