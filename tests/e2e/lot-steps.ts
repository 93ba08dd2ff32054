import { expect, type Locator, type Page } from "@playwright/test";
import { hydrated } from "./support";

/** Shared steps for specs that open and fill inspection lots. */
/**
 * Opens a new lot of `workType` at stairwell `unit` of `building` in `compound` (by default the
 * demo 县农行老旧小区; a spec's own compound by its name), as the signed-in user.
 */
export async function openLot(
  page: Page,
  building: string,
  unit: string,
  workType: string,
  compound = "县农行老旧小区",
) {
  await page.goto("/");
  await page.locator(".card-grid").getByRole("link", { name: compound }).click();
  await page.locator("a.building-name", { hasText: new RegExp(`^${building}`) }).click();
  await expect(page.getByRole("heading", { name: `${compound} ${building}` })).toBeVisible();
  await page
    .locator(".card-grid")
    .getByRole("link", { name: new RegExp(unit) })
    .click();
  await expect(
    page.getByRole("heading", { name: `${compound} ${building} ${unit}` }),
  ).toBeVisible();
  await page
    .locator(".place-work-type", { hasText: workType })
    .getByRole("link", { name: "新建检验批" })
    .click();
  await page.getByRole("button", { name: "新建并开始检查" }).click();
  await expect(page.getByRole("heading", { name: new RegExp(workType) })).toBeVisible();
  return page.url();
}

/** A value inside the item's limits, read from the card as a person reads the judging rule. */
export async function goodValue(card: Locator): Promise<number> {
  const min = await card.getAttribute("data-min");
  const max = await card.getAttribute("data-max");
  // Rounded as a person types it (0.1 - 0.01 is 0.09000000000000001 in floating point).
  const round = (v: number) => Number(v.toFixed(3));
  if (min !== null && max !== null) return round((Number(min) + Number(max)) / 2);
  if (min !== null) return round(Number(min) + 0.01);
  return round(Number(max) - 0.01);
}

export async function addPoint(card: Locator, value: number) {
  const before = await card.locator(".point").count();
  await card.getByLabel(/实测值$/).fill(String(value));
  await card.getByRole("button", { name: "添加实测点" }).click();
  await expect(card.locator(".point")).toHaveCount(before + 1);
}

/** Records 检验批容量 (one of each unit the items count) and the lot's own attributes. */
export async function fillPlace(page: Page) {
  // The place form sits in the lower panels, which a client navigation (a new lot) renders only
  // once their code is here (decision 0036); their history list comes with them.
  await expect(page.locator("ol.history")).toBeAttached();
  const form = page.locator(".place-form");
  if ((await form.count()) === 0) return;
  for (const input of await form.locator("input[name^='q.']").all()) await input.fill("1");
  for (const input of await form.locator("input[name^='a.']").all()) await input.fill("0");
  for (const select of await form.locator("select").all()) await select.selectOption({ index: 1 });
  await form.getByRole("button", { name: "保存容量与属性" }).click();
  await expect(page.getByText("已保存容量与属性")).toBeVisible();
}

/** Fills every item: judged items with enough good points (except `tooLow`), the rest 合格. */
export async function fillChecklist(page: Page, tooLow: { code: string; value: number }) {
  await fillPlace(page);
  const cards = page.locator(".lot-item");
  const count = await cards.count();
  for (let i = 0; i < count; i++) {
    const card = cards.nth(i);
    const code = (await card.getAttribute("data-code")) ?? "";
    const comparison = await card.getAttribute("data-comparison");
    const n = Number((await card.getAttribute("data-required")) ?? 1);
    if (comparison === null) {
      await card.getByRole("button", { name: "合格", exact: true }).click();
      continue;
    }
    if (comparison === "design") {
      const lo = Number(await card.getAttribute("data-entry-min"));
      const hi = Number(await card.getAttribute("data-entry-max"));
      const design = Math.round((lo + hi) / 2);
      await card.getByLabel(/ 设计值$/).fill(String(design));
      await card.getByLabel(/ 设计值$/).blur();
      for (let k = 0; k < n; k++) await addPoint(card, design);
      continue;
    }
    for (let k = 0; k < n; k++) {
      await addPoint(card, code === tooLow.code && k === 0 ? tooLow.value : await goodValue(card));
    }
  }
}

export async function waitSaved(page: Page) {
  await expect(page.locator(".save-state:not(.save-saved)")).toHaveCount(0);
}

/** Draws a signature on the pad until the hydrated pad holds ink. */
export async function drawSignature(page: Page) {
  const canvas = page.getByLabel("签字框");
  const ink = page.locator("input[name=signature]");
  await expect(async () => {
    await canvas.scrollIntoViewIfNeeded();
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
}

/**
 * 提交施工自检 or 验收签认 as a signer does it: open the signing step, keep or edit the
 * conclusion, name the 专业工长 (施工自检), draw, re-enter the password, confirm.
 */
export async function signLotStep(
  page: Page,
  step: "提交施工自检" | "验收签认",
  options: { conclusion?: string; foreman?: string; password?: string } = {},
) {
  // The signing step opens only with the page's code: a tap before the page is hydrated does
  // nothing (after it, a tap while the panel's own code loads is held, decision 0036).
  await hydrated(page);
  await page.getByRole("button", { name: step }).click();
  const form = page.locator(".lot-sign-form");
  await expect(form).toBeVisible();
  if (options.conclusion !== undefined)
    await form
      .getByLabel(step === "验收签认" ? "监理单位验收结论" : "施工单位检查结果")
      .fill(options.conclusion);
  if (step === "提交施工自检") await form.getByLabel("专业工长").fill(options.foreman ?? "李德明");
  await drawSignature(page);
  await form.getByLabel("密码").fill(options.password ?? "yanshou2021");
  await form.getByLabel(/我已核对本检验批记录/).check();
  await form.getByRole("button", { name: "确认签字" }).click();
}

/** Corrects point `n` (1-based) to `value`: the old value stays, struck through. */
export async function correctPoint(card: Locator, n: number, value: number) {
  const before = await card.locator(".point").count();
  await card.getByRole("button", { name: `更正第 ${n} 点` }).click();
  await card.getByLabel(/实测值$/).fill(String(value));
  await card.getByRole("button", { name: "保存更正" }).click();
  await expect(
    card
      .locator(".point")
      .nth(n - 1)
      .locator("s.point-was"),
  ).toHaveCount(1);
  await expect(card.locator(".point")).toHaveCount(before);
}
