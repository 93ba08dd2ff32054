import { execFileSync } from "node:child_process";
import path from "node:path";
import { type BrowserContext, test as base } from "@playwright/test";
import type { Role } from "~/modules/auth/permissions";
import type { BuiltActor, BuiltCompound } from "../support/builders";

const PORT = Number(process.env.E2E_PORT ?? 3100);
// The e2e server's database and secret (playwright.config.ts, webServer).
const DATABASE_PATH = path.resolve(`.tmp/e2e-${PORT}`, "yanshou.db");
const SESSION_SECRET = "e2e-only-secret-0123456789abcdef0123456789";
const tsx = path.resolve("node_modules/.bin/tsx");

export type OwnWorld = {
  compound: BuiltCompound;
  sessions: Partial<Record<Role, { user: BuiltActor; cookie: string }>>;
};

/** Makes the spec's own compound and users with session rows in the server's database. */
export function ownWorld(roles: Role[]): OwnWorld {
  const out = execFileSync(tsx, ["tests/e2e/fixtures/own-actors.ts", JSON.stringify({ roles })], {
    env: { ...process.env, DATABASE_PATH, SESSION_SECRET },
    encoding: "utf8",
  });
  return JSON.parse(out.trim().split("\n").at(-1) ?? "{}") as OwnWorld;
}

/** Signs `context` in as the world's user of `role`: its session cookie, no sign-in page. */
export async function signInAs(
  context: BrowserContext,
  baseURL: string,
  world: OwnWorld,
  role: Role,
) {
  const session = world.sessions[role];
  if (!session) throw new Error(`no ${role} in this world`);
  await context.addCookies([{ name: "yanshou_session", value: session.cookie, url: baseURL }]);
}

/**
 * `world`: one compound per spec file and users of its own (street office, building leader,
 * property company), made once per worker; specs share no demo account.
 */
export const test = base.extend<object, { world: OwnWorld }>({
  world: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take their dependencies as an object.
    async ({}, use) => {
      await use(ownWorld(["street", "building_leader", "property"]));
    },
    { scope: "worker" },
  ],
});

export { expect } from "@playwright/test";
