import type { Page } from "@playwright/test";
import { contextAs, expect, pageAs, test } from "./fixtures";
import { expectPageLanguage } from "./language";
import { compoundLinks, signIn, smallTouchTargets } from "./support";

// The spec's own supervisor, bureau and administrator (fixtures.ts), signed in by session.
test.use({ worldRoles: ["supervisor", "bureau", "admin"] });

const SIZES = [
  { width: 1024, height: 768 },
  { width: 768, height: 1024 },
];

/** Visits each page at both tablet sizes and collects every interactive element under 44 px. */
async function sweep(page: Page, urls: string[], found: string[]) {
  for (const url of urls) {
    const response = await page.goto(url);
    expect(response?.status(), url).toBeLessThan(400);
    for (const size of SIZES) {
      await page.setViewportSize(size);
      for (const small of await smallTouchTargets(page))
        found.push(`${url} @${size.width}×${size.height}: ${small}`);
    }
  }
}

test("every interactive element on the main pages is at least 44 px at 1024×768 and 768×1024", async ({
  browser,
  world,
}) => {
  test.setTimeout(240_000);
  const found: string[] = [];
  // The demo 县农行老旧小区 (seeded zones, drawings, residents' records): full pages to sweep.
  const page = await pageAs(browser, world, "supervisor");
  const nh = (await compoundLinks(page)).县农行老旧小区 ?? "";
  const compoundId = nh.split("/").pop();
  // A lot with a defect, so the lot, defect and notice pages have content.
  await page.goto(nh);
  const project =
    (await page
      .locator(".crumbs a[href^='/projects/']")
      .first()
      .getAttribute("href", { timeout: 5000 })) ?? "/projects";
  const building = await page.locator("a[href^='/buildings/']").first().getAttribute("href");
  const zone = await page.locator("a[href^='/zones/']").first().getAttribute("href");
  await page.goto(building ?? "/");
  const stairwell = await page.locator("a[href^='/stairwells/']").last().getAttribute("href");
  await page.goto(stairwell ?? "/");
  await page
    .locator(".place-work-type", { hasText: "楼道声控灯" })
    .getByRole("button", { name: /开始检查/ })
    .click();
  await expect(page.locator(".lot-status")).toHaveText("草稿");
  const lot = new URL(page.url()).pathname;
  await page.goto(`/defects/new?compoundId=${compoundId}`);
  await page.getByLabel("部位").fill("9栋1单元");
  await page.getByLabel("问题标题").fill("触控尺寸检查用问题");
  await page.getByRole("button", { name: "登记", exact: true }).click();
  await expect(page.getByTestId("defect-status")).toHaveText("待整改");
  const defect = new URL(page.url()).pathname;

  await sweep(
    page,
    [
      "/",
      "/?q=1-1",
      "/projects",
      project,
      nh,
      building ?? "/",
      stairwell ?? "/",
      zone ?? "/",
      "/lots",
      lot,
      `${lot}/record`,
      "/defects",
      defect,
      `/defects/new?compoundId=${compoundId}`,
      "/notices",
      "/inbox",
      `/compounds/${compoundId}/drawings`,
      "/work-types",
      "/work-types/stair-railing",
      "/organizations",
      "/account",
    ],
    found,
  );
  await page.close();

  const bureau = await pageAs(browser, world, "bureau");
  await sweep(bureau, ["/", "/dashboard", "/audit", `/compounds/${compoundId}/acceptance`], found);
  await bureau.close();

  // Demo accounts on purpose: 县农行's own contractor (标段一) and street office (安化街道) are
  // the ones who see its defect and manage its residents' records.
  const contractor = await browser.newPage({ hasTouch: true });
  await signIn(contractor, "shigong1");
  await sweep(contractor, ["/", "/defects", defect], found);
  await contractor.close();

  // The residents module's 保修 and 违建 pages, as the street office that manages them (forms shown).
  const street = await browser.newPage({ hasTouch: true });
  await signIn(street, "anhua");
  await sweep(
    street,
    ["/residents", `/residents/${compoundId}/warranty`, `/residents/${compoundId}/illegal`],
    found,
  );
  await street.close();

  const admin = await pageAs(browser, world, "admin");
  await sweep(admin, ["/users", "/users/new"], found);
  await admin.close();

  console.log(
    `[touch] ${found.length} elements under 44 px${found.length ? `:\n${found.join("\n")}` : ""}`,
  );
  expect(found).toEqual([]);
});

test("English words are longer: the main pages keep 44 px targets in English too", async ({
  browser,
  world,
}) => {
  test.setTimeout(120_000);
  const found: string[] = [];
  for (const lng of ["en", "zh-CN"] as const) {
    const context = await contextAs(browser, world, "supervisor", { lng });
    const page = await context.newPage();
    // The lot list: the sweep's main page whose area is converted (the home page is not yet).
    await page.goto("/lots");
    await expectPageLanguage(page, lng);
    await context.close();
  }
  const pages = {
    supervisor: ["/", "/lots", "/defects", "/notices", "/inbox", "/work-types", "/account"],
    bureau: ["/dashboard", "/audit", "/organizations"],
  } as const;
  for (const [role, urls] of Object.entries(pages)) {
    const context = await contextAs(browser, world, role as keyof typeof pages, { lng: "en" });
    await sweep(await context.newPage(), [...urls], found);
    await context.close();
  }
  console.log(`[touch, en] ${found.length} elements under 44 px`);
  expect(found).toEqual([]);
});
