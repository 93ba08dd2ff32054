import { expect, test } from "@playwright/test";
import { addPoint, fillChecklist, openLot, waitSaved } from "./lot-steps";
import { signIn } from "./support";

test("railings lot in a 7-storey building: 1.08 m fails against 1.10 m (GB 50096 §6.1.3), accepted after re-measuring 1.12 m", async ({
  browser,
}) => {
  test.setTimeout(150_000);
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
  await contractor.getByRole("button", { name: "提交施工自检" }).click();
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

  // The supervisor re-measures the low railing after the contractor fixed it.
  await sm7.getByRole("button", { name: "删除第 1 点" }).click();
  await addPoint(sm7, 1.12);
  await expect(sm7).toHaveAttribute("data-status", "pass");
  await expect(supervisor.locator(".verdict-status")).toHaveText("合格");
  await waitSaved(supervisor);
  await supervisor.getByRole("button", { name: "验收签认" }).click();
  await expect(supervisor.locator(".lot-status")).toHaveText("监理验收合格");
  await expect(supervisor.getByText("本检验批已验收签认，记录只读。")).toBeVisible();
  await expect(
    supervisor.getByRole("button", { name: "合格", exact: true }).first(),
  ).toBeDisabled();
  await expect(supervisor.locator(".history")).toContainText("监理验收签认");
  await expect(supervisor.locator(".history")).toContainText("提交施工自检");

  await supervisor.getByRole("link", { name: "验收记录表" }).click();
  await expect(supervisor.getByRole("heading", { name: "检验批质量验收记录" })).toBeVisible();
  await expect(supervisor.locator("tr[data-code='SR-M7']")).toContainText("1.12");
  await expect(supervisor.locator("tr[data-code='SR-M7']")).toContainText("合格");
  await expect(supervisor.locator(".record-sign")).toContainText("专业监理工程师：田志刚");
  await expect(supervisor.locator(".record-sign")).toContainText("项目专业质量检查员：张建国");
  await expect(supervisor.locator(".record-head")).toContainText("县农行老旧小区");

  // Another contractor cannot open the lot, even with its address.
  const other = await browser.newPage();
  await signIn(other, "shigong2");
  const response = await other.goto(lotUrl);
  expect(response?.status()).toBe(404);
});

test("an entry typed and followed at once by a reload is still there", async ({ page }) => {
  await signIn(page, "shigong1");
  await openLot(page, "4栋", "1单元", "楼梯栏杆、扶手维修加固");
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

test("the supervisor rejects with a reason; without one nothing changes", async ({ browser }) => {
  const contractor = await browser.newPage();
  await signIn(contractor, "shigong1");
  const lotUrl = await openLot(contractor, "5栋", "1单元", "楼道声控灯");
  await contractor.getByRole("button", { name: "提交施工自检" }).click();
  await expect(contractor.locator(".lot-status")).toHaveText("施工自检已提交");

  const supervisor = await browser.newPage();
  await signIn(supervisor, "jianli");
  await supervisor.goto(lotUrl);
  await supervisor.getByRole("button", { name: "退回" }).click();
  await expect(supervisor.getByRole("alert")).toHaveText("退回必须填写原因");
  await expect(supervisor.locator(".lot-status")).toHaveText("施工自检已提交");
  await supervisor.getByLabel("原因").fill("检查记录未填写，请补充后重新提交");
  await supervisor.getByRole("button", { name: "退回" }).click();
  await expect(supervisor.locator(".lot-status")).toHaveText("监理退回");

  await contractor.goto(lotUrl);
  await expect(
    contractor.getByText("监理退回原因：检查记录未填写，请补充后重新提交"),
  ).toBeVisible();
  await expect(contractor.getByRole("button", { name: "提交施工自检" })).toBeVisible();
});
