import { expect, type Locator, type Page } from "@playwright/test";

/** Shared steps for specs that open and fill inspection lots. */
/** Opens a new lot of `workType` at stairwell `unit` of `building` in 县农行老旧小区, as the signed-in user. */
export async function openLot(page: Page, building: string, unit: string, workType: string) {
  await page.goto("/");
  await page
    .locator(".card-grid")
    .getByRole("link", { name: /县农行老旧小区/ })
    .click();
  await page.getByRole("link", { name: new RegExp(`^${building}`) }).click();
  await expect(page.getByRole("heading", { name: `县农行老旧小区 ${building}` })).toBeVisible();
  await page
    .locator(".card-grid")
    .getByRole("link", { name: new RegExp(unit) })
    .click();
  await expect(
    page.getByRole("heading", { name: `县农行老旧小区 ${building} ${unit}` }),
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
  if (min !== null && max !== null) return (Number(min) + Number(max)) / 2;
  if (min !== null) return Number(min) + 0.01;
  return Number(max) - 0.01;
}

export async function addPoint(card: Locator, value: number) {
  const before = await card.locator(".point").count();
  await card.getByLabel(/实测值$/).fill(String(value));
  await card.getByRole("button", { name: "添加实测点" }).click();
  await expect(card.locator(".point")).toHaveCount(before + 1);
}

/** Fills every item: numeric items with enough good points (except `tooLow`), the rest 合格. */
export async function fillChecklist(page: Page, tooLow: { code: string; value: number }) {
  const cards = page.locator(".lot-item");
  const count = await cards.count();
  for (let i = 0; i < count; i++) {
    const card = cards.nth(i);
    const code = (await card.getAttribute("data-code")) ?? "";
    const required = await card.getAttribute("data-required");
    const judged =
      (await card.getAttribute("data-min")) !== null ||
      (await card.getAttribute("data-max")) !== null;
    if (required === null || !judged || (await card.getAttribute("data-quantity")) !== "absolute") {
      if ((await card.getAttribute("data-quantity")) === "deviationFromDesign") {
        await card.getByLabel(/设计值$/).fill("0");
        await card.getByLabel(/设计值$/).blur();
        for (let k = 0; k < Number(required ?? 1); k++) await addPoint(card, await goodValue(card));
        continue;
      }
      await card.getByRole("button", { name: "合格", exact: true }).click();
      continue;
    }
    const n = Number(required);
    for (let k = 0; k < n; k++) {
      await addPoint(card, code === tooLow.code && k === 0 ? tooLow.value : await goodValue(card));
    }
  }
}

export async function waitSaved(page: Page) {
  await expect(page.locator(".save-state:not(.save-saved)")).toHaveCount(0);
}
