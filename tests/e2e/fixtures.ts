import { execFileSync } from "node:child_process";
import path from "node:path";
import {
  type Browser,
  type BrowserContext,
  test as base,
  expect,
  type Page,
} from "@playwright/test";
import type { Role } from "~/modules/auth/permissions";
import type { BuiltActor, BuiltCompound } from "../support/builders";
import { expectPageLanguage, type Lng, setLanguage } from "./language";

const PORT = Number(process.env.E2E_PORT ?? 3100);
/** The e2e server's address (playwright.config.ts). */
export const BASE_URL = `http://localhost:${PORT}`;
// The e2e server's database and secret (playwright.config.ts, webServer).
const DATABASE_PATH = path.resolve(`.tmp/e2e-${PORT}`, "yanshou.db");
const SESSION_SECRET = "e2e-only-secret-0123456789abcdef0123456789";
const tsx = path.resolve("node_modules/.bin/tsx");

/** A world's user: one per role asked, and `other-<role>` for each outsider asked. */
export type Actor = Role | `other-${Role}`;

export type OwnWorld = {
  compound: BuiltCompound;
  sessions: Partial<
    Record<Actor, { user: BuiltActor & { organizationName: string }; cookie: string }>
  >;
};

/** The password of every world user when a spec asks for one (`worldSetup.password`). */
export const OWN_PASSWORD = "yanshou2021";

/**
 * What a spec's world holds besides one user per role: outsiders (`others`, a user of each role
 * in an organisation of its own), a usable password, the buildings' storeys.
 */
export type WorldSetup = { others?: Role[]; password?: boolean; floors?: number };

/** Makes the spec's own compound and users with session rows in the server's database. */
export function ownWorld(roles: Role[], setup: WorldSetup = {}): OwnWorld {
  const input = {
    roles,
    others: setup.others,
    floors: setup.floors,
    password: setup.password ? OWN_PASSWORD : undefined,
  };
  const out = execFileSync(tsx, ["tests/e2e/fixtures/own-actors.ts", JSON.stringify(input)], {
    env: {
      ...process.env,
      DATABASE_PATH,
      SESSION_SECRET,
      UPLOADS_DIR: path.resolve(`.tmp/e2e-${PORT}`, "uploads"),
    },
    encoding: "utf8",
  });
  return JSON.parse(out.trim().split("\n").at(-1) ?? "{}") as OwnWorld;
}

/** Raises `count` defects in the world's compound against its contractor, as its supervisor. */
export function worldDefects(world: OwnWorld, count: number) {
  const supervisor = world.sessions.supervisor?.user;
  const contractor = world.sessions.contractor?.user;
  if (!supervisor || !contractor) throw new Error("the world needs a supervisor and a contractor");
  const input = {
    supervisor,
    contractorOrgId: contractor.organizationId,
    compound: world.compound,
    count,
  };
  execFileSync(tsx, ["tests/e2e/fixtures/defects.ts", JSON.stringify(input)], {
    env: { ...process.env, DATABASE_PATH, SESSION_SECRET },
    encoding: "utf8",
  });
}

/** The world user's name as pages show it. */
export function nameOf(world: OwnWorld, actor: Actor): string {
  const session = world.sessions[actor];
  if (!session) throw new Error(`no ${actor} in this world`);
  return session.user.displayName;
}

/** Signs `context` in as the world's user of `role`: its session cookie, no sign-in page. */
export async function signInAs(
  context: BrowserContext,
  baseURL: string,
  world: OwnWorld,
  role: Actor,
) {
  const session = world.sessions[role];
  if (!session) throw new Error(`no ${role} in this world`);
  await context.addCookies([{ name: "yanshou_session", value: session.cookie, url: baseURL }]);
}

/**
 * A new browser context signed in as the world's `role`, showing the app in `lng` (the cookie
 * and the browser's language; the user has no setting of its own).
 */
export async function contextAs(
  browser: Browser,
  world: OwnWorld,
  role: Actor,
  options: { lng?: Lng; viewport?: { width: number; height: number } } = {},
) {
  const baseURL = BASE_URL;
  const context = await browser.newContext({
    baseURL,
    viewport: options.viewport ?? { width: 1024, height: 768 },
    hasTouch: true,
  });
  await setLanguage(context, baseURL, options.lng ?? "zh-CN");
  await signInAs(context, baseURL, world, role);
  return context;
}

/** Signs the test's own `page` in as the world's `actor` (its session cookie) and opens home. */
export async function openAs(page: Page, world: OwnWorld, actor: Actor) {
  await signInAs(page.context(), BASE_URL, world, actor);
  await page.goto("/");
}

/** A new page of its own context, signed in as the world's `actor` (Chinese, 1024×768). */
export async function pageAs(browser: Browser, world: OwnWorld, actor: Actor, lng?: Lng) {
  return (await contextAs(browser, world, actor, { lng })).newPage();
}

/** Runs `body` on a new page of the world's `role` in English, then in Chinese. */
export async function inEachLanguage(
  browser: Browser,
  world: OwnWorld,
  role: Actor,
  body: (page: Page, lng: Lng, context: BrowserContext) => Promise<void>,
) {
  for (const lng of ["en", "zh-CN"] as const) {
    const context = await contextAs(browser, world, role, { lng });
    await body(await context.newPage(), lng, context);
    await context.close();
  }
}

/**
 * Opens each of `paths` as the world's `role` in English, then in Chinese, and checks that each
 * reads wholly in that language (outside data). `each` adds a spec's own checks on every page
 * (a heading, touch targets, a screenshot).
 */
export async function readsInBothLanguages(
  browser: Browser,
  world: OwnWorld,
  role: Actor,
  paths: string[],
  each?: (page: Page, lng: Lng, path: string) => Promise<void>,
) {
  await inEachLanguage(browser, world, role, async (page, lng) => {
    for (const path of paths) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBeLessThan(400);
      await expectPageLanguage(page, lng);
      await each?.(page, lng, path);
    }
  });
}

/**
 * `world`: one compound per spec file and users of its own, made once per worker; specs share
 * no demo account. The roles default to the residents' parties (street office, building leader,
 * property company); a spec names others with `test.use({ worldRoles: [...] })`.
 */
export const test = base.extend<
  object,
  { world: OwnWorld; worldRoles: Role[]; worldSetup: WorldSetup }
>({
  worldRoles: [["street", "building_leader", "property"], { scope: "worker", option: true }],
  worldSetup: [{}, { scope: "worker", option: true }],
  world: [
    async ({ worldRoles, worldSetup }, use) => {
      await use(ownWorld(worldRoles, worldSetup));
    },
    { scope: "worker" },
  ],
});

export { expect } from "@playwright/test";
