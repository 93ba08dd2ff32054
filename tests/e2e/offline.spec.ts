import { cameraJpeg } from "../support/images";
import { expect, inEachLanguage, pageAs, test } from "./fixtures";
import { expectPageLanguage } from "./language";
import { addPoint, fillChecklist, openLot, signLotStep, waitSaved } from "./lot-steps";
import { arrived, controlled, newLot, stored, tablet } from "./offline-steps";
import { choosePhotos, hydrated, signIn } from "./support";

// The spec's own compound, its contractor and a supervisor (fixtures.ts), signed in by session.
test.use({
  worldRoles: ["contractor", "supervisor", "bureau"],
  worldSetup: { password: true },
});

test("without JavaScript an item's result, a point and a note are recorded by plain form posts", async ({
  browser,
  world,
}) => {
  const { setup, url: lotUrl } = await newLot(browser, world, "1栋", "1单元");
  await setup.close();

  const { context, page } = await tablet(browser, world, "contractor", {
    javaScriptEnabled: false,
  });
  await page.goto(lotUrl);
  const card = page.locator("[data-code='SR-M5']");
  await card.getByLabel("SR-M5 实测值").fill("0.95");
  await card.getByRole("button", { name: "添加实测点" }).click();
  await expect(page.getByRole("status")).toHaveText("已保存检查记录");
  await expect(card.locator(".point")).toHaveText([/1\. 0\.95 m/]);

  await card.getByLabel("SR-M5 实测值").fill("1,02");
  await card.getByLabel("SR-M5 检查记录").fill("二层扶手已加固");
  await card.getByRole("button", { name: "添加实测点" }).click();
  await expect(card.locator(".point")).toHaveText([/1\. 0\.95 m/, /2\. 1\.02 m/]);
  await expect(card.getByLabel("SR-M5 检查记录")).toHaveValue("二层扶手已加固");

  const other = page.locator(".lot-item:not([data-comparison])").first();
  const code = await other.getAttribute("data-code");
  await other.getByRole("button", { name: "合格", exact: true }).click();
  await expect(page.locator(`[data-code='${code}']`)).toHaveAttribute("data-status", "pass");

  // A value that is not a number: refused with the reason, nothing changes.
  await card.getByLabel("SR-M5 实测值").fill("abc");
  await card.getByRole("button", { name: "添加实测点" }).click();
  await expect(page.getByRole("alert").first()).toContainText("请输入数字");
  await expect(card.locator(".point")).toHaveCount(2);

  // 作废 keeps the point on record, struck through, and no longer judged (decision 0016).
  await card.getByRole("button", { name: "作废第 1 点" }).click();
  await expect(page.getByRole("status")).toHaveText("已保存检查记录");
  await expect(card.locator(".point")).toHaveText([/1\. 0\.95 m 已作废/, /2\. 1\.02 m/]);
  await expect(card.locator(".point").first().locator("s")).toHaveText("0.95 m");
  // …and the item's form keeps working after it (its history goes along with each post).
  await card.getByLabel("SR-M5 实测值").fill("1.04");
  await card.getByRole("button", { name: "添加实测点" }).click();
  await expect(page.getByRole("status")).toHaveText("已保存检查记录");
  await expect(card.locator(".point")).toHaveText([/已作废/, /2\. 1\.02 m/, /3\. 1\.04 m/]);

  // The page's other main form posts too: 资料与自检.
  await page.getByLabel("施工操作依据、质量验收记录齐全").check();
  await page.getByRole("button", { name: "保存资料情况" }).click();
  await expect(page.getByRole("status")).toHaveText("已保存");
  await expect(page.getByLabel("施工操作依据、质量验收记录齐全")).toBeChecked();
  await context.close();
});

test("installable: manifest and icons, a service worker precaching the app shell, opened pages readable offline", async ({
  browser,
  world,
}) => {
  const { context, page } = await tablet(browser, world, "supervisor");
  const manifestHref = await page.locator("link[rel='manifest']").getAttribute("href");
  const manifest = await (await page.request.get(manifestHref ?? "")).json();
  expect(manifest).toMatchObject({ short_name: "验收", display: "standalone", start_url: "/" });
  for (const icon of manifest.icons as { src: string; sizes: string }[]) {
    const response = await page.request.get(icon.src);
    expect(response.headers()["content-type"]).toBe("image/png");
  }
  const shell = await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    const keys = await caches.keys();
    const precache = await caches.open(keys.find((k) => k.includes("precache")) ?? "none");
    const urls = (await precache.keys()).map((r) => new URL(r.url).pathname);
    return { scope: registration.scope, urls };
  });
  expect(new URL(shell.scope).pathname).toBe("/");
  expect(
    shell.urls.filter((u) => u.startsWith("/assets/") && u.endsWith(".js")).length,
  ).toBeGreaterThan(10);
  expect(shell.urls).toContain("/offline.html");
  expect(shell.urls).not.toContain("/"); // no signed-in page in the precache

  await page.goto("/lots");
  await expect(page.getByRole("heading", { name: "检验批" }).first()).toBeVisible();
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole("heading", { name: "检验批" }).first()).toBeVisible();
  await page.goto("/notices");
  await expect(page.getByRole("heading", { name: "离线：此页面尚未在本机缓存" })).toBeVisible();
  await context.setOffline(false);
  await context.close();
});

test("offline, an opened page and the sync state speak the reader's language", async ({
  browser,
  world,
}) => {
  await inEachLanguage(browser, world, "supervisor", async (page, lng, context) => {
    await page.goto("/");
    await controlled(page);
    await page.goto("/lots");
    const heading = lng === "en" ? "Inspection lots" : "检验批";
    await expect(page.getByRole("heading", { name: heading }).first()).toBeVisible();
    await context.setOffline(true);
    await page.reload();
    await expect(page.getByRole("heading", { name: heading }).first()).toBeVisible();
    await expect(page.getByTestId("sync-indicator")).toContainText(
      lng === "en" ? "Offline" : "离线",
    );
    await expectPageLanguage(page, lng);
    if (lng === "en") await page.screenshot({ path: ".tmp/screens/offline-lots-en-1024x768.png" });
    await context.setOffline(false);
  });
});

test("offline on a lot: items, points and a note queue in the outbox, survive a reload, arrive once and in order", async ({
  browser,
  world,
}) => {
  test.setTimeout(120_000);
  const { setup, url: lotUrl } = await newLot(browser, world, "1栋", "2单元");
  const lotId = lotUrl.split("/").pop() ?? "";
  await setup.close();

  const { context, page } = await tablet(browser, world, "supervisor");
  await controlled(page);
  await page.goto(lotUrl);
  const indicator = page.getByTestId("sync-indicator");
  await expect(indicator.locator("summary")).toHaveText("已同步");

  await context.setOffline(true);
  await expect(indicator.locator("summary")).toHaveText("离线 · 已同步");
  const m5 = page.locator("[data-code='SR-M5']");
  const m7 = page.locator("[data-code='SR-M7']");
  for (const v of ["0.95", "1.02", "1.05"]) await addPoint(m5, Number(v));
  await m5.getByLabel("SR-M5 检查记录").fill("二层至三层扶手已更换");
  for (const v of ["1.12", "1.15"]) await addPoint(m7, Number(v));
  const plain = page.locator(".lot-item:not([data-comparison])");
  const codes = [
    await plain.nth(0).getAttribute("data-code"),
    await plain.nth(1).getAttribute("data-code"),
  ];
  for (const code of codes)
    await page
      .locator(`[data-code='${code}']`)
      .getByRole("button", { name: "合格", exact: true })
      .click();
  // 3 + 2 points, the note, 2 results: 8 commands, all on the tablet.
  await expect(indicator.locator("summary")).toHaveText("离线 · 8 项待上传");
  await expect(m5.locator(".save-state")).toHaveText("已存本机，待上传");
  expect(stored(lotId).receipts).toBe(0);
  // Figures for the report: what this lot takes on the tablet (page cache and outbox).
  const sizes = await page.evaluate(async () => {
    const pages = await caches.open("yanshou-pages");
    let pageBytes = 0;
    for (const request of await pages.keys())
      if (request.url.includes("/lots/"))
        pageBytes += (await (await pages.match(request))?.blob())?.size ?? 0;
    const open = indexedDB.open("yanshou-outbox");
    await new Promise((resolve) => {
      open.onsuccess = resolve;
    });
    const all = await new Promise<unknown[]>((resolve) => {
      const q = open.result.transaction("commands").objectStore("commands").getAll();
      q.onsuccess = () => resolve(q.result);
    });
    open.result.close();
    return { pageBytes, outboxBytes: new Blob([JSON.stringify(all)]).size };
  });
  console.log(
    `[offline] lot page cached: ${sizes.pageBytes} B; outbox of 8 commands: ${sizes.outboxBytes} B`,
  );
  expect(sizes.pageBytes).toBeGreaterThan(0);

  // A reload without network: the page comes from the cache, the values from the outbox.
  await page.reload();
  await expect(m5.locator(".point")).toHaveText([/0\.95 m/, /1\.02 m/, /1\.05 m/]);
  await expect(m5.getByLabel("SR-M5 检查记录")).toHaveValue("二层至三层扶手已更换");
  await expect(m7.locator(".point")).toHaveCount(2);
  await expect(indicator.locator("summary")).toHaveText("离线 · 8 项待上传");

  await context.setOffline(false);
  await expect(indicator.locator("summary")).toHaveText("已同步", { timeout: 30_000 });
  const rows = stored(lotId);
  expect(rows.receipts).toBe(8);
  expect(rows.saves).toBe(8); // each command applied exactly once
  expect(rows.points).toEqual([
    { code: "SR-M5", seq: 1, value: 0.95 },
    { code: "SR-M5", seq: 2, value: 1.02 },
    { code: "SR-M5", seq: 3, value: 1.05 },
    { code: "SR-M7", seq: 1, value: 1.12 },
    { code: "SR-M7", seq: 2, value: 1.15 },
  ]);
  expect(rows.notes.find((n) => n.code === "SR-M5")?.note).toBe("二层至三层扶手已更换");
  for (const code of codes) expect(rows.notes.find((n) => n.code === code)?.result).toBe("pass");

  // Online again, the page from the server shows the same.
  await page.reload();
  await expect(m5.locator(".point")).toHaveCount(3);
  // Replaying a command already applied changes nothing (the tablet retrying after a lost answer).
  const replay = await page.evaluate(
    async (id) => {
      const body = new FormData();
      body.set("kind", "entry");
      body.set("key", "replayed-key-0001");
      body.set("baseVersion", "draft");
      body.set(
        "entry",
        JSON.stringify({ itemId: id, result: "pass", note: null, designValue: null, points: [] }),
      );
      const a = await fetch(`${location.pathname}/commands`, { method: "POST", body });
      const b = await fetch(`${location.pathname}/commands`, { method: "POST", body });
      return [(await a.json()).outcome, (await b.json()).outcome];
    },
    await plain.nth(2).getAttribute("data-item-id"),
  );
  expect(replay).toEqual(["applied", "duplicate"]);
  expect(stored(lotId).saves).toBe(9);
  await context.close();
});

test("conflict: offline edits to a lot another supervisor signs meanwhile are refused with the reason and kept under 冲突", async ({
  browser,
  world,
}) => {
  test.setTimeout(180_000);
  const { setup: contractor, url: lotUrl } = await newLot(browser, world, "2栋", "1单元");
  const lotId = lotUrl.split("/").pop() ?? "";
  await fillChecklist(contractor, { code: "none", value: 0 });
  await waitSaved(contractor);
  await contractor.getByLabel("施工操作依据、质量验收记录齐全").check();
  await contractor.getByRole("button", { name: "保存资料情况" }).click();
  await expect(contractor.getByRole("status")).toHaveText("已保存");
  await signLotStep(contractor, "提交施工自检");
  await expect(contractor.locator(".lot-status")).toHaveText("施工自检已提交");
  await contractor.close();

  const { context: tabletA, page: a } = await tablet(browser, world, "supervisor");
  await controlled(a);
  await a.goto(lotUrl);
  const before = stored(lotId);
  await tabletA.setOffline(true);
  await expect(a.getByTestId("needs-network")).toContainText("验收签认需要网络连接");
  await expect(a.getByRole("button", { name: "验收签认" })).toBeDisabled();
  const m5 = a.locator("[data-code='SR-M5']");
  await addPoint(m5, 1.2);
  await m5.getByLabel("SR-M5 检查记录").fill("复测一点");
  await expect(a.getByTestId("sync-indicator").locator("summary")).toHaveText("离线 · 2 项待上传");

  // Meanwhile, on another tablet, the lot is signed.
  const { context: tabletB, page: b } = await tablet(browser, world, "supervisor");
  await b.goto(lotUrl);
  await signLotStep(b, "验收签认");
  await expect(b.locator(".lot-status")).toHaveText("监理验收合格");
  await tabletB.close();

  await tabletA.setOffline(false);
  const indicator = a.getByTestId("sync-indicator");
  await expect(indicator.locator("summary")).toHaveText("冲突 2", { timeout: 30_000 });
  await expect(m5.locator(".save-state")).toHaveText("未保存：见页面顶部的 冲突 列表");
  await indicator.locator("summary").click();
  const conflicts = indicator.locator(".sync-conflict");
  await expect(conflicts).toHaveCount(2);
  await expect(conflicts.first()).toContainText("SR-M5");
  await expect(conflicts.first()).toContainText("实测：");
  await expect(conflicts.first()).toContainText(/原因：.*(签认|验收)/);
  await a.screenshot({ path: ".tmp/playwright/offline-conflicts.png" });
  const after = stored(lotId);
  expect(after.status).toBe("accepted");
  expect(after.points).toEqual(before.points); // the signed lot is unchanged
  expect(after.receipts).toBe(before.receipts); // (the contractor's own saves went the same way)

  // The user decides: discard one (after confirming), the other stays listed.
  a.once("dialog", (d) => void d.accept());
  await conflicts.first().getByRole("button", { name: "放弃" }).click();
  await expect(conflicts).toHaveCount(1);
  await expect(indicator.locator("summary")).toHaveText("冲突 1");
  // Signing out warns while something is unsent.
  let warned = "";
  a.once("dialog", (d) => {
    warned = d.message();
    void d.dismiss();
  });
  await a.getByRole("button", { name: "退出", exact: true }).click();
  await expect.poll(() => warned).toContain("1 项记录未上传");
  await expect(a.getByRole("button", { name: "退出", exact: true })).toBeVisible();
  await tabletA.close();
});

test("conflict by item: two supervisors on one lot conflict on the same item only (decision 0028)", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const setup = await browser.newPage();
  await signIn(setup, "shigong1");
  const lotUrl = await openLot(setup, "11栋", "2单元", "楼梯栏杆、扶手维修加固");
  const lotId = lotUrl.split("/").pop() ?? "";
  await setup.close();

  // 田志刚 opens the lot and goes offline; 王振华 opens it on his own tablet, online.
  const tabletA = await browser.newContext();
  const a = await tabletA.newPage();
  await signIn(a, "jianli");
  await controlled(a);
  await a.goto(lotUrl);
  const tabletB = await browser.newContext();
  const b = await tabletB.newPage();
  await signIn(b, "zongjian");
  await b.goto(lotUrl);
  await hydrated(b);
  const plain = a.locator(".lot-item:not([data-comparison])");
  const [first, second] = [
    await plain.nth(0).getAttribute("data-code"),
    await plain.nth(1).getAttribute("data-code"),
  ];

  await tabletA.setOffline(true);
  await a.locator("[data-code='SR-M5']").getByLabel("SR-M5 检查记录").fill("田：扶手高度复测");
  await a
    .locator(`[data-code='${first}']`)
    .getByRole("button", { name: "合格", exact: true })
    .click();
  await expect(a.getByTestId("sync-indicator").locator("summary")).toHaveText("离线 · 2 项待上传");

  // Meanwhile 王振华 records the same item SR-M5 and a different one.
  await b.locator("[data-code='SR-M5']").getByLabel("SR-M5 检查记录").fill("王：扶手松动");
  await b
    .locator(`[data-code='${second}']`)
    .getByRole("button", { name: "不合格", exact: true })
    .click();
  await expect(b.getByTestId("sync-indicator").locator("summary")).toHaveText("已同步", {
    timeout: 30_000,
  });
  await tabletB.close();

  await tabletA.setOffline(false);
  const indicator = a.getByTestId("sync-indicator");
  await expect(indicator.locator("summary")).toHaveText("冲突 1", { timeout: 30_000 });
  await indicator.locator("summary").click();
  const conflict = indicator.locator(".sync-conflict");
  await expect(conflict).toHaveCount(1);
  await expect(conflict).toContainText("SR-M5");
  await expect(conflict).toContainText(/原因：.*备注.*王振华/);
  const notes = stored(lotId).notes;
  expect(notes.find((n) => n.code === "SR-M5")?.note).toBe("王：扶手松动"); // kept, not overwritten
  expect(notes.find((n) => n.code === first)?.result).toBe("pass"); // 田's other item arrived
  expect(notes.find((n) => n.code === second)?.result).toBe("fail");
  await tabletA.close();
});

test("离线准备: a compound's lots in progress open offline on a tablet that never opened them, the size shown", async ({
  browser,
  world,
}) => {
  test.setTimeout(90_000);
  const { setup, url: lotUrl } = await newLot(browser, world, "1栋", "1单元");
  await setup.close();

  const { context, page } = await tablet(browser, world, "supervisor");
  await controlled(page);
  await page.goto(`/compounds/${world.compound.id}`);
  await hydrated(page);
  const status = page.getByTestId("offline-prepare-status");
  await page.getByTestId("offline-prepare").click();
  await expect(status).toHaveText(/^已准备 \d+ 项（\d+(\.\d)? (KB|MB)），离线时可打开$/, {
    timeout: 60_000,
  });
  await expect(page.getByText(/本机已用于本应用：/)).toBeVisible();

  await context.setOffline(true);
  await page.goto(lotUrl);
  await expect(page.locator("[data-code='SR-M5']")).toBeVisible();
  await expect(page.getByTestId("sync-indicator").locator("summary")).toHaveText("离线 · 已同步");
  // The compound's page says when it was prepared, and that preparing needs the network.
  await page.goto(`/compounds/${world.compound.id}`);
  await expect(status).toHaveText("当前离线：联网后才能准备");
  await expect(page.getByTestId("offline-prepare")).toBeDisabled();
  await context.setOffline(false);
  await context.close();
});

test("offline on a lot: 5 items, 3 photos and a defect queue, survive a reload, arrive once, in order; the chain verifies", async ({
  browser,
  world,
}) => {
  test.setTimeout(240_000);
  const { setup, url: lotUrl } = await newLot(browser, world, "2栋", "2单元");
  const lotId = lotUrl.split("/").pop() ?? "";
  await setup.close();

  const { context, page } = await tablet(browser, world, "supervisor");
  await controlled(page);
  await page.goto(lotUrl);
  await hydrated(page);
  const summary = page.getByTestId("sync-indicator").locator("summary");
  await expect(summary).toHaveText("已同步");
  const pending = async () =>
    Number((await summary.textContent())?.match(/(\d+) 项待上传/)?.[1] ?? 0);
  /** One action, one command in the outbox (a note once its typing pause is over). */
  const queued = async (action: () => Promise<void>, commands = 1) => {
    const before = await pending();
    await action();
    await expect.poll(pending, { timeout: 10_000 }).toBe(before + commands);
  };

  await context.setOffline(true);
  const m5 = page.locator("[data-code='SR-M5']");
  const m7 = page.locator("[data-code='SR-M7']");
  for (const v of [0.95, 1.02, 1.05]) await queued(() => addPoint(m5, v));
  await queued(() => m5.getByLabel("SR-M5 检查记录").fill("二层至三层扶手已更换"));
  for (const v of [1.12, 1.15]) await queued(() => addPoint(m7, v));
  await queued(() => m7.getByLabel("SR-M7 检查记录").fill("间距复测"));
  const plain = page.locator(".lot-item:not([data-comparison])");
  const codes: string[] = [];
  for (const [n, result] of [
    [0, "合格"],
    [1, "合格"],
    [2, "不合格"],
  ] as const) {
    const code = (await plain.nth(n).getAttribute("data-code")) ?? "";
    codes.push(code);
    const card = page.locator(`[data-code='${code}']`);
    await queued(() => card.getByRole("button", { name: result, exact: true }).click());
    await queued(() => card.getByLabel(`${code} 检查记录`).fill(`离线记录 ${n + 1}`));
  }
  const entries = await pending();
  expect(entries).toBe(13);

  // Three photos taken without signal: kept on the tablet as they are, listed with their size.
  const section = page.locator(".lot-photos");
  const shots = await Promise.all([41, 42, 43].map((seed) => cameraJpeg({ seed })));
  await queued(
    () =>
      choosePhotos(
        section,
        shots.map((buffer, i) => ({ name: `离线${i + 1}.jpg`, mimeType: "image/jpeg", buffer })),
      ),
    3,
  );
  const photos = section.getByTestId("queued-photo");
  await expect(photos).toHaveCount(3);
  await expect(photos.first()).toContainText(/离线1\.jpg \d+ KB 待上传/);
  const kb = Math.max(1, Math.round(shots.reduce((sum, b) => sum + b.length, 0) / 1024));
  await expect(summary).toHaveText(`离线 · 16 项待上传 · 含照片 3 张 ${kb} KB`);

  // The failing item's defect, raised offline with the new-defect form's fields.
  const failing = page.locator(`[data-code='${codes[2]}']`);
  await failing.getByRole("button", { name: "登记质量问题（离线）" }).click();
  const form = failing.getByRole("form", { name: `离线登记质量问题：${codes[2]}` });
  await form.getByLabel("问题标题").fill("扶手松动（离线登记）");
  await form.getByLabel("严重程度").selectOption("major");
  await queued(() => form.getByRole("button", { name: "存入待上传" }).click());
  await expect(failing.getByTestId("queued-defect")).toHaveText(
    "质量问题（待上传）：扶手松动（离线登记）",
  );
  expect(stored(lotId).receipts).toBe(0);

  // A reload without network: the page from the cache, what waits from the outbox.
  await page.reload();
  await expect(m5.locator(".point")).toHaveText([/0\.95 m/, /1\.02 m/, /1\.05 m/]);
  await expect(m7.getByLabel("SR-M7 检查记录")).toHaveValue("间距复测");
  await expect(section.getByTestId("queued-photo")).toHaveCount(3);
  await expect(failing.getByTestId("queued-defect")).toHaveCount(1);
  expect(await pending()).toBe(17);

  await context.setOffline(false);
  await expect(summary).toHaveText("已同步", { timeout: 90_000 });
  await expect(section.getByTestId("queued-photo")).toHaveCount(0);
  const rows = stored(lotId);
  expect(rows.saves).toBe(13); // each entry command applied exactly once
  expect(rows.points).toEqual([
    { code: "SR-M5", seq: 1, value: 0.95 },
    { code: "SR-M5", seq: 2, value: 1.02 },
    { code: "SR-M5", seq: 3, value: 1.05 },
    { code: "SR-M7", seq: 1, value: 1.12 },
    { code: "SR-M7", seq: 2, value: 1.15 },
  ]);
  expect(rows.notes.find((n) => n.code === codes[2])).toMatchObject({
    note: "离线记录 3",
    result: "fail",
  });
  const got = arrived(lotId);
  // In the order recorded: the items' records, then the photos, then the defect.
  expect(got.kinds).toEqual([...Array(13).fill("entry"), "photo", "photo", "photo", "defect"]);
  expect(got.photos.map((p) => p.name)).toEqual(["离线1.jpg", "离线2.jpg", "离线3.jpg"]);
  expect(got.photoEvents).toBe(3);
  expect(got.defects).toEqual([
    { title: "扶手松动（离线登记）", severity: "major", code: codes[2], events: 1 },
  ]);
  // The page from the server shows them; the audit chain still verifies end to end.
  await page.reload();
  await expect(section.locator(".photo-grid img")).toHaveCount(3);
  const bureau = await pageAs(browser, world, "bureau");
  await bureau.goto("/audit?verify=1");
  await expect(bureau.getByRole("status")).toContainText("链条完整", { timeout: 60_000 });
  await bureau.close();
  await context.close();
});

test("仅 Wi-Fi 上传照片: on mobile data photos wait and records go; the choice is kept; switched off, the photo goes", async ({
  browser,
  world,
}) => {
  test.setTimeout(120_000);
  const { setup, url: lotUrl } = await newLot(browser, world, "1栋", "2单元");
  const lotId = lotUrl.split("/").pop() ?? "";
  await setup.close();

  const { context, page } = await tablet(browser, world, "supervisor");
  // The tablet on mobile data, as Chrome on Android reports it (Network Information API).
  await context.addInitScript(() =>
    Object.defineProperty(navigator, "connection", {
      value: Object.assign(new EventTarget(), { type: "cellular" }),
      configurable: true,
    }),
  );
  await controlled(page);
  await page.goto(lotUrl);
  await hydrated(page);
  const indicator = page.getByTestId("sync-indicator");
  await indicator.locator("summary").click();
  const wifiOnly = indicator.getByLabel("仅 Wi-Fi 上传照片");
  await wifiOnly.check();

  await context.setOffline(true);
  await addPoint(page.locator("[data-code='SR-M5']"), 1.05);
  const shot = await cameraJpeg({ seed: 51 });
  await choosePhotos(page.locator(".lot-photos"), {
    name: "楼道.jpg",
    mimeType: "image/jpeg",
    buffer: shot,
  });
  const kb = Math.max(1, Math.round(shot.length / 1024));
  await expect(indicator.locator("summary")).toHaveText(`离线 · 2 项待上传 · 含照片 1 张 ${kb} KB`);

  await context.setOffline(false);
  await expect(indicator.locator("summary")).toHaveText(`1 项待上传 · 含照片 1 张 ${kb} KB`, {
    timeout: 30_000,
  });
  await expect(indicator).toContainText(
    "当前不是 Wi-Fi：1 张照片等 Wi-Fi 后上传，检查记录照常上传。",
  );
  expect(arrived(lotId).kinds).toEqual(["entry"]);
  await expect(page.locator(".lot-photos").getByTestId("queued-photo")).toContainText("待上传");

  // The choice stays on the tablet.
  await page.reload();
  await indicator.locator("summary").click();
  await expect(wifiOnly).toBeChecked();
  await wifiOnly.uncheck();
  await expect(indicator.locator("summary")).toHaveText("已同步", { timeout: 30_000 });
  expect(arrived(lotId).kinds).toEqual(["entry", "photo"]);
  expect(arrived(lotId).photos.map((p) => p.name)).toEqual(["楼道.jpg"]);
  await context.close();
});
