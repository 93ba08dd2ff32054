import { execFileSync } from "node:child_process";
import path from "node:path";
import { type Browser, expect, type Page, test } from "@playwright/test";
import { DEMO_PASSWORD } from "../../prisma/seed/demo-data";
import type { Lng } from "./language";
import { expectPageLanguage, foreignText, setLanguage } from "./language";
import { signIn } from "./support";

const DATA = `.tmp/e2e-${process.env.E2E_PORT ?? 3100}`;

/** Two accepted 14 跑 wiring lots with a photo each for 标段二, made through the modules. */
function acceptedLots(): string[] {
  const out = execFileSync(
    path.resolve("node_modules/.bin/tsx"),
    ["tests/e2e/fixtures/funds-ready.ts"],
    {
      env: {
        ...process.env,
        DATABASE_PATH: path.resolve(DATA, "yanshou.db"),
        UPLOADS_DIR: path.resolve(DATA, "uploads"),
      },
      encoding: "utf8",
    },
  );
  return (JSON.parse(out.trim().split("\n").at(-1) ?? "{}") as { lots: string[] }).lots;
}

async function as(browser: Browser, username: string): Promise<Page> {
  const context = await browser.newContext({
    baseURL: test.info().project.use.baseURL,
    viewport: { width: 1024, height: 768 },
  });
  const page = await context.newPage();
  await signIn(page, username);
  return page;
}

// The language test reads the payment the flow above made.
test.describe.configure({ mode: "serial" });

async function openPayment(page: Page, number: string) {
  await page.goto("/funds");
  await page.getByRole("link", { name: /标段二/ }).click();
  await page.getByRole("link", { name: number }).click();
  await expect(page.getByRole("heading", { name: `计量支付 ${number}` })).toBeVisible();
}

test("计量支付: contractor applies, supervisor certifies with a reduction, owner approves, finance pays, auditor traces to the lot", async ({
  browser,
}) => {
  test.setTimeout(150_000);
  const lots = acceptedLots();

  // 施工单位: an over-claim is refused with its gap; a covered one goes through.
  const contractor = await as(browser, "shigong2");
  await contractor.goto("/funds");
  await expect(contractor.getByRole("link", { name: /标段一/ })).toHaveCount(0);
  await contractor.getByRole("link", { name: /标段二/ }).click();
  const wiring = contractor.getByLabel("010101 本期申报");
  await wiring.fill("30");
  await contractor.getByLabel("计量期间").fill("2021年7月");
  await contractor.getByLabel("密码（签字确认）").fill(DEMO_PASSWORD);
  await contractor.getByRole("button", { name: "提交计量支付申请" }).click();
  const gaps = contractor.getByTestId("fund-gaps");
  await expect(gaps).toContainText("010101");
  await expect(gaps.getByRole("row").nth(1)).toContainText("28"); // available
  await expect(gaps.getByRole("row").nth(1)).toContainText("2"); // gap
  await contractor.getByLabel("010101 本期申报").fill("28");
  await contractor.getByLabel("计量期间").fill("2021年7月");
  await contractor.getByLabel("密码（签字确认）").fill(DEMO_PASSWORD);
  await contractor.getByRole("button", { name: "提交计量支付申请" }).click();
  await expect(contractor.getByRole("heading", { name: "计量支付 WZB-JL-001" })).toBeVisible();
  await contractor.screenshot({ path: ".tmp/playwright/funds-applied.png", fullPage: true });

  // 监理: reduces the quantity to 21 跑 and signs.
  const supervisor = await as(browser, "jianli");
  await openPayment(supervisor, "WZB-JL-001");
  await supervisor.getByLabel("010101 审核量").fill("21");
  await supervisor.getByLabel("审核意见").fill("2单元末跑线槽未完，核减");
  await supervisor.getByLabel("密码（签字确认）").fill(DEMO_PASSWORD);
  await supervisor.getByRole("button", { name: "审核签认" }).click();
  await expect(supervisor.getByText("已审核签认")).toBeVisible();
  // 21 跑 × ¥1,650 = ¥34,650; 3% retention ¥1,039.50; net ¥33,610.50
  await expect(supervisor.getByTestId("net")).toHaveText("33,610.50");
  await expect(supervisor.getByTestId("line-010101")).toContainText("（核减）");

  // 建设单位 approves; 财政局 records the payment.
  const owner = await as(browser, "jianshe");
  await openPayment(owner, "WZB-JL-001");
  await owner.getByLabel("密码（签字确认）").fill(DEMO_PASSWORD);
  await owner.getByRole("button", { name: "审批签字" }).click();
  await expect(owner.getByText("已审批，等待财政局支付")).toBeVisible();

  const finance = await as(browser, "caizheng");
  await openPayment(finance, "WZB-JL-001");
  const pay = finance.locator("form", { has: finance.getByRole("button", { name: "登记支付" }) });
  await pay.getByLabel("资金来源").selectOption("central");
  await pay.getByLabel("支付凭证号").fill("DJCZ-E2E-0001");
  await pay.getByLabel("密码（签字确认）").fill(DEMO_PASSWORD);
  await pay.getByRole("button", { name: "登记支付" }).click();
  await expect(finance.getByText("已登记支付")).toBeVisible();
  await expect(finance.getByText(/凭证号 DJCZ-E2E-0001/)).toBeVisible();

  // 审计局: read-only; traces the payment item to its lot record and photos.
  const auditor = await as(browser, "shenji");
  await openPayment(auditor, "WZB-JL-001");
  await expect(auditor.getByRole("button", { name: /签字|签认|冲正/ })).toHaveCount(0);
  await expect(auditor.getByTestId("signatures").getByRole("row")).toHaveCount(5);
  const line = auditor.getByTestId("line-010101");
  await expect(line).toContainText("照片 1 张");
  await auditor.screenshot({ path: ".tmp/playwright/funds-traced.png", fullPage: true });
  await line.getByRole("link", { name: lots[0]! }).click();
  await expect(auditor.getByText(`检验批 ${lots[0]!}`)).toBeVisible();
  await expect(auditor.locator("img[src*='/photos/']").first()).toBeVisible();
  await auditor.goto("/funds/variance");
  await expect(auditor.getByTestId("variance")).toContainText("标段二");
  await auditor.goto("/audit");
  await auditor.getByRole("button", { name: "校验操作记录链和签认记录" }).click();
  await expect(auditor.getByText(/业务记录与操作记录一致/)).toBeVisible({ timeout: 30_000 });
});

test("the funds pages read in English and in Chinese", async ({ browser, baseURL }) => {
  test.setTimeout(90_000);
  const context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
  const page = await context.newPage();
  await signIn(page, "shenji");
  const heading = (name: string | RegExp) => page.getByRole("heading", { name, level: 1 });
  // Index, a contract, a payment and the variance report, as an auditor sees them.
  const visit = async (lng: Lng, shoot: boolean) => {
    await setLanguage(context, baseURL!, lng);
    const en = lng === "en";
    const check = async (name: string, titleQuotes?: string) => {
      if (titleQuotes && !en) {
        // The tab title quotes the application number (WZB-JL-001), data a title cannot mark.
        await page.locator(".topbar, .crumbs").evaluateAll((els) => {
          for (const e of els) e.setAttribute("translate", "no");
        });
        await expect(page.locator("html")).toHaveAttribute("lang", lng);
        const found = await foreignText(page, lng);
        expect(found.filter((f) => !f.startsWith(`title: ${titleQuotes} in`))).toEqual([]);
      } else await expectPageLanguage(page, lng);
      if (!shoot) return;
      await page.setViewportSize({ width: 1024, height: 768 });
      await page.screenshot({ path: `.tmp/screens/funds-${name}-en-1024x768.png`, fullPage: true });
      await page.setViewportSize({ width: 768, height: 1024 });
      await page.screenshot({ path: `.tmp/screens/funds-${name}-en-768x1024.png`, fullPage: true });
      await page.setViewportSize({ width: 1024, height: 768 });
    };
    await page.goto("/funds");
    await expect(heading(en ? "Funds supervision" : "资金监管")).toBeVisible();
    await expect(page.getByTestId("budget-table")).toContainText(
      en ? "Central government subsidy" : "中央补助资金",
    );
    await check("index");
    await page.getByRole("link", { name: /标段二/ }).click();
    await expect(page.getByTestId("bill")).toContainText("010101");
    await expect(
      page.getByRole("heading", { name: en ? /^Bill of quantities/ : /^工程量清单/ }),
    ).toBeVisible();
    await check("contract");
    await page.getByRole("link", { name: "WZB-JL-001" }).click();
    await expect(heading(en ? "Progress payment WZB-JL-001" : "计量支付 WZB-JL-001")).toBeVisible();
    await expect(page.getByTestId("line-010101")).toContainText(en ? "1 photo" : "照片 1 张");
    await check("payment", "WZB-JL-");
    await page.goto("/funds/variance");
    await expect(heading(en ? /^Variance/ : /^差异报表/)).toBeVisible();
    await check("variance");
  };
  await visit("en", true);
  await visit("zh-CN", false);
  await context.close();
});
