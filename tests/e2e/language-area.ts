import type { Page } from "@playwright/test";
import { expectPageLanguage, type Lng, setLanguage } from "./language";

export { setLanguage };

/**
 * expectPageLanguage for a page's own content. The shell (top bar: sync indicator, the user's
 * name, role and organisation) and the shared page header's crumbs are converted in other areas
 * of issue 13 and still speak Chinese; until they do, they are set aside here (marked as data)
 * so this check covers what the drawing and audit pages themselves show. Delete this helper and
 * call expectPageLanguage directly once the shell is converted.
 */
export async function expectLanguageOutsideShell(page: Page, lng: Lng) {
  await page.locator(".topbar, .crumbs").evaluateAll((els) => {
    for (const e of els) e.setAttribute("translate", "no");
  });
  await expectPageLanguage(page, lng);
}
