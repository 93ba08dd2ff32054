/** Screenshots of pages at tablet sizes, for looking at what we built: tsx scripts/screenshots.ts user path… */
import fs from "node:fs";
import { chromium } from "@playwright/test";
import { DEMO_PASSWORD } from "../prisma/seed/demo-data";

const base = process.env.BASE_URL ?? "http://localhost:3000";
const [username = "jianli", ...paths] = process.argv.slice(2);
const out = ".tmp/shots";
fs.mkdirSync(out, { recursive: true });

const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
});
for (const [w, h] of [
  [1024, 768],
  [768, 1024],
] as const) {
  const page = await browser.newPage({ viewport: { width: w, height: h }, locale: "zh-CN" });
  await page.goto(`${base}/login`);
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "登录" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
  for (const p of paths.length ? paths : ["/"]) {
    await page.goto(`${base}${p}`);
    await page.waitForTimeout(Number(process.env.WAIT_MS ?? 0));
    const name = `${out}/${username}${p.replace(/[^a-z0-9]+/gi, "_")}-${w}x${h}.png`;
    await page.screenshot({ path: name, fullPage: process.env.FULL === "1" });
    console.log(name);
  }
  await page.close();
}
await browser.close();
