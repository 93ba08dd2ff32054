import type { Page } from "@playwright/test";
import { expect, inEachLanguage, pageAs, test } from "./fixtures";
import { expectPageLanguage } from "./language";
import { compoundLinks } from "./support";

// The spec's own bureau user (fixtures.ts), signed in by session.
test.use({ worldRoles: ["bureau"] });

/** Records CSP violations (the DOM event and Chromium's console report) from the first script on. */
async function watchCsp(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.exposeFunction("__cspViolation", (v: string) => violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      (window as unknown as { __cspViolation: (v: string) => void }).__cspViolation(
        `${e.violatedDirective} ${e.blockedURI} @ ${location.pathname}`,
      );
    });
  });
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  return violations;
}

test("the main pages run under the CSP with no violation (nonce'd scripts, charts, drawings)", async ({
  browser,
  world,
}) => {
  test.setTimeout(120_000);
  const page = await pageAs(browser, world, "bureau");
  const violations = await watchCsp(page);
  await page.goto("/login");
  // A demo compound: its seeded drawings give the viewer below something to show.
  const compounds = await compoundLinks(page);
  const compound = compounds.县武装部老旧小区 ?? "/";
  for (const path of [
    "/",
    "/dashboard",
    "/lots",
    "/defects",
    "/notices",
    "/inbox",
    "/work-types",
    "/audit",
    "/users",
    compound,
    `${compound}/drawings`,
    `${compound}/acceptance`,
  ]) {
    await page.goto(path);
    await expect(page.locator("main").first()).toBeVisible();
  }
  // A drawing revision page: the tablet viewer.
  await page.goto(`${compound}/drawings`);
  const drawing = page.locator("a[href^='/drawings/']").first();
  if (await drawing.count()) {
    await drawing.click();
    await expect(page.locator("main").first()).toBeVisible();
  }
  // Client-side navigation after hydration also stays inside the policy.
  await page.goto("/");
  await page.locator("a[href='/lots']").first().click();
  await expect(page).toHaveURL(/\/lots$/);
  await page.waitForTimeout(500);
  expect(violations).toEqual([]);
});

test("English and Chinese pages run under the CSP too (catalogues load as chunks, no eval)", async ({
  browser,
  world,
}) => {
  await inEachLanguage(browser, world, "bureau", async (page, lng) => {
    const violations = await watchCsp(page);
    for (const path of ["/", "/dashboard", "/audit", "/account"]) {
      await page.goto(path);
      await expect(page.locator("main").first()).toBeVisible();
    }
    await expectPageLanguage(page, lng);
    // After hydration, a client-side navigation loads the next page's words under the policy.
    await page.locator("a[href='/lots']").first().click();
    await expect(page).toHaveURL(/\/lots$/);
    await expectPageLanguage(page, lng);
    expect(violations).toEqual([]);
  });
});

test("pages refuse to be framed and are not cached once signed in", async ({ browser, world }) => {
  const page = await pageAs(browser, world, "bureau");
  const response = await page.goto("/lots");
  const headers = response?.headers() ?? {};
  expect(headers["content-security-policy"]).toMatch(/frame-ancestors 'none'/);
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["cache-control"]).toBe("private, no-store");
  expect(headers["x-content-type-options"]).toBe("nosniff");
});
