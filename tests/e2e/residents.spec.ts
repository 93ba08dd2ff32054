import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import type { Browser, Page } from "@playwright/test";
import ExcelJS from "exceljs";
import survey from "~/locales/zh-CN/residents/survey";
import { SURVEY_COLUMN_KEYS } from "~/modules/residents/survey";
import { expect, signInAs, test } from "./fixtures";
import { expectPageLanguage, setLanguage } from "./language";
import { signIn } from "./support";

// Its own Playwright project after the tablet specs: the managed compound it adds would
// otherwise show up in their lists.
const DATA = `.tmp/e2e-${process.env.E2E_PORT ?? 3100}`;
const SHOTS = ".tmp/pw";
const PHONE = { width: 390, height: 844 };
const tsx = path.resolve("node_modules/.bin/tsx");

async function workbook(file: string, rows: (string | number)[][]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("入户调查表");
  ws.addRow(SURVEY_COLUMN_KEYS.map((k) => survey.fields[k]));
  for (const r of rows) ws.addRow(r);
  await wb.xlsx.writeFile(file);
}

function photo(file: string, seed: number) {
  execFileSync(tsx, ["tests/e2e/fixtures/photo.ts", file, String(seed)]);
}

async function as(browser: Browser, username: string, viewport = PHONE): Promise<Page> {
  const context = await browser.newContext({
    baseURL: test.info().project.use.baseURL,
    viewport,
    hasTouch: true,
  });
  const page = await context.newPage();
  await signIn(page, username);
  return page;
}

test("survey import, 公示 and 评议 by household code, warranty repair after acceptance", async ({
  browser,
}) => {
  test.setTimeout(150_000);
  fs.mkdirSync(SHOTS, { recursive: true });
  const tmp = path.resolve(DATA, "residents");
  fs.mkdirSync(tmp, { recursive: true });

  // 1. The community imports its survey: one bad row is reported and nothing is imported.
  const street = await as(browser, "anhua", { width: 1024, height: 768 });
  await street.goto("/residents");
  await street
    .getByRole("link", { name: /调查摸底/ })
    .first()
    .click();
  await expect(street.getByRole("heading", { name: "调查摸底 · 登记台账" })).toBeVisible();
  const registered = street.getByTestId("survey-register").locator("tbody tr");
  const before = await registered.count();
  const good = [
    "6栋",
    "1单元",
    "301",
    "龙华",
    "13908567777",
    "自住",
    2,
    2,
    0,
    "楼道灯不亮",
    "同意",
    "",
  ];
  await workbook(`${tmp}/bad.xlsx`, [
    good,
    ["6栋", "1单元", "302", "吴芳", "12", "自住", 1, 0, 0, "", "同意", ""],
  ]);
  await street.locator("input[name=file]").setInputFiles(`${tmp}/bad.xlsx`);
  await street.getByRole("button", { name: "导入" }).click();
  await expect(street.getByTestId("row-errors")).toContainText(
    "第 3 行：联系电话应为 11 位手机号或固定电话",
  );
  await expect(registered).toHaveCount(before);
  await workbook(`${tmp}/good.xlsx`, [
    good,
    ["6栋", "1单元", "302", "吴芳", "13908568888", "自住", 1, 0, 0, "", "同意", ""],
  ]);
  await street.locator("input[name=file]").setInputFiles(`${tmp}/good.xlsx`);
  await street.getByRole("button", { name: "导入" }).click();
  await expect(street.getByRole("status")).toHaveText("已导入 2 户");
  await expect(street.getByTestId("needs-summary")).toContainText("6栋1单元 1 户");
  await street.screenshot({ path: `${SHOTS}/residents-survey-1024.png`, fullPage: true });

  // 2. The plan is published and household codes printed.
  await street.goto("/residents");
  await street
    .getByRole("link", { name: /公示与评议/ })
    .first()
    .click();
  await street.getByLabel("改造内容（每行一项）").fill("楼道声控灯更换\n楼梯栏杆维修");
  await street.getByLabel("投资估算（万元）").fill("120");
  await street.getByLabel("计划开工").fill("2021-04-16");
  await street.getByLabel("计划完工").fill("2021-07-15");
  await street.getByLabel("在公示页公开").check();
  await street.getByRole("button", { name: "保存" }).click();
  await expect(street.getByRole("status")).toHaveText("改造方案已公示");
  await street.getByRole("button", { name: "生成评议码并打印" }).click();
  const slip = street.getByTestId("code-sheet").locator(".code-slip code").first();
  const code = (await slip.textContent()) ?? "";
  expect(code).toMatch(/^[2-9A-Z]{5}-[2-9A-Z]{5}$/);

  // 3. A resident opens the public page from the QR code on a phone and gives an opinion once.
  const resident = await (
    await browser.newContext({
      baseURL: test.info().project.use.baseURL,
      viewport: PHONE,
      hasTouch: true,
    })
  ).newPage();
  await resident.goto("/gongshi/NH");
  await expect(resident.getByTestId("public-plan")).toContainText("楼道声控灯更换");
  await expect(resident.locator("body")).not.toContainText("龙华");
  await resident.screenshot({ path: `${SHOTS}/residents-gongshi-390.png`, fullPage: true });
  await resident.getByRole("link", { name: "对改造方案提意见（评议）" }).click();
  const submit = async () => {
    await resident.getByLabel("评议码").fill(code.toLowerCase());
    await resident.getByLabel("同意", { exact: true }).check();
    await resident.getByLabel(/意见和建议/).fill("希望先修好 6 栋的楼道灯");
    await resident.getByRole("button", { name: "提交" }).click();
  };
  await submit();
  await expect(resident.getByTestId("review-result")).toContainText("已收到您的意见");
  await resident.goto("/gongshi/NH/review?topic=plan");
  await submit();
  await expect(resident.getByTestId("review-result")).toHaveText(
    "该评议码已提交过，每户只能提交一次",
  );
  await resident.screenshot({ path: `${SHOTS}/residents-review-refused-390.png`, fullPage: true });

  // 4. After acceptance a 楼栋长 reports a broken light with a photo from the phone.
  const out = execFileSync(tsx, ["tests/e2e/fixtures/managed-compound.ts"], {
    env: {
      ...process.env,
      DATABASE_PATH: path.resolve(DATA, "yanshou.db"),
      UPLOADS_DIR: path.resolve(DATA, "uploads"),
    },
    encoding: "utf8",
  });
  const { compoundId } = JSON.parse(out.trim().split("\n").at(-1) ?? "{}") as {
    compoundId: string;
  };
  photo(`${tmp}/broken.jpg`, 11);
  photo(`${tmp}/fixed.jpg`, 12);
  const leader = await as(browser, "loudong1");
  await leader.goto(`/residents/${compoundId}/warranty`);
  await leader.getByLabel("问题").fill("声控灯不亮");
  await leader.getByLabel("楼栋").selectOption({ label: "1栋" });
  await leader.getByLabel("部位").fill("1单元 3 楼");
  await leader.getByLabel("属于哪项改造").selectOption({ label: "楼道声控灯（声光控灯）安装" });
  await leader.getByLabel("照片", { exact: true }).setInputFiles(`${tmp}/broken.jpg`);
  await leader.getByRole("button", { name: "提交报修" }).click();
  await expect(leader.getByTestId("warranty-detail")).toContainText(
    "保修期内质量问题（施工单位保修）",
  );
  await leader.screenshot({ path: `${SHOTS}/residents-warranty-390.png`, fullPage: true });
  const warrantyUrl = new URL(leader.url()).pathname;

  // 5. The contractor sees it as a warranty defect and fixes it; the property company closes it.
  const contractor = await as(browser, "shigong1", { width: 1024, height: 768 });
  await contractor.goto("/inbox");
  await contractor.getByText(/保修：GL-BX-001/).click();
  await contractor.getByRole("button", { name: "确认整改" }).click();
  await contractor.getByLabel("上传整改后照片").setInputFiles(`${tmp}/fixed.jpg`);
  await contractor.getByRole("button", { name: "上传", exact: true }).click();
  await expect(contractor.getByRole("status")).toHaveText("已上传 1 张整改后照片");
  await contractor.getByLabel(/说明/).fill("已更换声控灯");
  await contractor.getByRole("button", { name: "提交整改回复" }).click();
  await expect(contractor.getByRole("status")).toHaveText("已提交整改回复");
  const property = await as(browser, "wuye");
  await property.goto(warrantyUrl);
  await property.getByRole("button", { name: "复查通过关闭" }).click();
  await expect(property.getByRole("status")).toHaveText("已复查通过关闭");

  // 6. The public page shows the repair, without names.
  await resident.goto("/gongshi/GL");
  await expect(resident.getByTestId("public-repairs")).toContainText("声控灯不亮");
  await expect(resident.getByTestId("public-repairs")).toContainText("施工单位保修");
  await expect(resident.locator("body")).not.toContainText("罗永福");
  await resident.screenshot({ path: `${SHOTS}/residents-repairs-390.png`, fullPage: true });
});

// The spec's own compound and street office (fixtures.ts): no demo account, signed in by session.
test("the residents hub and the public notice in English and Chinese", async ({
  browser,
  world,
}) => {
  test.setTimeout(90_000);
  fs.mkdirSync(SHOTS, { recursive: true });
  const baseURL = test.info().project.use.baseURL ?? "";
  const { compound } = world;
  const views = [
    { name: "1024", viewport: { width: 1024, height: 768 } },
    { name: "768", viewport: { width: 768, height: 1024 } },
    { name: "390", viewport: PHONE },
  ];
  for (const lng of ["en", "zh-CN"] as const) {
    const context = await browser.newContext({ baseURL, viewport: views[0]?.viewport });
    await setLanguage(context, baseURL, lng);
    await signInAs(context, baseURL, world, "street");
    const page = await context.newPage();
    await page.goto("/residents");
    await expect(page.locator(".residents-card")).toContainText(compound.name);
    // The shell's top bar (user, role, sync state) is not this area's: checked here is the page.
    await page.locator("header.topbar").evaluate((el) => el.setAttribute("translate", "no"));
    await expectPageLanguage(page, lng);
    // The public page needs no account: a resident's phone in its own language.
    const visitor = await browser.newContext({ baseURL, viewport: PHONE, hasTouch: true });
    await setLanguage(visitor, baseURL, lng);
    const phone = await visitor.newPage();
    await phone.goto(`/gongshi/${compound.code}`);
    await expect(phone.getByRole("heading", { level: 1 })).toContainText(compound.name);
    await expectPageLanguage(phone, lng);
    await phone.goto(`/gongshi/${compound.code}/review?topic=plan`);
    await expectPageLanguage(phone, lng);
    if (lng === "en") {
      for (const v of views) {
        await page.setViewportSize(v.viewport);
        await page.goto("/residents");
        await page.screenshot({ path: `${SHOTS}/residents-hub-en-${v.name}.png`, fullPage: true });
        await phone.setViewportSize(v.viewport);
        await phone.goto(`/gongshi/${compound.code}`);
        await phone.screenshot({ path: `${SHOTS}/gongshi-en-${v.name}.png`, fullPage: true });
      }
    }
    await context.close();
    await visitor.close();
  }
});
