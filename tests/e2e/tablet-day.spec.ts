import { createHash } from "node:crypto";
import type { Locator, Page } from "@playwright/test";
import * as mupdf from "mupdf";
import sharp from "sharp";
import { cameraJpeg } from "../support/images";
import { pdfText } from "../support/pdf-text";
import { contextAs, expect, inEachLanguage, openAs, pageAs, test } from "./fixtures";
import { expectPageLanguage } from "./language";
import { waitSaved } from "./lot-steps";
import { choosePhotos, expectTouchTargets } from "./support";

// The spec's own users and compound (fixtures.ts), signed in by session cookie: a tap count
// starts on the home page a sign-in lands on, as it did after the sign-in form.
test.use({ worldRoles: ["supervisor", "contractor", "bureau", "owner"] });

/** Every tap goes through here, so the count is what a finger would do. */
function tapCounter() {
  const taps: string[] = [];
  return {
    taps,
    async tap(target: Locator, what: string) {
      taps.push(what);
      await target.tap();
    },
  };
}

const chinaDay = (offsetDays: number) =>
  new Date(Date.now() + 8 * 3600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);

test("supervisor: sign-in to a recorded measurement on a new lot in at most 4 taps", async ({
  page,
  world,
}) => {
  // The demo 县农行老旧小区 (seeded places), found by the spec's own supervisor.
  await openAs(page, world, "supervisor");
  await expect(page.getByRole("heading", { name: /今天的工作/ })).toBeVisible();
  const { taps, tap } = tapCounter();
  const keys: string[] = [];

  await tap(page.getByLabel("查找部位"), "查找部位");
  await page.keyboard.type("5-2");
  keys.push("5-2");
  const hit = page.locator(".place-hits a", { hasText: "县农行老旧小区" }).filter({
    hasText: "5栋2单元",
  });
  await tap(hit, "5栋2单元");
  await expect(page.getByRole("heading", { name: "县农行老旧小区 5栋 2单元" })).toBeVisible();
  await tap(
    page.locator(".place-work-type", { hasText: "楼梯栏杆、扶手维修加固" }).getByRole("button", {
      name: "开始检查",
    }),
    "开始检查 楼梯栏杆",
  );
  await expect(page.locator(".lot-status")).toHaveText("草稿");
  await expect(page.getByTestId("next-step")).toContainText("由施工单位提交施工自检");
  // A fresh lot puts the focus in 跳到第几项: the item number and Enter go to its input.
  await expect(page.getByLabel("跳到第几项")).toBeFocused();
  await page.keyboard.type("7");
  await page.keyboard.press("Enter");
  keys.push("7", "Enter");
  const m7 = page.locator("[data-code='SR-M7']");
  await expect(m7.getByLabel("SR-M7 实测值")).toBeFocused();
  await page.keyboard.type("1.08");
  keys.push("1.08");
  await tap(m7.getByRole("button", { name: "添加实测点" }), "添加实测点");
  await expect(m7.locator(".point")).toHaveCount(1);
  await expect(m7.locator(".point")).toContainText("1.08");
  // The focus stays where the next value goes.
  await expect(m7.getByLabel("SR-M7 实测值")).toBeFocused();
  await waitSaved(page);

  console.log(
    `[taps] supervisor sign-in → recorded point on a new lot: ${taps.length} taps (${taps.join(" → ")}); typed: ${keys.join(", ")}`,
  );
  expect(taps.length).toBeLessThanOrEqual(4);

  await page.reload();
  await expect(page.locator("[data-code='SR-M7'] .point")).toContainText("1.08");
  // Back on the place, the lot is one tap to continue; on the home page it is a draft of mine.
  await page.goto("/");
  await expect(page.getByTestId("place-picker").locator(".place-recent")).toContainText("5栋2单元");
  await expect(page.getByTestId("home-drafts")).toContainText("楼梯栏杆、扶手维修加固 · 5栋2单元");
});

async function standaloneDefect(page: Page, compoundHref: string, title: string, due: string) {
  await page.goto(`/defects/new?compoundId=${compoundHref.split("/").pop()}`);
  await page.getByLabel("部位").fill("6栋1单元");
  await page.getByLabel("问题标题").fill(title);
  await page.getByLabel("整改期限").fill(due);
  await page.getByRole("button", { name: "登记", exact: true }).click();
  await expect(page.getByTestId("defect-status")).toHaveText("待整改");
}

test("contractor: sign-in to the defect due soonest in 1 tap", async ({ page, browser, world }) => {
  const supervisor = await pageAs(browser, world, "supervisor");
  const nh = `/compounds/${world.compound.id}`;
  await standaloneDefect(supervisor, nh, "6栋1单元 扶手松动（期限晚）", chinaDay(20));
  await standaloneDefect(supervisor, nh, "6栋1单元 栏杆缺失（期限早）", chinaDay(-40));
  await supervisor.close();

  await openAs(page, world, "contractor");
  const list = page.getByTestId("home-my-defects");
  await expect(list).toContainText("栏杆缺失（期限早）");
  const dues = (await list.locator(".home-row .muted > span").allTextContents()).map((t) =>
    t.slice(0, 10),
  );
  expect(dues).toEqual([...dues].sort());
  const { taps, tap } = tapCounter();
  await tap(list.locator(".home-row").first(), "first of 我的整改");
  await expect(page.getByRole("heading", { name: "6栋1单元 栏杆缺失（期限早）" })).toBeVisible();
  await expect(page.getByTestId("due")).toContainText(chinaDay(-40));
  console.log(`[taps] contractor sign-in → defect due soonest: ${taps.length} tap`);
  expect(taps.length).toBe(1);
});

const SIZES = [
  { width: 1024, height: 768 },
  { width: 768, height: 1024 },
];

test("each role's home page at both tablet sizes: touch targets, screenshots", async ({
  browser,
  world,
}) => {
  for (const who of ["supervisor", "contractor", "bureau", "owner"] as const) {
    const context = await contextAs(browser, world, who);
    const page = await context.newPage();
    await page.goto("/");
    await expect(page.getByRole("heading", { name: /今天的工作/ })).toBeVisible();
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await expectTouchTargets(page);
      await page.screenshot({
        path: `.tmp/screens/home-${who}-${size.width}x${size.height}.png`,
        fullPage: true,
      });
    }
    await context.close();
  }
});

test("the home page in English and in Chinese at both tablet sizes, 44 px targets", async ({
  browser,
  world,
}) => {
  for (const role of ["supervisor", "contractor"] as const) {
    await inEachLanguage(browser, world, role, async (page, lng) => {
      await page.goto("/");
      await expect(page.locator("main h1").first()).toBeVisible();
      await expect(page.locator(".mainnav a").first()).toHaveText(
        lng === "en" ? "Statistics" : "统计",
      );
      await expectPageLanguage(page, lng);
      await page.goto("/inbox");
      await expectPageLanguage(page, lng);
      await page.goto("/");
      if (lng !== "en") return;
      for (const size of SIZES) {
        await page.setViewportSize(size);
        await expectTouchTargets(page);
        await page.screenshot({
          path: `.tmp/screens/home-${role}-en-${size.width}x${size.height}.png`,
          fullPage: true,
        });
      }
    });
  }
});

/** Strongly red pixels in an image, or on every page of a PDF rendered at 2×. */
async function redPixels(image: Buffer) {
  const { data, info } = await sharp(image)
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  let n = 0;
  for (let i = 0; i < info.width * info.height * 3; i += 3)
    if ((data[i] ?? 0) > 180 && (data[i + 1] ?? 255) < 90 && (data[i + 2] ?? 255) < 90) n++;
  return n;
}
async function pdfRedPixels(pdf: Buffer) {
  const doc = mupdf.Document.openDocument(pdf, "application/pdf");
  let n = 0;
  for (let i = 0; i < doc.countPages(); i++) {
    const pixmap = doc
      .loadPage(i)
      .toPixmap(mupdf.Matrix.scale(2, 2), mupdf.ColorSpace.DeviceRGB, false);
    n += await redPixels(Buffer.from(pixmap.asPNG()));
  }
  return n;
}
const sha256 = (b: Buffer) => createHash("sha256").update(b).digest("hex");

test("mark up a photo with an arrow and a text: display copy and lot PDF show it, the original is unchanged", async ({
  page,
  world,
}) => {
  test.setTimeout(120_000);
  await openAs(page, world, "supervisor");
  await page.getByLabel("查找部位").fill("6-2");
  await page.locator(".place-hits a", { hasText: "县农行老旧小区" }).first().click();
  await page
    .locator(".place-work-type", { hasText: "楼梯栏杆、扶手维修加固" })
    .getByRole("button", { name: /开始检查|继续检查/ })
    .click();
  await expect(page.locator(".lot-status")).toHaveText("草稿");
  const lotUrl = page.url();
  const card = page.locator("[data-code='SR-M7']");
  const original = await cameraJpeg({ width: 1200, height: 900, orientation: 1, seed: 3 });
  await choosePhotos(card, {
    name: "栏杆.jpg",
    mimeType: "image/jpeg",
    buffer: original,
  });
  await expect(card.locator(".photo-grid img")).toHaveCount(1);
  const pdfBefore = Buffer.from(
    await (
      await page.request.get(`${lotUrl}/record.pdf`.replace("/lots/", "/reports/lots/"))
    ).body(),
  );

  await card.locator(".photo-grid img").click();
  await page.getByRole("button", { name: "标注", exact: true }).click();
  const layer = page.getByTestId("markup-layer");
  await expect(layer).toBeVisible();
  const box = (await layer.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.15, box.y + box.height * 0.55);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.55, { steps: 5 });
  await page.mouse.move(box.x + box.width * 0.85, box.y + box.height * 0.55, { steps: 5 });
  await page.mouse.up();
  await page.getByRole("button", { name: "文字", exact: true }).click();
  await page.getByLabel("标注文字").fill("栏杆高度不足");
  await page.getByRole("button", { name: "黄色" }).click();
  await layer.click({ position: { x: box.width * 0.15, y: box.height * 0.35 } });
  await expect(layer).toHaveAttribute("data-shapes", "2");
  await expectTouchTargets(page);
  await page.screenshot({ path: ".tmp/screens/markup-1024x768.png" });
  await page.setViewportSize({ width: 768, height: 1024 });
  await expectTouchTargets(page);
  await page.screenshot({ path: ".tmp/screens/markup-768x1024.png" });
  await page.getByRole("button", { name: "保存标注" }).click();

  // Back in the viewer, showing the annotated display copy.
  const shown = page.locator(".photo-stage img");
  await expect(shown).toHaveAttribute("src", /\/annotated\?v=1$/);
  await expect(page.getByRole("button", { name: "修改标注" })).toBeVisible();
  await expect
    .poll(() => shown.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
    .toBeGreaterThan(0);
  await page.screenshot({ path: ".tmp/screens/markup-saved-768x1024.png" });
  const src = (await shown.getAttribute("src"))!;
  const photoId = src.split("/")[2]!;
  const annotated = Buffer.from(await (await page.request.get(src)).body());
  const display = Buffer.from(await (await page.request.get(`/photos/${photoId}/display`)).body());
  expect(await redPixels(annotated)).toBeGreaterThan((await redPixels(display)) + 2000);

  const downloaded = Buffer.from(
    await (await page.request.get(`/photos/${photoId}/original`)).body(),
  );
  expect(sha256(downloaded)).toBe(sha256(original));

  const pdf = Buffer.from(
    await (
      await page.request.get(`${lotUrl}/record.pdf`.replace("/lots/", "/reports/lots/"))
    ).body(),
  );
  expect(pdfText(pdf)).toContain("SR-M7（已标注）");
  expect(await pdfRedPixels(pdf)).toBeGreaterThan((await pdfRedPixels(pdfBefore)) + 500);
});
