import fs from "node:fs";
import * as mupdf from "mupdf";
import { cameraJpeg } from "../support/images";
import { pdfImageCount, pdfText } from "../support/pdf-text";
import { expect, pageAs, test } from "./fixtures";
import { expectPageLanguage, setLanguage as showIn } from "./language";
import { correctPoint, fillChecklist, openLot, signLotStep, waitSaved } from "./lot-steps";
import { hydrated, signIn } from "./support";

/** Holds a built chunk's download until the returned function is called (a slow tablet). */
async function holdChunk(page: import("@playwright/test").Page, name: string) {
  let release = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route(new RegExp(`/assets/${name}-[^/]*\\.js$`), async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

// The spec's own compound, its contractor and a supervisor (fixtures.ts), signed in by session;
// the first test alone stays with the demo 标段一 (see there).
test.use({ worldRoles: ["contractor", "supervisor"], worldSetup: { password: true } });

test("railings lot in a 7-storey building: 1.08 m fails against 1.10 m (GB 50096 §6.1.3); corrected to 1.12 m, signed by both sides, the 附录E record complete", async ({
  browser,
}) => {
  test.setTimeout(200_000);
  // Demo accounts on purpose: the 附录E record checked below names the demo contract's 项目负责人,
  // 分包单位 and the people who signed (张建国, 田志刚), in 县农行's 7-storey 3栋.
  const contractor = await browser.newPage();
  await signIn(contractor, "shigong1");
  const lotUrl = await openLot(contractor, "3栋", "2单元", "楼梯栏杆、扶手维修加固");
  await expect(contractor.locator(".lot-status")).toHaveText("草稿");

  await fillChecklist(contractor, { code: "SR-M7", value: 1.08 });
  const m7 = contractor.locator("[data-code='SR-M7']");
  await expect(m7.locator(".point-bad")).toContainText("1.08 m");
  await expect(m7.locator(".limit")).toContainText("≥ 1.10 m（层数 7 ≥ 7，GB 50096-2011 §6.1.3）");
  await expect(contractor.locator(".verdict-status")).toHaveText("不合格");
  await waitSaved(contractor);

  await contractor.getByLabel("施工操作依据、质量验收记录齐全").check();
  await contractor.getByRole("button", { name: "保存资料情况" }).click();
  await expect(contractor.getByRole("status")).toHaveText("已保存");
  // 施工自检 signed by the 项目专业质量检查员, 专业工长 named; a wrong password signs nothing.
  await signLotStep(contractor, "提交施工自检", { password: "wrong-password" });
  await expect(contractor.getByRole("alert")).toHaveText("密码不正确，未签字");
  await expect(contractor.locator(".lot-status")).toHaveText("草稿");
  await signLotStep(contractor, "提交施工自检", {
    foreman: "李德明",
    conclusion: "主控项目、一般项目已自检，护栏高度 1 点待监理复核，报请验收。",
  });
  await expect(contractor.locator(".lot-status")).toHaveText("施工自检已提交");
  await expect(contractor.getByLabel("SR-M7 实测值")).toHaveCount(0);

  const supervisor = await browser.newPage();
  await signIn(supervisor, "jianli");
  await supervisor.goto(lotUrl);
  const sm7 = supervisor.locator("[data-code='SR-M7']");
  await expect(sm7).toHaveAttribute("data-status", "fail");
  await expect(supervisor.locator(".verdict-reasons")).toContainText("主控项目 7");
  await expect(supervisor.locator(".verdict-reasons")).toContainText(
    "1 点不合格 (1.08 m < 1.10 m)，要求 ≥ 1.10 m（层数 7 ≥ 7，GB 50096-2011 §6.1.3）",
  );
  await expect(supervisor.getByRole("button", { name: "验收签认" })).toBeDisabled();
  await expect(supervisor.locator(".accept-blocked")).toContainText("不能签认");

  // The supervisor re-measures the low railing after the fix: a correction, the old value kept.
  await correctPoint(sm7, 1, 1.12);
  await expect(sm7.locator(".point").first().locator("s.point-was")).toHaveText("1.08 m");
  await expect(sm7.locator(".point").first()).toContainText("1.12 m");
  await expect(sm7).toHaveAttribute("data-status", "pass");
  await expect(supervisor.locator(".verdict-status")).toHaveText("合格");
  await waitSaved(supervisor);
  const conclusion =
    "主控项目全部合格，一般项目合格率符合要求；护栏高度经整改复测 1.12 m，同意验收。";
  await signLotStep(supervisor, "验收签认", { conclusion });
  await expect(supervisor.locator(".lot-status")).toHaveText("监理验收合格");
  await expect(supervisor.getByText("本检验批已验收签认，记录只读。")).toBeVisible();
  await expect(
    supervisor.getByRole("button", { name: "合格", exact: true }).first(),
  ).toBeDisabled();
  await expect(supervisor.getByTestId("signature")).toContainText("一致 ✓");
  const history = supervisor.locator(".history");
  await expect(history).toContainText("监理验收签认");
  await expect(history).toContainText(conclusion);
  await expect(history).toContainText("提交施工自检");
  await expect(history).toContainText("专业工长 李德明");
  await expect(history.locator(".history-correction s")).toHaveText("1.08");

  await supervisor.getByRole("link", { name: "验收记录表" }).click();
  await expect(supervisor.getByRole("heading", { name: "检验批质量验收记录" })).toBeVisible();
  const row = supervisor.locator("tr[data-code='SR-M7']");
  await expect(row).toContainText("1.12");
  await expect(row.locator("s")).toHaveText("1.08 m");
  await expect(row).toContainText("GB 50096-2011 §6.1.3");
  await expect(row).toContainText("合格");
  const sign = supervisor.locator(".record-sign");
  await expect(sign).toContainText("专业监理工程师：田志刚");
  await expect(sign).toContainText("项目专业质量检查员：张建国");
  await expect(sign).toContainText("专业工长：李德明");
  await expect(sign.locator("img.record-sign-img")).toHaveCount(2);
  await expect(supervisor.getByTestId("record-conclusion")).toHaveText(conclusion);
  await expect(supervisor.locator(".record-head")).toContainText("县农行老旧小区");
  await expect(supervisor.getByTestId("record-subitem")).toHaveText("护栏和扶手制作与安装");
  await expect(supervisor.getByTestId("record-appendix-b")).toHaveText(/^031204\d{3}$/);
  await expect(supervisor.getByTestId("record-standards")).not.toContainText("GB 50096");

  // The PDF (text as a reader copies it) has every 附录E field filled.
  const [download] = await Promise.all([
    supervisor.waitForEvent("download"),
    supervisor.getByRole("link", { name: "下载 PDF" }).click(),
  ]);
  const pdf = fs.readFileSync((await download.path()) ?? "");
  const text = pdfText(pdf).replace(/\s+/g, "");
  // Labels and values separately: a narrow label cell wraps, and its lines interleave with the value's.
  for (const field of [
    "单位（子单位）工程名称",
    "县农行老旧小区",
    "分部（子分部）工程名称",
    "建筑装饰装修（细部）",
    "分项工程名称",
    "护栏和扶手制作与安装",
    "施工单位",
    "德江县鸿达建筑工程有限公司",
    "项目负责人",
    "王志强",
    "分包单位",
    "德江县鑫安电气安装有限公司",
    "分包单位项目负责人",
    "冉光明",
    "检验批容量",
    "检验批部位",
    "3栋2单元",
    "施工依据",
    "设计文件",
    "验收依据",
    "GB50210-2018",
    "GB50096-2011§6.1.3",
    "设计要求及规范规定",
    "最小/实际抽样",
    "检查记录",
    "检查结果",
    "施工单位检查结果",
    "专业工长：李德明",
    "项目专业质量检查员：张建国",
    "监理单位验收结论",
    "专业监理工程师：田志刚",
    conclusion.replace(/\s+/g, ""),
  ])
    expect(text).toContain(field);
  expect(text).toMatch(/编号：031204\d{3}/);
  expect(text).not.toContain("未填写");
  expect(pdfImageCount(pdf)).toBeGreaterThanOrEqual(2);
  // A4 portrait; the signatures sit on the page with the table's last rows, never alone.
  const pages = pdfPages(pdf);
  expect(pages.length).toBeLessThanOrEqual(2);
  expect(pages.at(-1)).toContain("检查结果");
  expect(pages.at(-1)).toContain("监理单位验收结论");

  // Another contractor cannot open the lot, even with its address.
  const other = await browser.newPage();
  await signIn(other, "shigong2");
  const response = await other.goto(lotUrl);
  expect(response?.status()).toBe(404);
});

test("an entry typed and followed at once by a reload is still there", async ({
  browser,
  world,
}) => {
  const page = await pageAs(browser, world, "contractor");
  await openLot(page, "1栋", "1单元", "楼梯栏杆、扶手维修加固", world.compound.name);
  const card = page.locator("[data-code='SR-M5']");
  await card.getByLabel("SR-M5 检查记录").fill("二层至三层扶手已更换");
  await card.getByLabel("SR-M5 实测值").fill("0.95");
  await card.getByLabel("SR-M5 实测值").press("Enter");
  await page.reload();
  await expect(page.locator("[data-code='SR-M5']").getByLabel("SR-M5 检查记录")).toHaveValue(
    "二层至三层扶手已更换",
  );
  await expect(page.locator("[data-code='SR-M5'] .point")).toContainText("0.95 m");
});

test("the supervisor rejects with a reason; without one nothing changes", async ({
  browser,
  world,
}) => {
  const contractor = await pageAs(browser, world, "contractor");
  const lotUrl = await openLot(contractor, "1栋", "2单元", "楼道声控灯", world.compound.name);
  await signLotStep(contractor, "提交施工自检");
  await expect(contractor.locator(".lot-status")).toHaveText("施工自检已提交");

  // The panel's code is held back on the wire (a slow tablet, decision 0036): the reason typed
  // into the server's HTML and 退回 tapped at once post as without JavaScript, and are not lost.
  const supervisor = await pageAs(browser, world, "supervisor");
  const release = await holdChunk(supervisor, "lot-page-panels");
  await supervisor.goto(lotUrl);
  await supervisor.getByRole("button", { name: "退回" }).click();
  await expect(supervisor.getByRole("alert")).toHaveText("退回必须填写原因");
  await expect(supervisor.locator(".lot-status")).toHaveText("施工自检已提交");
  await supervisor.getByLabel("原因").fill("检查记录未填写，请补充后重新提交");
  await supervisor.getByRole("button", { name: "退回" }).click();
  await expect(supervisor.locator(".lot-status")).toHaveText("监理退回");
  release();

  await contractor.goto(lotUrl);
  await expect(
    contractor.getByText("监理退回原因：检查记录未填写，请补充后重新提交"),
  ).toBeVisible();
  await expect(contractor.getByRole("button", { name: "提交施工自检" })).toBeVisible();
});

function pdfPages(pdf: Buffer): string[] {
  const doc = mupdf.Document.openDocument(pdf, "application/pdf");
  return Array.from({ length: doc.countPages() }, (_, i) =>
    doc.loadPage(i).toStructuredText("preserve-whitespace").asText(),
  );
}

test("the lot list, the new-lot page, a lot page with its item cards and its 附录E record page in English and in Chinese; the record PDF stays Chinese; screenshots in English at both tablet sizes", async ({
  browser,
  baseURL,
  world,
}) => {
  test.setTimeout(120_000);
  const page = await pageAs(browser, world, "supervisor");
  const context = page.context();
  // Found as a user finds them, in Chinese: a new-lot form and the first lot of the list.
  await page.goto("/");
  await page.locator(".card-grid").getByRole("link", { name: world.compound.name }).click();
  await page.locator("a.building-name", { hasText: /^2栋/ }).click();
  await page.locator(".card-grid").getByRole("link", { name: /1单元/ }).click();
  const newLot = await page
    .locator(".place-work-type", { hasText: "楼梯栏杆、扶手维修加固" })
    .getByRole("link", { name: "新建检验批" })
    .getAttribute("href");
  expect(newLot).toBeTruthy();
  await page.goto(newLot ?? "");
  await page.getByRole("button", { name: "新建并开始检查" }).click();
  await expect(page.getByTestId("next-step")).toBeVisible();
  const lotPath = new URL(page.url()).pathname;
  const pages = { list: "/lots", new: newLot ?? "", lot: lotPath, record: `${lotPath}/record` };

  for (const lng of ["zh-CN", "en"] as const) {
    await showIn(context, baseURL ?? "", lng);
    await page.goto(pages.list);
    await expect(page.locator("h1")).toHaveText(lng === "en" ? "Inspection lots" : "检验批");
    await expectOwnWords(page, lng);
    await page.goto(pages.new);
    await expect(
      page.getByRole("button", {
        name: lng === "en" ? "Create and start inspecting" : "新建并开始检查",
      }),
    ).toBeVisible();
    await expectOwnWords(page, lng);
    await page.goto(pages.lot);
    await expect(page.locator("html")).toHaveAttribute("lang", lng);
    await expect(page.getByTestId("next-step")).toContainText(lng === "en" ? "Next:" : "下一步：");
    // The item cards: their words in the reader's language, the checklist text as written.
    const card = page.locator("li.lot-item").first();
    await expect(card.locator(".seg-pass")).toHaveText(lng === "en" ? "Pass" : "合格");
    await expect(card.locator(".item-text")).toHaveAttribute("translate", "no");
    await expectLanguageIn(page, "li.lot-item", lng);
    // The 附录E record page: headings in the reader's language, the record's content Chinese.
    await page.goto(pages.record);
    await expect(page.locator("h1")).toHaveText(
      lng === "en" ? "Inspection lot quality acceptance record" : "检验批质量验收记录",
    );
    await expect(page.getByTestId("record-subitem")).toHaveText("护栏和扶手制作与安装");
    await expectPageLanguage(page, lng);
    // The signed record's PDF is in Chinese, the language of record, whatever the reader's.
    const pdf = await page.request.get(`/reports${lotPath}/record.pdf`);
    expect(pdf.status()).toBe(200);
    const text = pdfPages(await pdf.body()).join("\n");
    for (const heading of [
      "检验批质量验收记录",
      "分项工程名称",
      "检查记录",
      "施工单位检查结果",
      "监理单位验收结论",
    ])
      expect(text).toContain(heading);
    expect(text).not.toContain("Inspection lot");
  }

  await showIn(context, baseURL ?? "", "en");
  for (const [w, h] of [
    [1024, 768],
    [768, 1024],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    for (const [name, url] of Object.entries(pages)) {
      await page.goto(url);
      await page.screenshot({
        path: `.tmp/screens/lot-en-${name}-${w}x${h}.png`,
        fullPage: name !== "lot" && name !== "record",
      });
    }
  }
});

/**
 * The page's language outside the layout's header: the header shows the signed-in user's name,
 * role and organisation, which the layout (not the lot area) does not yet mark or translate.
 * TODO(issue 13): drop the header removal once the layout's user block is converted.
 */
/** No word of the other language inside the elements `selector` finds (e.g. the item cards). */
async function expectLanguageIn(
  page: import("@playwright/test").Page,
  selector: string,
  lng: "zh-CN" | "en",
) {
  // Everything outside the cards (the document title too) is set aside for this check only.
  await page.evaluate((selector) => {
    document.title = "";
    const keep = new Set(document.querySelectorAll(selector));
    for (const el of document.body.querySelectorAll("*")) {
      if (keep.has(el) || [...keep].some((k) => k.contains(el) || el.contains(k))) continue;
      el.setAttribute("translate", "no");
    }
  }, selector);
  await expectPageLanguage(page, lng);
}

async function expectOwnWords(page: import("@playwright/test").Page, lng: "zh-CN" | "en") {
  await page.locator("header.topbar .who").evaluate((el) => el.remove());
  await expectPageLanguage(page, lng);
}

test("a control of a part whose code is still loading waits, marked busy, then works (decision 0036)", async ({
  browser,
  world,
}) => {
  const setup = await pageAs(browser, world, "supervisor");
  await setup.goto("/");
  await setup.locator(".card-grid").getByRole("link", { name: world.compound.name }).click();
  await setup.locator("a.building-name", { hasText: /^2栋/ }).click();
  await setup.locator(".card-grid").getByRole("link", { name: /1单元/ }).click();
  await setup
    .locator(".place-work-type", { hasText: "楼梯栏杆、扶手维修加固" })
    .getByRole("link", { name: "新建检验批" })
    .click();
  await hydrated(setup);
  await setup.getByRole("button", { name: "新建并开始检查" }).click();
  await expect(setup.getByTestId("next-step")).toBeVisible();
  const lotPath = new URL(setup.url()).pathname;
  await setup.context().close();

  // A fresh tablet (no service worker yet): the jump bar's code is held back on the wire.
  const page = await pageAs(browser, world, "supervisor");
  const release = await holdChunk(page, "lot-jump");
  await page.goto(lotPath);
  await hydrated(page);
  const next = page.getByRole("button", { name: "下一未填" });
  await next.click();
  await expect(next).toHaveAttribute("aria-busy", "true");
  release();
  await expect(next).not.toHaveAttribute("aria-busy");
  // The held click ran once the bar was live: the first unrecorded item has the focus.
  await expect
    .poll(() =>
      page.evaluate(
        () =>
          document.activeElement?.closest("li.lot-item") === document.querySelector("li.lot-item"),
      ),
    )
    .toBe(true);

  // The photo picker of an item opens on the tap itself while the uploader's code is held (a
  // replayed tap would open nothing on iOS), and the photo chosen then is uploaded once it is live.
  // Another fresh tablet: a service worker would answer the chunk from its cache.
  const tablet = await pageAs(browser, world, "supervisor");
  const releasePhotos = await holdChunk(tablet, "photo-uploader");
  await tablet.goto(lotPath);
  await hydrated(tablet);
  const card = tablet.locator("li.lot-item").first();
  const chooser = tablet.waitForEvent("filechooser");
  await card.locator("label.photo-pick").click();
  await (await chooser).setFiles({
    name: "栏杆.jpg",
    mimeType: "image/jpeg",
    buffer: await cameraJpeg({ width: 640, height: 480, orientation: 1, seed: 7 }),
  });
  releasePhotos();
  await expect(card.locator(".photo-grid img")).toHaveCount(1);
});
