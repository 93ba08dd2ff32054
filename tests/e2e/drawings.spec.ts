import { MM } from "../../prisma/seed/drawing-pdf";
import { drawingSetPdf, encryptedPdf } from "../support/pdfs";
import { contextAs, expect, openAs, pageAs, test } from "./fixtures";
import { expectPageLanguage, setLanguage } from "./language";
import { openLot } from "./lot-steps";
import { compoundLinks, signIn } from "./support";

test.describe.configure({ timeout: 120_000 });
// The spec's own supervisor, design institute and outside contractor (fixtures.ts), signed in by
// session, on the demo compounds' seeded drawing sets; only the lot-with-a-sheet test keeps the
// demo 标段一 contractor (see there).
test.use({ worldRoles: ["supervisor", "designer"], worldSetup: { others: ["contractor"] } });

test("a supervisor zooms a sheet on a tablet, pins a new defect, and sees the pin after reload; another contractor gets 404", async ({
  browser,
  world,
}) => {
  const page = await pageAs(browser, world, "supervisor");
  const compounds = await compoundLinks(page);
  const nh = Object.entries(compounds).find(([name]) => name.includes("农行"))![1];
  await page.goto(nh);
  await page.getByRole("link", { name: "图纸", exact: true }).click();
  await expect(page.getByRole("heading", { name: "图纸", exact: true })).toBeVisible();
  // The register marks the superseded revision of 电施-01.
  await expect(page.getByRole("link", { name: /A 版 已作废/ }).first()).toBeVisible();
  // Filtered by discipline, the register shows only that discipline's sheets.
  const filter = page.getByRole("form", { name: "筛选图纸" });
  await filter.getByLabel("专业").selectOption("给排水");
  await filter.getByRole("button", { name: "筛选" }).click();
  await expect(page.getByRole("link", { name: "水施-01", exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "电施-02", exact: true })).toHaveCount(0);
  await filter.getByLabel("专业").selectOption("");
  await filter.getByRole("button", { name: "筛选" }).click();
  await page.getByRole("link", { name: "电施-02", exact: true }).click();
  await expect(page.getByRole("heading", { name: "电施-02 楼道配电系统图" })).toBeVisible();
  const sheetUrl = page.url();
  const sheet = page.getByTestId("sheet");
  await expect(page.getByTestId("sheet-full")).toHaveClass(/loaded/);

  // Zoom: a button and the wheel both enlarge the drawing.
  const fitScale = Number(await sheet.getAttribute("data-scale"));
  expect(fitScale).toBeGreaterThan(0);
  await page.getByRole("button", { name: "放大" }).click();
  const zoomed = Number(await sheet.getAttribute("data-scale"));
  expect(zoomed).toBeCloseTo(fitScale * 1.5, 5);
  const box = (await sheet.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.wheel(0, -300);
  await expect
    .poll(async () => Number(await sheet.getAttribute("data-scale")))
    .toBeGreaterThan(zoomed);
  await page.getByRole("button", { name: "适应" }).click();
  await expect.poll(async () => Number(await sheet.getAttribute("data-scale"))).toBe(fitScale);

  // Two-finger pinch (real touch events through the browser's input pipeline) zooms in.
  const cdp = await page.context().newCDPSession(page);
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  const fingers = (d: number) => [
    { x: cx - d, y: cy, id: 0 },
    { x: cx + d, y: cy, id: 1 },
  ];
  await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: fingers(40) });
  for (const d of [60, 80, 100, 120])
    await cdp.send("Input.dispatchTouchEvent", { type: "touchMove", touchPoints: fingers(d) });
  await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
  await expect
    .poll(async () => Number(await sheet.getAttribute("data-scale")))
    .toBeGreaterThan(fitScale * 2);
  await page.getByRole("button", { name: "适应" }).click();
  await expect.poll(async () => Number(await sheet.getAttribute("data-scale"))).toBe(fitScale);

  // Place a pin with a tap, then raise the defect it belongs to.
  await page.getByRole("button", { name: "在图纸上标注问题" }).click();
  const tap = { x: box.width * 0.4, y: box.height * 0.55 };
  await sheet.tap({ position: tap });
  await expect(page.getByTestId("placed-pin")).toBeVisible();
  await page.getByRole("link", { name: "登记新的质量问题" }).click();
  await expect(page.getByRole("heading", { name: "登记质量问题" })).toBeVisible();
  await expect(page.getByTestId("pin-crop")).toBeVisible();
  await page.getByLabel("部位").fill("2栋1单元 配电箱");
  await page.getByLabel("问题标题").fill("配电箱安装位置与图纸不符");
  await page.getByRole("button", { name: "登记", exact: true }).click();
  await expect(page.getByTestId("defect-status")).toHaveText("待整改");
  await expect(page.getByTestId("pin-crop")).toBeVisible();
  const defectUrl = page.url();

  // Back on the sheet, after a reload: the pin is where it was tapped, and opens the defect.
  await page.goto(sheetUrl);
  await page.reload();
  const pin = page.getByTestId("pin");
  await expect(pin).toHaveCount(1);
  await expect(pin).toHaveAttribute("aria-label", /配电箱安装位置与图纸不符（待整改）/);
  const pinBox = (await pin.boundingBox())!;
  const sheetBox = (await sheet.boundingBox())!;
  // The pin's tip (bottom centre of its 44 px target) is the tapped point.
  expect(Math.abs(pinBox.x + 22 - (sheetBox.x + tap.x))).toBeLessThan(3);
  expect(Math.abs(pinBox.y + 44 - (sheetBox.y + tap.y))).toBeLessThan(3);
  // The filter hides it.
  await page.getByRole("checkbox", { name: /待整改/ }).uncheck();
  await expect(pin).toHaveCount(0);
  await page.getByRole("checkbox", { name: /待整改/ }).check();
  await pin.click();
  await expect(page).toHaveURL(defectUrl);

  // Images come only through the authorising route, not sniffable, privately cached.
  const revisionId = sheetUrl.split("/").at(-1);
  const own = await page.request.get(`/drawings/${revisionId}/full`);
  expect(own.status()).toBe(200);
  expect(own.headers()["content-type"]).toBe("image/png");
  expect(own.headers()["x-content-type-options"]).toBe("nosniff");
  expect(own.headers()["cache-control"]).toBe("private, max-age=31536000, immutable");

  // A contractor of the other compound finds nothing at the sheet or its image.
  const other = await pageAs(browser, world, "other-contractor");
  const response = await other.goto(sheetUrl);
  expect(response?.status()).toBe(404);
  const image = await other.request.get(`/drawings/${revisionId}/preview`);
  expect(image.status()).toBe(404);
});

test("the design institute uploads a PDF set through the form: the form resets, a new revision is confirmed first, an identical or bad file is refused", async ({
  page,
  world,
}) => {
  await openAs(page, world, "designer");
  const compounds = await compoundLinks(page);
  const wzb = Object.entries(compounds).find(([name]) => name.includes("武装部"))![1];
  await page.goto(`${wzb}/drawings`);
  const railingSet = async (sheets: { number: string; title: string; revision?: string }[]) =>
    Buffer.from(
      await drawingSetPdf(sheets, { size: { width: 420 * MM, height: 297 * MM }, detail: 4 }),
    );
  const pdf = await railingSet([
    { number: "G-01", title: "RAILING DETAIL" },
    { number: "G-02", title: "RAILING ELEVATION" },
  ]);
  const form = page.getByRole("form", { name: "上传图纸" });
  // The default numbers continue after the seeded 电施-01 and 电施-02.
  await expect(form.getByLabel("图号前缀")).toHaveValue("电施-");
  await expect(form.getByLabel("起始序号")).toHaveValue("3");
  const fill = async (lines: string, file: Buffer, name: string) => {
    await form.getByLabel("专业").fill("建筑");
    await form.getByLabel("图号前缀").fill("建施-");
    await form.getByLabel(/每页图号与图名/).fill(lines);
    await form
      .getByLabel("文件")
      .setInputFiles({ name, mimeType: "application/pdf", buffer: file });
  };
  await fill("建施-01 栏杆详图\n建施-02 栏杆立面图", pdf, "栏杆.pdf");
  await form.getByRole("button", { name: "上传" }).click();
  const done = form.getByRole("status");
  await expect(done).toHaveText("已上传 2 张图纸：建施-01 A版、建施-02 A版");
  await expect(done).toBeInViewport();
  await page.screenshot({ path: ".tmp/screens/drawings-uploaded-1024x768.png" });
  await expect(page.getByRole("link", { name: "建施-02", exact: true })).toBeVisible();
  // The previews are rendered in the background (预览生成中); the register refreshes itself.
  await expect(page.getByText("预览生成中")).toHaveCount(0, { timeout: 30_000 });
  // The form is reset: no file left to upload twice by a second tap.
  await expect(form.getByLabel("文件")).toHaveValue("");
  await expect(form.getByLabel(/每页图号与图名/)).toHaveValue("");

  // The same file again: refused, nothing stored.
  await fill("建施-01 栏杆详图\n建施-02 栏杆立面图", pdf, "栏杆.pdf");
  await form.getByRole("button", { name: "上传" }).click();
  await expect(form.getByRole("alert")).toContainText("与现行版次内容完全相同");
  const g01 = page.locator("table.drawing-register tr", { hasText: "建施-01" });
  await expect(g01.getByRole("link", { name: /版/ })).toHaveCount(1);

  // A changed 建施-01: the form says what it would supersede and waits for confirmation.
  await fill(
    "建施-01 栏杆详图",
    await railingSet([{ number: "G-01", title: "RAILING DETAIL", revision: "B" }]),
    "栏杆B.pdf",
  );
  await form.getByRole("button", { name: "上传" }).click();
  const ask = form.getByTestId("upload-confirm");
  await expect(ask).toContainText("建施-01 将成为 B 版，替代 A 版");
  await expect(ask).toBeInViewport();
  await page.screenshot({ path: ".tmp/screens/drawings-confirm-1024x768.png" });
  await page.setViewportSize({ width: 768, height: 1024 });
  await expect(ask).toBeInViewport();
  await page.screenshot({ path: ".tmp/screens/drawings-confirm-768x1024.png" });
  await page.setViewportSize({ width: 1024, height: 768 });
  await expect(g01.getByRole("link", { name: /版/ })).toHaveCount(1);
  await form.getByRole("button", { name: "确认上传" }).click();
  await expect(form.getByRole("status")).toHaveText("已上传 1 张图纸：建施-01 B版");
  await expect(page.getByText("预览生成中")).toHaveCount(0, { timeout: 30_000 });
  await expect(g01.getByRole("link", { name: /版/ })).toHaveText(["B 版 现行", "A 版 已作废"]);

  await form.getByLabel("文件").setInputFiles({
    name: "加密.pdf",
    mimeType: "application/pdf",
    buffer: await encryptedPdf(),
  });
  await form.getByRole("button", { name: "上传" }).click();
  await expect(form.getByRole("alert")).toContainText("已加密");
  await expect(page.locator("table.drawing-register tbody tr")).toHaveCount(5);
});

test("a lot checked against a sheet: a newer revision warns until the supervisor acknowledges; the record lists it", async ({
  browser,
  world,
}) => {
  // Demo 标段一 on purpose: a lot at 县农行 12栋 is checked against that compound's seeded sheets,
  // and only its contractor (德江县鸿达) may open a lot there.
  const contractor = await browser.newPage();
  await signIn(contractor, "shigong1");
  const lotUrl = await openLot(contractor, "12栋", "1单元", "楼道线路规范整理");
  const section = contractor.getByTestId("lot-drawings");
  await section
    .getByLabel("添加图纸（现行版次）")
    .selectOption({ label: "水施-01 室外排水管网平面图 · A 版" });
  await section.getByRole("button", { name: "添加" }).click();
  await expect(
    section.getByRole("link", { name: "水施-01 室外排水管网平面图 · A 版" }),
  ).toBeVisible();

  // The design institute issues revision B of that sheet.
  const designer = await pageAs(browser, world, "designer");
  const compounds = await compoundLinks(designer);
  const nh = Object.entries(compounds).find(([name]) => name.includes("农行"))![1];
  await designer.goto(`${nh}/drawings`);
  const form = designer.getByRole("form", { name: "上传图纸" });
  await form.getByLabel("专业").fill("给排水");
  await form.getByLabel(/每页图号与图名/).fill("水施-01 室外排水管网平面图");
  await form.getByLabel("文件").setInputFiles({
    name: "水施-01B.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.from(
      await drawingSetPdf([{ number: "W-01", title: "DRAINAGE", revision: "B" }], {
        size: { width: 420 * MM, height: 297 * MM },
        detail: 4,
      }),
    ),
  });
  await form.getByRole("button", { name: "上传" }).click();
  await expect(form.getByTestId("upload-confirm")).toContainText("水施-01 将成为 B 版，替代 A 版");
  await form.getByRole("button", { name: "确认上传" }).click();
  await expect(form.getByRole("status")).toHaveText("已上传 1 张图纸：水施-01 B版");

  // The supervisor sees the warning on the lot, acknowledges it, and the record lists the sheet.
  const supervisor = await pageAs(browser, world, "supervisor");
  await supervisor.goto(lotUrl);
  const refs = supervisor.getByTestId("lot-drawings");
  await expect(refs.getByRole("alert")).toContainText(
    "该图纸已有新版次 B 版，本检验批依据的是 A 版",
  );
  await refs.getByRole("button", { name: "确认版次变更" }).click();
  await expect(refs.getByText(/新版次已由 .+ 确认/)).toBeVisible();
  await expect(refs.getByRole("alert")).toHaveCount(0);
  await supervisor.goto(`${lotUrl}/record`);
  await expect(supervisor.getByTestId("record-drawings")).toContainText(
    "水施-01 室外排水管网平面图（A 版",
  );
});

test("the drawing register and a sheet read in English and in Chinese", async ({
  browser,
  baseURL,
  world,
}) => {
  const context = await contextAs(browser, world, "supervisor", { lng: "en" });
  const page = await context.newPage();
  const compounds = await compoundLinks(page);
  const nh = Object.entries(compounds).find(([name]) => name.includes("农行"))![1];
  await page.goto(`${nh}/drawings`);
  await expect(page.getByRole("heading", { name: "Drawings", exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: /Rev\. A superseded/ }).first()).toBeVisible();
  await expect(page.getByRole("form", { name: "Upload drawings" })).toBeVisible();
  await expectPageLanguage(page, "en");
  await page.screenshot({ path: ".tmp/screens/drawings-en-1024x768.png", fullPage: true });
  await page.setViewportSize({ width: 768, height: 1024 });
  await page.screenshot({ path: ".tmp/screens/drawings-en-768x1024.png", fullPage: true });

  await page.getByRole("link", { name: "电施-02", exact: true }).click();
  await expect(page.getByTestId("sheet-full")).toHaveClass(/loaded/);
  await expect(page.getByRole("button", { name: "Zoom in" })).toBeVisible();
  await page.getByRole("button", { name: "Pin a defect on the sheet" }).click();
  await expect(page.getByText("Tap the sheet where the pin goes")).toBeVisible();
  await expectPageLanguage(page, "en");
  await page.screenshot({ path: ".tmp/screens/drawing-en-768x1024.png" });
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.screenshot({ path: ".tmp/screens/drawing-en-1024x768.png" });

  await setLanguage(context, baseURL!, "zh-CN");
  await page.reload();
  await expect(page.getByRole("button", { name: "放大" })).toBeVisible();
  await expectPageLanguage(page, "zh-CN");
  await page.goto(`${nh}/drawings`);
  await expect(page.getByRole("heading", { name: "图纸", exact: true })).toBeVisible();
  await expectPageLanguage(page, "zh-CN");
  await context.close();
});
