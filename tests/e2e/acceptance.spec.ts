import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { type Browser, expect, type Page, test } from "@playwright/test";
import ExcelJS from "exceljs";
import * as mupdf from "mupdf";
import { USERS } from "../../prisma/seed/demo-data";
import { foreignText, setLanguage } from "./language";
import { signLotStep } from "./lot-steps";
import { compoundLinks, signIn } from "./support";

// Runs after every other spec (its own Playwright project): the compound it seals would
// otherwise show up in their lists.
const DATA = `.tmp/e2e-${process.env.E2E_PORT ?? 3100}`;
const SIGNERS_AND_STATION = ["xiangmu", "xmjl1", "zongjian", "sheji", "zhujianju"];
const name = (username: string) => USERS.find((u) => u.username === username)?.displayName ?? "";

function readyCompound(env: Record<string, string> = { FIXTURE_CODE: "CX" }): {
  compoundId: string;
  lastLot: { id: string; number: string };
} {
  const out = execFileSync(
    path.resolve("node_modules/.bin/tsx"),
    ["tests/e2e/fixtures/ready-for-acceptance.ts"],
    {
      env: {
        ...process.env,
        DATABASE_PATH: path.resolve(DATA, "yanshou.db"),
        UPLOADS_DIR: path.resolve(DATA, "uploads"),
        ...env,
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

async function draw(page: Page) {
  const canvas = page.getByLabel("签字框");
  await canvas.scrollIntoViewIfNeeded();
  const box = await canvas.boundingBox();
  if (!box) throw new Error("no signature pad");
  await page.mouse.move(box.x + 30, box.y + box.height * 0.7);
  await page.mouse.down();
  for (let i = 1; i <= 12; i += 1)
    await page.mouse.move(box.x + 30 + i * 25, box.y + box.height * (0.5 + 0.3 * Math.sin(i / 2)), {
      steps: 3,
    });
  await page.mouse.up();
}

async function sign(page: Page, url: string, password = "yanshou2021") {
  await page.goto(url);
  // Drawing needs the hydrated pad; until then the strokes go nowhere, so draw until it holds ink.
  const ink = page.locator("input[name=signature]");
  await expect(async () => {
    await draw(page);
    await expect(ink).toHaveValue(/^data:image\/png;base64,/, { timeout: 500 });
  }).toPass();
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "签字确认" }).click();
}

function pdfText(file: string): string {
  const doc = mupdf.Document.openDocument(fs.readFileSync(file), "application/pdf");
  let text = "";
  for (let i = 0; i < doc.countPages(); i += 1)
    text += doc.loadPage(i).toStructuredText("preserve-whitespace").asText();
  return text;
}

test("a compound of two buildings from its last lot to 验收合格, every step and seat in order; the PDFs and Excel say so", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  // Two buildings, approved plan, evidence and hidden works recorded, every lot accepted but the
  // last; the 竣工报告 and 预验收 still to do (GB 50300 §6.0.5).
  const fx = readyCompound({ FIXTURE_CODE: "CX", FIXTURE_BUILDINGS: "2", FIXTURE_LADDER: "0" });
  const url = `/compounds/${fx.compoundId}/acceptance`;

  // The 建设单位 (县住建局 here) 项目负责人 organises: the unaccepted planned lot blocks, linked.
  const bureau = await as(browser, "xiangmu");
  await bureau.goto(url);
  await expect(bureau.locator(".prereq-blocked")).toHaveCount(5);
  await expect(bureau.getByRole("link", { name: new RegExp(fx.lastLot.number) })).toBeVisible();
  await expect(bureau.getByRole("link", { name: /：检验批未验收$/ })).toBeVisible();
  await bureau.getByRole("button", { name: "发起竣工验收" }).click();
  await expect(bureau.getByRole("alert")).toContainText("须先完成：各施工单位已提交工程竣工报告");
  // The dashboard measures coverage against the approved plan (10 planned lots of 4 work types).
  const coverage = bureau
    .locator(".dash-compound", { hasText: "城西老旧小区（验收演练）" })
    .getByTestId("plan-coverage");
  await bureau.goto("/dashboard");
  await expect(coverage).toContainText(/计划 20 批 · 已开 20 · 已验收 1[0-9](?![0-9])/);

  // The supervisor accepts the last lot; the dashboard's coverage follows.
  const supervisor = await as(browser, "jianli");
  await supervisor.goto(`/lots/${fx.lastLot.id}`);
  await signLotStep(supervisor, "验收签认");
  await expect(supervisor.locator(".lot-status")).toHaveText("监理验收合格");
  await bureau.goto("/dashboard");
  await expect(coverage).toContainText("计划 20 批 · 已开 20 · 已验收 20");
  // The 分项/分部 records (附录F/G, decision 0029) are signed: walked in division.spec.ts.
  execFileSync(path.resolve("node_modules/.bin/tsx"), ["tests/e2e/fixtures/record-divisions.ts"], {
    env: {
      ...process.env,
      DATABASE_PATH: path.resolve(DATA, "yanshou.db"),
      UPLOADS_DIR: path.resolve(DATA, "uploads"),
      COMPOUND_ID: fx.compoundId,
    },
  });

  // The contractor's 项目负责人 submits its 竣工报告 after its 自检, signed.
  const contractor = await as(browser, "xmjl1");
  await contractor.goto(url);
  await contractor
    .getByLabel("工程竣工报告")
    .fill("楼道照明、声光控和栏杆扶手改造已完成，自检合格。");
  await signLadder(contractor, "签字并提交竣工报告");
  await expect(contractor.getByRole("status")).toHaveText("工程竣工报告已提交。");
  // The 总监 holds the 预验收 (§6.0.5); passed, the 工程质量评估报告 is generated from the data.
  const chief = await as(browser, "zongjian");
  await chief.goto(url);
  await signLadder(chief, "签字并记录预验收");
  await expect(chief.getByTestId("pre-acceptance")).toHaveAttribute("data-conclusion", "pass");
  const [assessment] = await Promise.all([
    chief.waitForEvent("download"),
    chief.getByRole("link", { name: "下载工程质量评估报告 PDF" }).click(),
  ]);
  const assessmentText = pdfText(await assessment.path());
  for (const expected of [
    "工程质量评估报告",
    "城西老旧小区（验收演练）",
    "建筑电气",
    name("zongjian"),
  ])
    expect(assessmentText).toContain(expected);

  // The organiser enters the project's facts for 附录H H.0.1-1; bad input is refused unsaved.
  await bureau.goto(url);
  const facts = bureau.locator("#compound-facts");
  await expect(facts.locator("dd", { hasText: "未填写" })).toHaveCount(5);
  await facts.getByLabel("结构类型").fill("砖混结构");
  await facts.getByLabel("层数").fill("地上 6 层");
  await facts.getByLabel("建筑面积（m²）").fill("-5");
  await facts.getByRole("button", { name: "保存工程概况" }).click();
  await expect(facts.locator("dd", { hasText: "未填写" })).toHaveCount(5);
  await facts.getByLabel("建筑面积（m²）").fill("8650.5");
  await facts.getByLabel("开工日期").fill("2021-04-12");
  await facts.getByLabel("完工日期").fill("2021-07-30");
  await facts.getByRole("button", { name: "保存工程概况" }).click();
  await expect(bureau.getByRole("status")).toHaveText("工程概况已保存。");
  await expect(facts.locator("dd", { hasText: "未填写" })).toHaveCount(0);
  await expect(facts.locator("dd", { hasText: "砖混结构" })).toBeVisible();

  // Every prerequisite met: the organiser opens the session naming one signatory per party.
  await bureau.goto(url);
  await expect(bureau.locator(".prereq-blocked")).toHaveCount(0);
  await expect(bureau.getByLabel(/施工单位（德江县鸿达建筑工程有限公司）签字人/)).toHaveValue(/.+/);
  await expect(bureau.getByLabel(/住建局/)).toHaveCount(0);
  await bureau.getByRole("button", { name: "发起竣工验收" }).click();
  await expect(bureau.getByTestId("acceptance-status")).toHaveText("签字中");

  // Each party's 项目负责人 (监理: 总监理工程师) signs in its own account (GB 50300 §6.0.6);
  // a wrong password stores nothing.
  await sign(bureau, url, "wrong-password");
  await expect(bureau.getByRole("alert")).toHaveText("密码不正确，未签字");
  await expect(bureau.locator(".signature-img")).toHaveCount(0);
  await sign(bureau, url);
  await expect(bureau.getByRole("status")).toHaveText("已签字");
  for (const username of ["xmjl1", "zongjian"]) {
    const page = await as(browser, username);
    await sign(page, url);
    await expect(page.getByRole("status")).toHaveText("已签字");
  }
  // Three of four: a missing signature keeps the compound from passing; nothing to download yet.
  await bureau.goto(url);
  await expect(bureau.getByTestId("acceptance-status")).toHaveText("签字中");
  await expect(bureau.locator(".signature-img")).toHaveCount(3);
  await expect(bureau.getByRole("link", { name: "下载竣工验收记录 PDF" })).toHaveCount(0);

  const designer = await as(browser, "sheji");
  await sign(designer, url);
  await expect(designer.getByRole("status")).toHaveText("已签字，验收合格");
  await expect(designer.getByTestId("acceptance-status")).toHaveText("验收合格");

  // The 质监站 supervised: it files its own 监督记录 and holds no seat.
  const station = await as(browser, "zhujianju");
  await station.goto(url);
  await expect(station.getByRole("button", { name: "签字确认" })).toHaveCount(0);
  await station.getByLabel("监督记录").fill("验收组织形式、程序符合规定，各方项目负责人到场。");
  await station.getByRole("button", { name: "保存监督记录" }).click();
  await expect(station.getByRole("status")).toHaveText("监督记录已保存");
  await expect(station.getByTestId("supervision")).toContainText(`监督人：${name("zhujianju")}`);

  // Step 4 (建质〔2013〕171号 第八条; 备案管理办法 第四条): the 竣工验收报告 and 质量保修书 from the
  // data, and the 住建局 files the 备案 within 15 days.
  await bureau.goto(url);
  const download = async (label: string) => {
    const [file] = await Promise.all([
      bureau.waitForEvent("download"),
      bureau.getByRole("link", { name: label }).click(),
    ]);
    return pdfText(await file.path());
  };
  expect(await download("下载竣工验收报告")).toContain("城西老旧小区（验收演练）");
  expect(await download("下载质量保修书")).toContain("楼梯栏杆、扶手维修加固");
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  await bureau.getByLabel("备案编号").fill("DJ-BA-2021-017");
  await bureau.getByLabel("备案日期").fill(today);
  await bureau.getByRole("button", { name: "确认备案" }).click();
  await expect(bureau.getByRole("status")).toHaveText("竣工验收备案已记录。");
  expect(await download("下载竣工验收备案表")).toContain("DJ-BA-2021-017");

  await bureau.goto(url);
  await expect(bureau.getByText("与当前记录一致")).toBeVisible();
  await expect(bureau.getByRole("button", { name: "签字确认" })).toHaveCount(0);
  await expect(bureau.getByRole("button", { name: "发起竣工验收" })).toHaveCount(0);
  await bureau.screenshot({ path: ".tmp/pw/acceptance-passed.png", fullPage: true });

  // The PDF: title, compound, conclusion, every signer and the station's record, as text.
  const [pdfDownload] = await Promise.all([
    bureau.waitForEvent("download"),
    bureau.getByRole("link", { name: "下载竣工验收记录 PDF" }).click(),
  ]);
  const pdfFile = await pdfDownload.path();
  expect(fs.readFileSync(pdfFile).subarray(0, 5).toString()).toBe("%PDF-");
  const text = pdfText(pdfFile);
  for (const expected of [
    "单位工程质量竣工验收记录",
    "城西老旧小区（验收演练）",
    "砖混结构",
    "地上 6 层",
    "8650.5 m²",
    "综合验收结论",
    "合格",
    "质监站监督记录",
    "表 H.0.1-2 单位工程质量控制资料核查记录",
    "表 H.0.1-3 单位工程安全和功能检验资料核查及主要功能抽查记录",
    "表 H.0.1-4 单位工程观感质量检查记录",
    "隐蔽工程验收记录",
    "线路绝缘电阻测试",
  ])
    expect(text).toContain(expected);
  for (const username of SIGNERS_AND_STATION) expect(text).toContain(name(username));

  // The plan page as the 总监 approved it.
  await bureau.setViewportSize({ width: 1024, height: 768 });
  await bureau.goto(`/compounds/${fx.compoundId}/plan`);
  await expect(bureau.getByTestId("sub-item-导管敷设")).toContainText("计划 2 · 已开 2 · 已验收 2");
  await bureau.screenshot({ path: ".tmp/pw/plan-1024.png", fullPage: true });

  // The lot list, filtered to this compound and one work type, exported as Excel.
  await bureau.goto("/lots");
  await bureau.getByLabel("小区").selectOption({ label: "城西老旧小区（验收演练）" });
  await bureau.getByLabel("工程类别").selectOption({ label: "楼梯栏杆、扶手维修加固" });
  await bureau.getByRole("button", { name: "筛选" }).click();
  await expect(bureau.locator(".lots-table tbody tr")).toHaveCount(2);
  const [xlsxDownload] = await Promise.all([
    bureau.waitForEvent("download"),
    bureau.getByRole("button", { name: "导出 Excel" }).click(),
  ]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(await xlsxDownload.path());
  const sheet = wb.getWorksheet("检验批清单");
  expect(sheet).toBeDefined();
  expect(String(sheet?.getCell("A2").value)).toContain(
    "小区 城西老旧小区（验收演练）；工程类别 楼梯栏杆、扶手维修加固",
  );
  expect(sheet?.rowCount).toBe(5);
  const row = sheet?.getRow(4);
  expect(row?.getCell(2).value).toBe("城西老旧小区（验收演练）");
  expect(row?.getCell(3).value).toBe("楼梯栏杆、扶手维修加固");
  expect(row?.getCell(7).value).toBe("监理验收合格");

  // The sealed compound refuses a lot reopen.
  await supervisor.goto(`/lots/${fx.lastLot.id}`);
  await supervisor.getByLabel("原因").fill("复查");
  await supervisor.getByRole("button", { name: "撤销验收" }).click();
  await expect(supervisor.getByText(/本小区已竣工验收合格/)).toBeVisible();
  await expect(supervisor.locator(".lot-status")).toHaveText("监理验收合格");

  // The public notice, without signing in: progress in plain words, no personal names.
  const visitor = await (
    await browser.newContext({ baseURL: test.info().project.use.baseURL })
  ).newPage();
  await visitor.goto("/gongshi/CX");
  await expect(
    visitor.getByRole("heading", { name: "城西老旧小区（验收演练） 改造公示" }),
  ).toBeVisible();
  await expect(visitor.locator("main")).toContainText("验收合格");
  await expect(visitor.locator("main")).toContainText("共 8 个检验批，已验收合格 8 个");
  const publicText = (await visitor.locator("main").textContent()) ?? "";
  for (const username of SIGNERS_AND_STATION) expect(publicText).not.toContain(name(username));
});

/** Draws until the hydrated pad holds ink, fills the signing password and submits. */
async function signLadder(page: Page, button: string) {
  const ink = page.locator("input[name=signature]");
  await expect(async () => {
    await draw(page);
    await expect(ink).toHaveValue(/^data:image\/png;base64,/, { timeout: 500 });
  }).toPass();
  await page.getByLabel("签字密码（登录密码）").fill("yanshou2021");
  await page.getByRole("button", { name: button }).click();
}

// Words of shared components outside this area not yet in a catalogue (the breadcrumb's label);
// the shell's top bar (sync indicator, the user's name and organisation) is checked by its owner.
const SHARED_UNCONVERTED = [/^nav\[aria-label\]: 位置$/];

test("the compound, its plan and its acceptance page read wholly in English or in Chinese", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const baseURL = test.info().project.use.baseURL ?? "";
  const page = await as(browser, "xiangmu");
  const links = await compoundLinks(page);
  const compound = links["城西老旧小区（验收演练）"] ?? Object.values(links)[0] ?? "";
  expect(compound).toMatch(/^\/compounds\//);
  const pages = [compound, `${compound}/plan`, `${compound}/acceptance`];
  const foreign = async (lng: "en" | "zh-CN") => {
    await page.evaluate(() => document.querySelector("header.topbar")?.remove());
    return (await foreignText(page, lng)).filter(
      (line) => !SHARED_UNCONVERTED.some((r) => r.test(line)),
    );
  };

  for (const url of pages) {
    await page.goto(url);
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
    expect(await foreign("zh-CN"), url).toEqual([]);
  }

  await setLanguage(page.context(), baseURL, "en");
  for (const [url, name] of pages.map((u, i) => [u, ["compound", "plan", "acceptance"][i]])) {
    await page.goto(url ?? "");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    expect(await foreign("en"), url).toEqual([]);
    for (const [w, h] of [
      [1024, 768],
      [768, 1024],
    ] as const) {
      await page.setViewportSize({ width: w, height: h });
      await page.screenshot({ path: `.tmp/pw/en-${name}-${w}.png`, fullPage: true });
    }
  }
  await expect(
    page.getByRole("heading", { name: "Completion acceptance of the unit project" }),
  ).toBeVisible();
});
