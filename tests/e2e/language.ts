import { type BrowserContext, expect, type Page } from "@playwright/test";

export type Lng = "zh-CN" | "en";

/**
 * Shows the app in `lng` for this context: the remembered choice (the `lng` cookie the sign-in
 * page sets) and the browser's language. A user whose account names a language sees that one.
 */
export async function setLanguage(context: BrowserContext, baseURL: string, lng: Lng) {
  // Remix's cookie encoding: base64 of the JSON value.
  const value = Buffer.from(JSON.stringify(lng)).toString("base64");
  await context.addCookies([{ name: "lng", value, url: baseURL }]);
  await context.setExtraHTTPHeaders({ "Accept-Language": lng === "en" ? "en-US,en" : "zh-CN,zh" });
}

// Words allowed on a Chinese page: names of formats, standards and units, not UI English.
const LATIN_ALLOWED =
  /^(PDF|Excel|XLSX|CSV|JPEG|PNG|HEIC|QR|GB|JGJ|CJJ|Wi-Fi|WiFi|ID|MB|KB|GB|km|mm|cm|MPa|kN|URL|HTTP|HTTPS|PWA|OK)$/i;

/**
 * Text on the page that is in the other language: Chinese on an English page, English words on a
 * Chinese page. Data is exempt where the page marks it: inside an element with `translate="no"`
 * (names, notes, checklist text as written) or with a `lang` of its own. Attributes may quote
 * such data.
 */
export async function foreignText(page: Page, lng: Lng): Promise<string[]> {
  const found: string[] = await page.evaluate((lng) => {
    const CJK = /[\u3400-\u9fff\uff01-\uff5e\u3001-\u303f]/;
    const exempt = (el: Element | null): boolean => {
      for (let e = el; e && e !== document.documentElement; e = e.parentElement) {
        if (e.getAttribute("translate") === "no") return true;
        const lang = e.getAttribute("lang");
        if (lang && lang !== lng) return true;
        if (["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE"].includes(e.tagName)) return true;
      }
      return false;
    };
    const visible = (el: Element) =>
      (el as HTMLElement).checkVisibility?.({ visibilityProperty: true }) ?? true;
    const out: string[] = [];
    const check = (text: string, where: string) => {
      const t = text.trim();
      if (!t) return;
      if (lng === "en" && CJK.test(t)) out.push(`${where}: ${t.slice(0, 80)}`);
      if (lng === "zh-CN") {
        // A run with digits in it (a hash, a code like DJ-2021-03) is an identifier, not a word.
        for (const word of t.match(/[A-Za-z0-9][A-Za-z0-9-]*/g) ?? [])
          if (/^[A-Za-z][A-Za-z-]{3,}$/.test(word))
            out.push(`${where}: ${word} in “${t.slice(0, 60)}”`);
      }
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const parent = n.parentElement;
      if (!parent || exempt(parent) || !visible(parent)) continue;
      check(n.textContent ?? "", parent.tagName.toLowerCase());
    }
    // An attribute may quote data the page shows as data (a signer's name in a signature's alt).
    const data: string[] = [];
    for (const e of document.body.querySelectorAll('[translate="no"]')) {
      const texts = document.createTreeWalker(e, NodeFilter.SHOW_TEXT);
      for (let n = texts.nextNode(); n; n = texts.nextNode()) {
        const t = n.textContent?.trim();
        if (t) data.push(t);
      }
    }
    data.sort((a, b) => b.length - a.length);
    const withoutData = (text: string) => data.reduce((t, d) => t.split(d).join(" "), text);
    for (const el of document.body.querySelectorAll(
      "[placeholder], [aria-label], [title], [alt]",
    )) {
      if (exempt(el)) continue;
      for (const attr of ["placeholder", "aria-label", "title", "alt"])
        check(withoutData(el.getAttribute(attr) ?? ""), `${el.tagName.toLowerCase()}[${attr}]`);
    }
    check(document.title, "title");
    return out;
  }, lng);
  if (lng === "zh-CN")
    return found.filter((line) => !LATIN_ALLOWED.test(/: ([A-Za-z-]+) in/.exec(line)?.[1] ?? ""));
  return found;
}

/** The page is wholly in `lng` (outside data), and says so in <html lang>. */
export async function expectPageLanguage(page: Page, lng: Lng) {
  await expect(page.locator("html")).toHaveAttribute("lang", lng);
  expect(await foreignText(page, lng)).toEqual([]);
}
