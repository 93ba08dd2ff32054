import type { BrowserContext, Locator, Page } from "@playwright/test";
import { contextAs, expect, type OwnWorld, signInAs, test } from "./fixtures";
import { expectPageLanguage, type Lng, setLanguage } from "./language";
import { hydrated } from "./support";

// The new-defect form refused: each message sits beside its field, linked from the input
// (aria-invalid, aria-describedby), in the reader's language; with JavaScript (checked in the
// browser) and without (the plain post, checked by the server).
test.use({ worldRoles: ["supervisor"] });

const WORDS = {
  en: { submit: "Log defect", title: "Enter a title for the defect", place: "Enter the location" },
  "zh-CN": { submit: "登记", title: "请填写问题标题", place: "请填写部位" },
} as const;

/** The field's message: what its aria-describedby points at, inside the field's own label. */
async function expectErrorBeside(page: Page, input: Locator, message: string) {
  await expect(input).toHaveAttribute("aria-invalid", "true");
  const ids = ((await input.getAttribute("aria-describedby")) ?? "").split(/\s+/);
  const described = page.locator(ids.map((id) => `[id="${id}"]`).join(", "));
  await expect(described).toHaveText(message);
  await expect(input.locator("xpath=ancestor::label[1]").locator(".field-error")).toHaveText(
    message,
  );
}

async function refuseEmptyForm(page: Page, world: OwnWorld, lng: Lng) {
  await page.goto(`/defects/new?compoundId=${world.compound.id}`);
  await page.getByRole("button", { name: WORDS[lng].submit, exact: true }).click();
  await expectErrorBeside(page, page.locator("input[name=title]"), WORDS[lng].title);
  await expectErrorBeside(page, page.locator("input[name=placeLabel]"), WORDS[lng].place);
  await expect(page.locator("input[name=dueOn]")).not.toHaveAttribute("aria-invalid", "true");
  await expectPageLanguage(page, lng);
}

for (const lng of ["en", "zh-CN"] as const) {
  test(`a refused new defect shows its errors beside the fields (${lng})`, async ({
    browser,
    world,
  }) => {
    const context = await contextAs(browser, world, "supervisor", { lng });
    const page = await context.newPage();
    await page.goto(`/defects/new?compoundId=${world.compound.id}`);
    await hydrated(page);
    await refuseEmptyForm(page, world, lng);
    if (lng === "en")
      await page.screenshot({ path: ".tmp/screens/defect-new-error-en-1024x768.png" });
    await context.close();

    // Without JavaScript the server answers the plain post with the same words in place.
    const baseURL = `http://localhost:${process.env.E2E_PORT ?? 3100}`;
    const plain: BrowserContext = await browser.newContext({ baseURL, javaScriptEnabled: false });
    await setLanguage(plain, baseURL, lng);
    await signInAs(plain, baseURL, world, "supervisor");
    await refuseEmptyForm(await plain.newPage(), world, lng);
    await plain.close();
  });
}
