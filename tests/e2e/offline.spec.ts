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

test("installable: manifest and icons, a service worker precaching the app shell, opened pages readable offline", async ({
  browser,
}) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, "jianli");
  const manifestHref = await page.locator("link[rel='manifest']").getAttribute("href");
  const manifest = await (await page.request.get(manifestHref ?? "")).json();
  expect(manifest).toMatchObject({ short_name: "验收", display: "standalone", start_url: "/" });
  for (const icon of manifest.icons as { src: string; sizes: string }[]) {
    const response = await page.request.get(icon.src);
    expect(response.headers()["content-type"]).toBe("image/png");
  }
  const shell = await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    const keys = await caches.keys();
    const precache = await caches.open(keys.find((k) => k.includes("precache")) ?? "none");
    const urls = (await precache.keys()).map((r) => new URL(r.url).pathname);
    return { scope: registration.scope, urls };
  });
  expect(new URL(shell.scope).pathname).toBe("/");
  expect(
    shell.urls.filter((u) => u.startsWith("/assets/") && u.endsWith(".js")).length,
  ).toBeGreaterThan(10);
  expect(shell.urls).toContain("/offline.html");
  expect(shell.urls).not.toContain("/"); // no signed-in page in the precache

  await page.goto("/lots");
  await expect(page.getByRole("heading", { name: "检验批" }).first()).toBeVisible();
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole("heading", { name: "检验批" }).first()).toBeVisible();
  await page.goto("/notices");
  await expect(page.getByRole("heading", { name: "离线：此页面尚未在本机缓存" })).toBeVisible();
  await context.setOffline(false);
  await context.close();
});
