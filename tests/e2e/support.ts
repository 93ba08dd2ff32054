import { expect, type FileChooser, type Locator, type Page } from "@playwright/test";
import { DEMO_PASSWORD } from "../../prisma/seed/demo-data";

export async function signIn(page: Page, username: string, password = DEMO_PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByRole("button", { name: "退出", exact: true })).toBeVisible();
}

/** Ids read from the pages themselves, as a user copying a link would. */
export async function compoundLinks(page: Page): Promise<Record<string, string>> {
  await page.goto("/");
  const links = page.locator(".card-grid a[href^='/compounds/']");
  const result: Record<string, string> = {};
  for (const link of await links.all()) {
    const name = (await link.locator(".card-title").textContent()) ?? "";
    result[name] = (await link.getAttribute("href")) ?? "";
  }
  return result;
}

/** Visible interactive elements (a, button, input, select, summary, [role=button]) under 44 px. */
export async function smallTouchTargets(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [
      ...document.querySelectorAll<HTMLElement>(
        "a, button, input, select, textarea, summary, [role=button]",
      ),
    ]
      .filter((el) => el.offsetParent !== null && (el as HTMLInputElement).type !== "hidden")
      .map((el) => ({
        text: el.textContent?.trim() || el.getAttribute("aria-label") || el.getAttribute("name"),
        box: el.getBoundingClientRect(),
      }))
      .filter(({ box }) => box.height < 44 || box.width < 44)
      .map(({ text, box }) => `${text} ${Math.round(box.width)}×${Math.round(box.height)}`),
  );
}

/** Every visible link, button and field on the page is at least 44 px tall and wide. */
export async function expectTouchTargets(page: Page) {
  expect(await smallTouchTargets(page)).toEqual([]);
}

/**
 * After a full page load, waits until React has hydrated (root.tsx marks <html data-js="on">):
 * a click on a JavaScript-only control (a dialog opener) before that does nothing.
 */
export async function hydrated(page: Page) {
  await page.locator('html[data-js="on"]').waitFor({ state: "attached" });
}

/**
 * Chooses photos as a person does: a tap on 拍照/选择照片 in `scope` opens the picker, and the
 * files are chosen there. (Setting the input's files directly can land on the server's HTML of
 * an uploader just as its code replaces it, which no tap can do: decision 0036.)
 */
export async function choosePhotos(scope: Locator, files: Parameters<FileChooser["setFiles"]>[0]) {
  const chooser = scope.page().waitForEvent("filechooser");
  await scope.locator("label.photo-pick").click();
  await (await chooser).setFiles(files);
}
