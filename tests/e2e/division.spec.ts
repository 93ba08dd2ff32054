import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { type Browser, expect, type Page, test } from "@playwright/test";
import * as mupdf from "mupdf";
import { expectPageLanguage, setLanguage } from "./language";
import { hydrated, signIn } from "./support";

const DATA = `.tmp/e2e-${process.env.E2E_PORT ?? 3100}`;

function fixture(): { compoundId: string; subItemId: string } {
  const out = execFileSync(
    path.resolve("node_modules/.bin/tsx"),
    ["tests/e2e/fixtures/record-divisions.ts"],
    {
      env: {
        ...process.env,
        DATABASE_PATH: path.resolve(DATA, "yanshou.db"),
        UPLOADS_DIR: path.resolve(DATA, "uploads"),
        FIXTURE_CODE: "TDV",
      },
      encoding: "utf8",
    },
  );
  return JSON.parse(out.trim().split("\n").at(-1) ?? "{}");
}

async function as(browser: Browser, username: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  const page = await context.newPage();
  await signIn(page, username);
  return page;
}

async function sign(page: Page) {
  await hydrated(page);
  const canvas = page.getByLabel("签字框");
  await canvas.scrollIntoViewIfNeeded();
  const ink = page.locator("input[name=signature]");
  await expect(async () => {
    const box = await canvas.boundingBox();
    if (!box) throw new Error("no signature pad");
    await page.mouse.move(box.x + 30, box.y + box.height * 0.7);
    await page.mouse.down();
    for (let i = 1; i <= 10; i += 1)
      await page.mouse.move(box.x + 30 + i * 25, box.y + box.height * (0.5 + 0.3 * Math.sin(i)), {
        steps: 2,
      });
    await page.mouse.up();
    await expect(ink).toHaveValue(/^data:image\/png;base64,/, { timeout: 500 });
  }).toPass();
  await page.getByLabel("登录密码").fill("yanshou2021");
  await page.getByLabel("我确认以上内容，签字后本记录不可修改").check();
  await page.getByRole("button", { name: "签字", exact: true }).click();
  await expect(page.getByRole("status")).toHaveText("已签字。");
}

// GB 50300-2013 §5.0.2 (分项, 附录F) and §5.0.3 (分部, 附录G): sign the last 分项 seat, the 总监
// rates 观感, the 分部 is signed by the 施工 项目负责人 and the 总监, the PDF says so.
test("a 分项 signed, 观感 rated and the 分部 signed; the 附录G PDF carries it", async ({
  browser,
}) => {
  test.setTimeout(150_000);
  const fx = fixture();
  const supervisor = await as(browser, "jianli");
  await supervisor.goto(`/compounds/${fx.compoundId}`);
  await supervisor.getByRole("link", { name: "分部/分项工程验收记录" }).click();
  await supervisor.getByRole("link", { name: "导管敷设" }).click();
  await expect(supervisor.getByTestId("seat-contractorTech")).toContainText("刘志远");
  await sign(supervisor);
  await expect(supervisor.getByTestId("seat-supervisor")).toContainText("田志刚");

  const chief = await as(browser, "zongjian");
  const url = `/compounds/${fx.compoundId}/divisions/${encodeURIComponent("建筑电气")}`;
  await chief.goto(url);
  await hydrated(chief);
  for (const point of ["配电箱（盘）", "灯具", "开关、插座", "线路敷设（导管、槽盒）"])
    await chief.getByRole("group", { name: point }).getByLabel("好").check();
  await chief.getByRole("group", { name: "观感质量综合评价" }).getByLabel("好").check();
  await chief.getByRole("button", { name: "保存观感评定" }).click();
  await expect(chief.getByRole("status")).toHaveText("观感质量评定已保存。");
  await expect(chief.getByTestId("division-gaps")).toHaveCount(0);
  await sign(chief);

  const lead = await as(browser, "xmjl1");
  await lead.goto(url);
  await sign(lead);
  await expect(lead.getByText("分部工程质量验收记录 · 合格")).toBeVisible();
  await lead.screenshot({ path: `${DATA}/division-zh.png`, fullPage: true });

  const download = lead.waitForEvent("download");
  await lead.getByRole("link", { name: "下载 PDF" }).click();
  const file = path.join(DATA, "division-record.pdf");
  await (await download).saveAs(file);
  const doc = mupdf.Document.openDocument(fs.readFileSync(file), "application/pdf");
  const text = Array.from({ length: doc.countPages() }, (_, i) =>
    doc.loadPage(i).toStructuredText("preserve-whitespace").asText(),
  )
    .join("")
    .replace(/\s+/g, "");
  expect(text).toContain("分部工程质量验收记录");
  expect(text).toContain("综合验收结论：合格");
  expect(text).toContain("王振华");

  // The record reads in English too (names stay as written).
  await setLanguage(lead.context(), test.info().project.use.baseURL ?? "", "en");
  await lead.setViewportSize({ width: 768, height: 1024 });
  await lead.goto(url);
  await expectPageLanguage(lead, "en");
  await lead.screenshot({ path: `${DATA}/division-en.png`, fullPage: true });
});
