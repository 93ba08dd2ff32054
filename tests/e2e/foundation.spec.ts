import { contextAs, expect, OWN_PASSWORD, openAs, pageAs, test } from "./fixtures";
import { expectPageLanguage } from "./language";
import { compoundLinks, expectTouchTargets, signIn } from "./support";

// The spec's own users, one per role, and a street office outside its compound (fixtures.ts),
// signed in by session; the sign-in and sign-out tests sign in with the form (own password).
test.use({
  worldRoles: ["admin", "supervisor", "bureau", "owner", "designer", "contractor", "street"],
  worldSetup: { others: ["street"], password: true },
});

test("a signed-out visitor is sent to the sign-in page", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole("heading", { name: /验收/ })).toBeVisible();
  await page.goto("/work-types");
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Fwork-types$/);
});

test("a wrong password gets one generic message and no session", async ({ page, world }) => {
  await page.goto("/login");
  await page.getByLabel("用户名").fill(world.sessions.supervisor?.user.username ?? "");
  await page.getByLabel("密码").fill("not-the-password");
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByRole("alert")).toHaveText("用户名或密码错误");
  await page.getByLabel("用户名").fill("nobody-here");
  await page.getByLabel("密码").fill("whatever");
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByRole("alert")).toHaveText("用户名或密码错误");
  await page.goto("/projects");
  await expect(page).toHaveURL(/\/login/);
});

test("the supervisor walks project → compound → building → stairwell → checklist", async ({
  page,
  world,
}) => {
  // The demo project and compound (seeded data), walked by the spec's own supervisor.
  await openAs(page, world, "supervisor");
  await page.getByRole("link", { name: "项目", exact: true }).click();
  await page.getByRole("link", { name: /德江县2021年城镇老旧小区改造项目/ }).click();
  await expect(
    page.getByRole("heading", { name: "德江县2021年城镇老旧小区改造项目" }),
  ).toBeVisible();
  await expect(page.getByText("¥5,410 万元")).toBeVisible();
  await expect(page.getByText("1,180 户")).toBeVisible();
  for (const phase of ["调查摸底·规划设计", "组织实施", "竣工验收", "长效管理"]) {
    await expect(page.locator(".phase", { hasText: phase })).toBeVisible();
  }
  await expectTouchTargets(page);

  await page.getByRole("link", { name: /县农行老旧小区/ }).click();
  await expect(page.getByRole("heading", { name: "县农行老旧小区" })).toBeVisible();
  await expect(page.getByText("德江县鸿达建筑工程有限公司")).toBeVisible();
  await expect(page.getByRole("link", { name: /主干道 A 段/ })).toBeVisible();
  await expectTouchTargets(page);

  // The building's own link (lot chips of other specs may also start with 3栋).
  await page.locator("a.building-name", { hasText: /^3栋/ }).click();
  await expect(page.getByRole("heading", { name: "县农行老旧小区 3栋" })).toBeVisible();
  await page.getByRole("link", { name: /2单元/ }).click();
  await expect(page.getByRole("heading", { name: "县农行老旧小区 3栋 2单元" })).toBeVisible();
  await page.getByRole("link", { name: /楼梯栏杆、扶手维修加固/ }).click();

  await expect(page.getByRole("heading", { name: "楼梯栏杆、扶手维修加固" })).toBeVisible();
  await expect(page.getByRole("heading", { name: /主控项目/ })).toBeVisible();
  const m7 = page.locator("[data-code='SR-M7']");
  await expect(m7).toContainText("≥ 1.05 m");
  await expect(m7).toContainText("GB 50352-2019");
  await expectTouchTargets(page);
});

test("the work-type library lists all twelve checklists with their item counts", async ({
  page,
  world,
}) => {
  await openAs(page, world, "bureau");
  await page.getByRole("link", { name: "检查表库" }).click();
  await expect(page.locator(".card-grid > li")).toHaveCount(12);
  await expect(page.getByRole("link", { name: /小区道路修复/ })).toContainText("主控项目");
  await page.getByRole("link", { name: /化粪池/ }).click();
  await expect(page.locator(".item")).toHaveCount(13);
});

test("a contractor sees only its own compound and gets 404 for the other's ids", async ({
  browser,
  world,
}) => {
  // Another (demo) compound's and organisation's ids, as the spec's supervisor reads them.
  const supervisor = await pageAs(browser, world, "supervisor");
  const all = await compoundLinks(supervisor);
  const otherCompound = all.县武装部老旧小区!;
  await supervisor.goto(otherCompound);
  const otherStairwell = await supervisor
    .locator("a[href^='/stairwells/']")
    .first()
    .getAttribute("href");
  const otherZone = await supervisor.locator("a[href^='/zones/']").first().getAttribute("href");
  await supervisor.goto("/organizations");
  const otherOrg = await supervisor
    .getByRole("link", { name: /贵州黔东建设工程有限公司/ })
    .getAttribute("href");
  await supervisor.close();

  const page = await pageAs(browser, world, "contractor");
  expect(Object.keys(await compoundLinks(page))).toEqual([world.compound.name]);
  for (const url of [otherCompound, otherStairwell!, otherZone!, otherOrg!]) {
    const response = await page.goto(url);
    expect(response?.status(), url).toBe(404);
    await expect(page.getByRole("heading", { name: "未找到" })).toBeVisible();
    await expect(page.getByText("县武装部老旧小区")).toHaveCount(0);
  }
  await page.goto("/organizations");
  await expect(page.locator(".card-list > li")).toHaveCount(1);
  await expect(page.locator(".card-list > li")).toContainText(
    world.sessions.contractor?.user.organizationName ?? "?",
  );
});

test("each role sees what it should", async ({ browser, world }) => {
  // Seven contexts and their pages: ~15 s alone, near 50 s on a busy two-core machine.
  test.setTimeout(120_000);
  // Demo compounds are seen by the roles that read every compound, with the spec's own; a
  // contractor or street office sees only the compounds tied to its organisation.
  const demo = ["县农行老旧小区", "县武装部老旧小区"];
  const everyone = [...demo, world.compound.name];
  const cases = [
    {
      actor: "bureau",
      compounds: everyone,
      nav: [
        "统计",
        "项目",
        "检验批",
        "检查表库",
        "质量问题",
        "通知单",
        "居民工作",
        "单位",
        "操作记录",
        "资金",
      ],
    },
    {
      actor: "owner",
      compounds: everyone,
      nav: ["统计", "项目", "检验批", "检查表库", "质量问题", "通知单", "居民工作", "单位", "资金"],
    },
    {
      actor: "designer",
      compounds: everyone,
      nav: ["统计", "项目", "检验批", "检查表库", "质量问题", "通知单", "单位"],
    },
    {
      actor: "contractor",
      compounds: [world.compound.name],
      nav: ["统计", "项目", "检验批", "检查表库", "质量问题", "通知单", "居民工作", "单位", "资金"],
    },
    {
      actor: "street",
      compounds: [world.compound.name],
      nav: ["统计", "项目", "检验批", "检查表库", "居民工作", "单位"],
    },
    {
      actor: "other-street",
      compounds: [],
      nav: ["统计", "项目", "检验批", "检查表库", "居民工作", "单位"],
    },
    {
      actor: "admin",
      compounds: everyone,
      nav: [
        "统计",
        "项目",
        "检验批",
        "检查表库",
        "质量问题",
        "通知单",
        "居民工作",
        "单位",
        "用户",
        "操作记录",
      ],
    },
  ] as const;
  for (const c of cases) {
    const context = await contextAs(browser, world, c.actor, {
      viewport: { width: 768, height: 1024 },
    });
    const page = await context.newPage();
    // Other specs' own compounds (fixtures.ts, "测试小区 T…") are made in parallel: set aside.
    const seen = Object.keys(await compoundLinks(page)).filter(
      (n) => !n.startsWith("测试小区 ") || n === world.compound.name,
    );
    expect(seen.sort(), c.actor).toEqual([...c.compounds].sort());
    await expect(page.locator(".mainnav a")).toHaveText([...c.nav]);
    await context.close();
  }
});

test("signing out ends the session; another device can be signed out from the account page", async ({
  browser,
  world,
}) => {
  const tablet = await browser.newPage();
  const desktop = await browser.newPage({ userAgent: "Office-Desktop-e2e" });
  // Two sign-ins with the form: the spec's own designer, by its own password.
  const designer = world.sessions.designer?.user.username ?? "";
  await signIn(tablet, designer, OWN_PASSWORD);
  await signIn(desktop, designer, OWN_PASSWORD);
  await tablet.goto("/account");
  await expect(tablet.locator("tbody tr", { hasText: "当前设备" })).toHaveCount(1);
  const desktopRow = tablet.locator("tbody tr", { hasText: "Office-Desktop-e2e" });
  await desktopRow.getByRole("button", { name: "退出该设备" }).click();
  await expect(tablet.getByText("已退出该设备")).toBeVisible();
  await desktop.goto("/projects");
  await expect(desktop).toHaveURL(/\/login/);

  await tablet.getByRole("button", { name: "退出", exact: true }).click();
  await expect(tablet).toHaveURL(/\/login$/);
  await tablet.goto("/projects");
  await expect(tablet).toHaveURL(/\/login/);
});

test("the sign-in page speaks the browser's language, and its switch (no JS) remembers the choice", async ({
  browser,
  baseURL,
}) => {
  for (const viewport of [
    { width: 390, height: 844 },
    { width: 1024, height: 768 },
    { width: 768, height: 1024 },
  ]) {
    const context = await browser.newContext({ viewport, locale: "en-GB" });
    await context.setExtraHTTPHeaders({ "Accept-Language": "en-GB,en" });
    const page = await context.newPage();
    await page.goto("/login");
    await expect(page.getByRole("heading", { name: /Yanshou/ })).toBeVisible();
    await expectPageLanguage(page, "en");
    await page.screenshot({ path: `test-results/login-en-${viewport.width}.png` });
    await context.close();
  }
  // Without JavaScript: the switch is a plain form post that sets the cookie.
  const context = await browser.newContext({ javaScriptEnabled: false });
  await context.setExtraHTTPHeaders({ "Accept-Language": "zh-CN,zh" });
  const page = await context.newPage();
  await page.goto("/login?redirectTo=%2Fusers");
  await expectPageLanguage(page, "zh-CN");
  await page.getByRole("button", { name: "English" }).click();
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Fusers$/);
  await expect(page.getByLabel("Username")).toBeVisible();
  await expectPageLanguage(page, "en");
  await page.getByRole("button", { name: "中文" }).click();
  await expect(page.getByLabel("用户名")).toBeVisible();
  await context.close();
  expect(baseURL).toBeTruthy();
});

test("the account's language wins everywhere at once: the shell, users page and sign-in in English, then back", async ({
  browser,
  world,
}) => {
  // The cookie and the browser say Chinese; the account has no setting yet.
  const context = await contextAs(browser, world, "admin", { lng: "zh-CN" });
  const page = await context.newPage();
  const shots = "test-results/shell";
  await page.goto("/account");
  await expect(page.locator(".who-role")).toHaveText("系统管理员");
  await expectPageLanguage(page, "zh-CN");
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { name: "My permissions" })).toBeVisible();
  // The top bar follows at once: nav, role, sync state, inbox, sign-out.
  await expect(page.locator(".who-role")).toHaveText("System administrator");
  await expect(page.getByRole("button", { name: "Sign out", exact: true })).toBeVisible();
  await expectPageLanguage(page, "en");
  await expectTouchTargets(page);
  await page.screenshot({ path: `${shots}/account-en-1024.png` });
  // The setting wins over the Chinese cookie and browser on every page.
  await page.goto("/users");
  await expect(page.getByRole("heading", { name: "Users" })).toBeVisible();
  await expectPageLanguage(page, "en");
  await page.goto("/lots");
  await expectPageLanguage(page, "en");
  await expectTouchTargets(page);
  await page.screenshot({ path: `${shots}/lots-en-1024.png` });
  await page.setViewportSize({ width: 768, height: 1024 });
  await expectTouchTargets(page);
  await page.screenshot({ path: `${shots}/lots-en-768.png` });
  await page.goto("/organizations");
  await expectPageLanguage(page, "en");
  await page.screenshot({ path: `${shots}/organizations-en-768.png` });
  await page.goto("/account");
  await page.getByRole("button", { name: "中文" }).click();
  await expect(page.getByRole("heading", { name: "我的权限" })).toBeVisible();
  await expect(page.locator(".who-role")).toHaveText("系统管理员");
  await expectPageLanguage(page, "zh-CN");
  await page.goto("/users");
  await expectPageLanguage(page, "zh-CN");
  await context.close();
});
