import { expect, type Locator, type Page, test } from "@playwright/test";
import { waitSaved } from "./lot-steps";
import { compoundLinks, expectTouchTargets, signIn } from "./support";

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
}) => {
  await signIn(page, "jianli");
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

test("contractor: sign-in to the defect due soonest in 1 tap", async ({ page, browser }) => {
  const supervisor = await browser.newPage();
  await signIn(supervisor, "jianli");
  const nh = (await compoundLinks(supervisor)).县农行老旧小区 ?? "";
  await standaloneDefect(supervisor, nh, "6栋1单元 扶手松动（期限晚）", chinaDay(20));
  await standaloneDefect(supervisor, nh, "6栋1单元 栏杆缺失（期限早）", chinaDay(-40));
  await supervisor.close();

  await signIn(page, "shigong1");
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
}) => {
  for (const who of ["jianli", "shigong1", "zhujianju", "jianshe"]) {
    const page = await browser.newPage({ hasTouch: true });
    await signIn(page, who);
    await expect(page.getByRole("heading", { name: /今天的工作/ })).toBeVisible();
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await expectTouchTargets(page);
      await page.screenshot({
        path: `.tmp/screens/home-${who}-${size.width}x${size.height}.png`,
        fullPage: true,
      });
    }
    await page.close();
  }
});
