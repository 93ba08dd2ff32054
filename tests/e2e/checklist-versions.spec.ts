import type { Page } from "@playwright/test";
import { expect, nameOf, openAs, test } from "./fixtures";
import { foreignText, setLanguage } from "./language";
import { expectTouchTargets } from "./support";

// The spec's own administrator and contractor (fixtures.ts), signed in by session.
test.use({ worldRoles: ["admin", "contractor"] });

// The e2e server's database is shared by all spec files: this file edits SR-M5 of stair-railing
// (foundation.spec.ts relies on SR-M7) and adds/removes items only in illegal-structure-demolition.
// Version numbers are read from the page, so a second run on the same database still passes.

async function currentVersion(page: Page, code: string): Promise<number> {
  await page.goto(`/work-types/${code}`);
  const text = await page.locator(".version-bar > span").first().textContent();
  const version = Number(/第 (\d+) 版/.exec(text ?? "")?.[1]);
  expect(version).toBeGreaterThan(0);
  return version;
}

test("an administrator publishes a new checklist version; the old one stays readable", async ({
  page,
  world,
}) => {
  await openAs(page, world, "admin");
  await page.getByRole("link", { name: "检查表库" }).click();
  await page.getByRole("link", { name: /楼梯栏杆、扶手维修加固/ }).click();
  await expect(page.getByRole("heading", { name: "楼梯栏杆、扶手维修加固" })).toBeVisible();
  const base = await currentVersion(page, "stair-railing");

  await page.getByRole("link", { name: "编辑并发布新版本" }).click();
  await expect(page).toHaveURL(/\/work-types\/stair-railing\/edit$/);
  await expect(page.getByRole("heading", { name: /编辑检查表：楼梯栏杆/ })).toBeVisible();
  await expectTouchTargets(page);

  const m5 = page.locator("[data-code='SR-M5']");
  await m5.locator("summary").click();
  const min = m5.getByLabel("下限");
  await expect(min).toHaveAttribute("inputmode", "decimal");
  const oldMin = await min.inputValue();
  const newMin = oldMin === "0.92" ? "0.9" : "0.92";
  await expectTouchTargets(page);

  // Invalid: no change note. Nothing is published, the typed values stay.
  await min.fill(newMin);
  await m5.getByLabel("允许偏差/限值（文字）").fill(`≥${newMin} m（自踏步前缘线量起）`);
  const publish = page.getByRole("button", { name: `发布第 ${base + 1} 版` });
  await publish.click();
  await expect(page.getByRole("alert")).toContainText("未发布新版本");
  await expect(page.getByText("请填写修改说明")).toBeVisible();
  await expect(page.getByLabel("修改说明（必填，记入版本记录）")).toHaveAttribute(
    "aria-invalid",
    "true",
  );
  await expect(publish).toBeVisible();
  await expect(m5.getByLabel("下限")).toHaveValue(newMin);

  // A lower limit above the upper one is refused next to the field.
  await m5.getByLabel("上限").fill("0.5");
  await page.getByLabel("修改说明（必填，记入版本记录）").fill("SR-M5 扶手高度下限按设计变更调整");
  await publish.click();
  await expect(m5.getByText("下限不能大于上限")).toBeVisible();
  await m5.getByLabel("上限").fill("");

  await publish.click();
  await expect(page).toHaveURL(new RegExp(`/work-types/stair-railing\\?v=${base + 1}$`));
  const bar = page.locator(".version-bar");
  await expect(bar).toContainText(`第 ${base + 1} 版`);
  await expect(bar).toContainText("SR-M5 扶手高度下限按设计变更调整");
  await expect(bar).toContainText(nameOf(world, "admin"));
  await expect(bar.getByText("历史版本")).toHaveCount(0);
  const item = page.locator("[data-code='SR-M5']");
  await expect(item).toContainText(`≥ ${newMin} m`);
  await expect(item).toContainText(`≥${newMin} m（自踏步前缘线量起）`);
  await expect(page.locator("[data-code='SR-M7']")).toContainText("≥ 1.05 m");

  await bar.getByRole("link", { name: `第 ${base} 版`, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`\\?v=${base}$`));
  await expect(bar.getByText("历史版本")).toBeVisible();
  await expect(page.locator("[data-code='SR-M5']")).toContainText(`≥ ${oldMin} m`);
  expect(await currentVersion(page, "stair-railing")).toBe(base + 1);
});

test("an administrator adds, removes and reorders items", async ({ page, world }) => {
  await openAs(page, world, "admin");
  const base = await currentVersion(page, "illegal-structure-demolition");
  const mainCodes = await page
    .locator(".item-main")
    .evaluateAll((els) => els.map((e) => e.getAttribute("data-code")));
  const generalCodes = await page
    .locator(".item-general")
    .evaluateAll((els) => els.map((e) => e.getAttribute("data-code")));
  const removedCode = generalCodes.at(-1)!;
  await page.goto("/work-types/illegal-structure-demolition/edit");

  await page
    .locator(`[data-code='${mainCodes[1]}']`)
    .getByRole("button", { name: /^上移/ })
    .click();
  await page.locator(`[data-code='${removedCode}']`).getByRole("button", { name: /^删除/ }).click();
  await expect(page.locator(".edit-removed")).toContainText(`已删除 ${removedCode}`);

  await page.getByRole("button", { name: "＋ 新增一般项目" }).click();
  const added = page.locator(".edit-item:not([data-code])");
  await expect(added).toHaveCount(1);
  const provisional = /发布后编号 (\S+)/.exec((await added.locator("summary").textContent()) ?? "");
  const newCode = provisional?.[1] ?? "";
  expect(newCode).toMatch(/^DM-G\d+$/);
  await expect(added.getByLabel("检查内容")).toBeFocused();
  await expectTouchTargets(page);

  // The new item needs its text, sample plan and source.
  await page
    .getByLabel("修改说明（必填，记入版本记录）")
    .fill("增加拆除后场地清理检查，删除重复项");
  await page.getByRole("button", { name: `发布第 ${base + 1} 版` }).click();
  await expect(page.getByRole("alert")).toContainText("有 3 处需要修改");
  const retry = page.locator(".edit-item:not([data-code])");
  await expect(retry.getByText("请填写依据的规范条文")).toBeVisible();
  await retry.getByLabel("检查内容").fill("拆除后场地平整，建筑垃圾当日清运，无扬尘。");
  await retry.getByLabel("检查数量").fill("全数检查");
  await retry
    .getByLabel("依据（规范及条文）")
    .fill("GB 50720-2011 建设工程施工现场消防安全技术规范");
  await page.getByRole("button", { name: `发布第 ${base + 1} 版` }).click();

  await expect(page).toHaveURL(new RegExp(`\\?v=${base + 1}$`));
  await expect(page.locator(".item-main").first()).toHaveAttribute("data-code", mainCodes[1]!);
  await expect(page.locator(`[data-code='${removedCode}']`)).toHaveCount(0);
  await expect(page.locator(`[data-code='${newCode}']`)).toContainText("建筑垃圾当日清运");
  await expect(page.locator(`[data-code='${newCode}']`)).toContainText("未核实");
  await expect(page.locator(".item-general")).toHaveCount(generalCodes.length);
});

test("a contractor may not edit checklists", async ({ page, world }) => {
  await openAs(page, world, "contractor");
  const response = await page.goto("/work-types/stair-railing/edit");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "无权访问" })).toBeVisible();
  await expect(page.getByText("发布检查表新版本")).toBeVisible();

  const before = await currentVersion(page, "stair-railing");
  await expect(page.getByRole("heading", { name: "楼梯栏杆、扶手维修加固" })).toBeVisible();
  await expect(page.getByRole("link", { name: "编辑并发布新版本" })).toHaveCount(0);

  const posted = await page.request.post("/work-types/stair-railing/edit", {
    // A browser names its origin on every POST; the server refuses a POST that does not.
    headers: { Origin: new URL(page.url()).origin },
    form: {
      basedOnVersion: String(before),
      changeNote: "施工单位试图修改",
      "items.0.kind": "main",
      "items.0.textZh": "x",
      "items.0.method": "observe",
      "items.0.samplePlan": "x",
      "items.0.source": "x",
    },
  });
  expect(posted.status()).toBe(403);
  expect(await currentVersion(page, "stair-railing")).toBe(before);
});

test("the checklist library, a checklist and its editor read in English and in Chinese", async ({
  page,
  context,
  baseURL,
  world,
}) => {
  await openAs(page, world, "admin");
  const pages = ["/work-types", "/work-types/stair-railing", "/work-types/stair-railing/edit"];
  // This area's words are the page's <main>; the shell (user, sync state) and the shared page
  // header's crumbs label belong to other areas and are checked there.
  const own = async (lng: "en" | "zh-CN") => {
    await page.evaluate(() => {
      const main = document.querySelector("main");
      for (const el of document.body.querySelectorAll("*"))
        if (main && !main.contains(el) && !el.contains(main)) el.setAttribute("translate", "no");
    });
    // Item codes (SR-M5) are data named in labels ("上移 SR-M5").
    return (await foreignText(page, lng)).filter(
      (line) => !line.startsWith("nav[aria-label]") && !/: [A-Z]{2}-[MG] in/.test(line),
    );
  };
  await setLanguage(context, baseURL!, "en");
  for (const path of pages) {
    await page.goto(path);
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    expect(await own("en"), path).toEqual([]);
    for (const [w, h] of [
      [1024, 768],
      [768, 1024],
    ] as const) {
      await page.setViewportSize({ width: w, height: h });
      const name = path.replaceAll("/", "_");
      await page.screenshot({ path: `test-results/checklist-en${name}-${w}x${h}.png` });
    }
  }
  // A refusal in English: the message beside its field, the field marked invalid.
  await page.goto("/work-types/stair-railing/edit");
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.getByRole("button", { name: /^Publish/ }).click();
  const note = page.locator("textarea[name='changeNote']");
  await expect(note).toHaveAttribute("aria-invalid", "true");
  const described = await note.getAttribute("aria-describedby");
  await expect(page.locator(`[id='${described}']`)).toBeVisible();
  expect(await own("en")).toEqual([]);
  await page.screenshot({ path: "test-results/checklist-en-edit-error-1024x768.png" });
  // A refusal only the server can make (nothing changed) comes back above the form.
  await note.fill("No change");
  await page.getByRole("button", { name: /^Publish/ }).click();
  await expect(page.getByRole("alert")).toContainText("Nothing changed");
  expect(await own("en")).toEqual([]);

  // English names where the data has them; checklist text as written.
  await page.goto("/work-types/stair-railing");
  await expect(page.locator(".item[data-code='SR-M7'] .item-text")).not.toContainText(/[一-龥]/);
  await expect(page.getByText("Main control items", { exact: false }).first()).toBeVisible();

  await setLanguage(context, baseURL!, "zh-CN");
  for (const path of pages) {
    await page.goto(path);
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
    expect(await own("zh-CN"), path).toEqual([]);
  }
});
