import { expect, type Page, test } from "@playwright/test";
import type { Lng } from "./language";
import { expectPageLanguage, setLanguage } from "./language";
import { signIn } from "./support";

/** The first link on `from` whose address starts with `prefix`, as a user would follow it. */
async function firstHref(page: Page, from: string, prefix: string): Promise<string> {
  await page.goto(from);
  const href = await page.locator(`main a[href^='${prefix}']`).first().getAttribute("href");
  expect(href, `a link to ${prefix} on ${from}`).toBeTruthy();
  return href ?? "";
}

test("home, dashboard and the place pages read in English and in Chinese", async ({
  page,
  context,
  baseURL,
}) => {
  test.setTimeout(120_000);
  await signIn(page, "zhujianju");
  const project = await firstHref(page, "/projects", "/projects/");
  const compound = await firstHref(page, project, "/compounds/");
  const building = await firstHref(page, compound, "/buildings/");
  const stairwell = await firstHref(page, compound, "/stairwells/");
  const zone = await firstHref(page, compound, "/zones/");
  const pages = [
    "/",
    "/dashboard",
    "/projects",
    project,
    building,
    stairwell,
    zone,
    `${compound}/qr`,
  ];
  for (const lng of ["en", "zh-CN"] as Lng[]) {
    await setLanguage(context, baseURL ?? "", lng);
    for (const path of pages) {
      await page.goto(path);
      await expect(page.locator("h1")).toBeVisible();
      await expectPageLanguage(page, lng);
    }
  }

  await setLanguage(context, baseURL ?? "", "en");
  await page.goto("/dashboard");
  await expect(page.getByRole("heading", { name: "Progress", exact: true })).toBeVisible();

  for (const size of [
    { width: 1024, height: 768 },
    { width: 768, height: 1024 },
  ]) {
    await page.setViewportSize(size);
    for (const [name, path] of [
      ["home", "/"],
      ["dashboard", "/dashboard"],
    ] as const) {
      await page.goto(path);
      await page.waitForLoadState("networkidle");
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, `${name} at ${size.width}×${size.height} scrolls sideways`).toBe(0);
      await page.screenshot({
        path: `.tmp/screens/places-${name}-en-${size.width}x${size.height}.png`,
        fullPage: true,
      });
    }
  }
});
