import { createHash } from "node:crypto";
import { cameraJpeg } from "../support/images";
import { contextAs, expect, type OwnWorld, openAs, pageAs, test } from "./fixtures";
import { setLanguage } from "./language";
import { openLot as openLotIn } from "./lot-steps";
import { choosePhotos, hydrated } from "./support";

// The spec's own compound, its contractor, a supervisor and an outside contractor (fixtures.ts),
// signed in by session.
test.use({ worldRoles: ["supervisor", "contractor"], worldSetup: { others: ["contractor"] } });

/** Opens a new lot of `workType` at stairwell `unit` of `building` in the spec's compound. */
const openLot = (
  page: import("@playwright/test").Page,
  world: OwnWorld,
  building: string,
  unit: string,
  workType: string,
) => openLotIn(page, building, unit, workType, world.compound.name);

// Uploads of 12 MP and 26 MB files: slower than the default 60 s when the machine is busy.
test.describe.configure({ timeout: 150_000 });

test("a supervisor photographs a checklist item: thumbnail, viewer, original; others cannot open it", async ({
  browser,
  world,
}) => {
  const page = await pageAs(browser, world, "supervisor");
  await openLot(page, world, "2栋", "1单元", "楼梯栏杆、扶手维修加固");
  const card = page.locator(".lot-item").first();
  const photo = await cameraJpeg({ width: 1200, height: 900, orientation: 6 });

  await choosePhotos(card, {
    name: "栏杆现场.jpg",
    mimeType: "image/jpeg",
    buffer: photo,
  });
  const thumb = card.locator(".photo-grid img");
  await expect(thumb).toHaveCount(1);
  await expect(thumb).toBeVisible();
  await expect
    .poll(() => thumb.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
    .toBeGreaterThan(0);

  // The same photo again is not stored twice, and the user is told so.
  await choosePhotos(card, {
    name: "再次.jpg",
    mimeType: "image/jpeg",
    buffer: photo,
  });
  await expect(card.locator(".upload-duplicate")).toContainText("已上传过");
  await card.getByRole("button", { name: "放弃 再次.jpg" }).click();
  await expect(thumb).toHaveCount(1);

  // A file that only claims to be a photo is refused with its reason and no retry (it can never pass).
  await choosePhotos(card, {
    name: "伪装.jpg",
    mimeType: "image/jpeg",
    buffer: Buffer.from("not really a photo"),
  });
  await expect(card.locator(".upload-refused")).toContainText("不是照片");
  await expect(card.getByRole("button", { name: "重试" })).toHaveCount(0);
  await card.getByRole("button", { name: "放弃 伪装.jpg" }).click();
  await expect(thumb).toHaveCount(1);

  // Over 25 MB: refused before uploading, and by the server (413) if sent anyway.
  const big = Buffer.concat([photo, Buffer.alloc(26 * 1024 * 1024)]);
  await choosePhotos(card, {
    name: "太大.jpg",
    mimeType: "image/jpeg",
    buffer: big,
  });
  await expect(card.locator(".upload-refused")).toContainText("“太大.jpg”超过单张 25 MB 的上限");
  await card.getByRole("button", { name: "放弃 太大.jpg" }).click();
  const lotPath = new URL(page.url()).pathname;
  const tooLarge = await page.request.post(`${lotPath}/photos`, {
    // A browser names its origin on every POST; the server refuses a POST that does not.
    headers: { Origin: new URL(page.url()).origin },
    multipart: { photo: { name: "太大.jpg", mimeType: "image/jpeg", buffer: big } },
  });
  expect(tooLarge.status()).toBe(413);
  expect((await tooLarge.json()).message).toMatch(/超过/);
  // The same photo sent again to the same item is the same photo, not a second one.
  const again = await page.request.post(`${lotPath}/photos`, {
    // A browser names its origin on every POST; the server refuses a POST that does not.
    headers: { Origin: new URL(page.url()).origin },
    multipart: {
      itemId: (await card.getAttribute("data-item-id")) ?? "",
      photo: { name: "栏杆现场.jpg", mimeType: "image/jpeg", buffer: photo },
    },
  });
  expect((await again.json()).results[0]).toMatchObject({ ok: true, duplicate: true });

  await card.locator(".photo-thumb").click();
  const viewer = page.getByRole("dialog", { name: "照片查看" });
  await expect(viewer).toBeVisible();
  await expect(viewer.getByText(/拍摄 2024-05-01 10:20/)).toBeVisible();
  const original =
    (await viewer.getByRole("link", { name: "下载原图" }).getAttribute("href")) ?? "";
  expect(original).toMatch(/^\/photos\/[^/]+\/original$/);
  await viewer.getByRole("button", { name: "关闭" }).click();
  await expect(viewer).toHaveCount(0);

  const display = await page.request.get(original.replace("original", "display"));
  expect(display.status()).toBe(200);
  expect(display.headers()["content-type"]).toBe("image/jpeg");
  expect(display.headers()["x-content-type-options"]).toBe("nosniff");
  expect(display.headers()["cache-control"]).toBe("private, max-age=31536000, immutable");
  const download = await page.request.get(original);
  expect(download.headers()["content-type"]).toBe("image/jpeg");
  const sha = (b: Buffer) => createHash("sha256").update(b).digest("hex");
  expect(sha(await download.body())).toBe(sha(photo));

  const other = await pageAs(browser, world, "other-contractor");
  for (const url of [original, original.replace("original", "thumb")]) {
    const denied = await other.request.get(url);
    expect([403, 404]).toContain(denied.status());
    expect(denied.headers()["content-type"]).not.toMatch(/^image\//);
  }
  const anonymous = await (await browser.newContext()).request.get(original, { maxRedirects: 0 });
  expect(anonymous.status()).toBe(302);
});

test("a contractor adds a photo to its lot as a whole", async ({ page, world }) => {
  await openAs(page, world, "contractor");
  await openLot(page, world, "2栋", "1单元", "楼道声控灯");
  const section = page.locator(".lot-photos");
  await choosePhotos(section, {
    name: "全景.jpg",
    mimeType: "image/jpeg",
    buffer: await cameraJpeg({ orientation: 1, seed: 9 }),
  });
  await expect(section.locator(".photo-grid img")).toHaveCount(1);
});

test("a lot's photo viewer and an upload refusal read in English and in Chinese", async ({
  browser,
  world,
  baseURL,
}) => {
  const context = await contextAs(browser, world, "supervisor", { lng: "zh-CN" });
  const page = await context.newPage();
  const lotPath = new URL(await openLot(page, world, "2栋", "2单元", "楼道声控灯")).pathname;
  const upload = (name: string, buffer: Buffer) =>
    page.request.post(`${lotPath}/photos`, {
      headers: { Origin: baseURL ?? "" },
      multipart: { photo: { name, mimeType: "image/jpeg", buffer } },
    });
  expect((await upload("whole.jpg", await cameraJpeg({ seed: 11 }))).status()).toBe(200);
  for (const lng of ["en", "zh-CN"] as const) {
    await setLanguage(context, baseURL ?? "", lng);
    const refused = JSON.stringify(
      await (await upload("fake.jpg", Buffer.from("no photo"))).json(),
    );
    if (lng === "en") expect(refused).not.toMatch(/[\u4e00-\u9fff]/);
    else expect(refused).toContain("不是照片");
    await page.goto(lotPath);
    await hydrated(page);
    await page.locator(".lot-photos .photo-thumb").first().click();
    const name = lng === "en" ? "Photo viewer" : "照片查看";
    const viewer = page.getByRole("dialog", { name });
    await expect(viewer).toBeVisible();
    // The viewer is this area's; the lot page around it is converted in the lot area (issue 13).
    const foreign = lng === "en" ? /[\u4e00-\u9fff]/ : /\b(Close|Download|Photo)\b/;
    const uploader = world.sessions.supervisor?.user.displayName ?? "";
    // biome-ignore lint/performance/useDomNodeTextContent: the words shown, not hidden text.
    expect((await viewer.innerText()).replace(uploader, "")).not.toMatch(foreign);
    if (lng === "en") await page.screenshot({ path: ".tmp/screens/photo-viewer-en-1024x768.png" });
  }
  await context.close();
});
