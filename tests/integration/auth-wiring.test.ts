import { beforeAll, describe, expect, it } from "vitest";
import { createSession } from "~/modules/auth/session.server";
import { resolveLanguage } from "~/modules/i18n/i18n.server";
import { loader as accountLoader } from "~/routes/_app.account";
import { loader as usersLoader } from "~/routes/_app.users._index";
import { action as userAction } from "~/routes/_app.users.$userId";
import { testDb } from "../support/test-db";

// The authorisation wiring of real routes, called directly with a Request: refusals come before
// the body is read, and the language follows the user's setting first.

const db = testDb({ seeded: true });
const ORIGIN = "http://localhost";
const cookies: Record<string, string> = {};

/** A body that fails the test if anyone reads it. */
function untouchableBody(): ReadableStream {
  return new ReadableStream({
    pull() {
      throw new Error("the body was read");
    },
  });
}

function request(path: string, who: string, init: { post?: boolean; headers?: object } = {}) {
  return new Request(`${ORIGIN}${path}`, {
    method: init.post ? "POST" : "GET",
    headers: {
      Cookie: cookies[who] ?? "",
      Origin: ORIGIN,
      Host: "localhost",
      "Content-Type": "application/x-www-form-urlencoded",
      ...init.headers,
    },
    ...(init.post ? { body: untouchableBody(), duplex: "half" } : {}),
  } as RequestInit);
}

async function status(run: () => Promise<unknown>): Promise<number> {
  try {
    const r = await run();
    return r instanceof Response ? r.status : 200;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown.status;
    throw thrown;
  }
}

beforeAll(async () => {
  (globalThis as { yanshouDb?: unknown }).yanshouDb = db;
  for (const username of ["admin", "shigong1", "jianli"]) {
    const u = await db.user.findUniqueOrThrow({ where: { username }, select: { id: true } });
    cookies[username] = (await createSession(db, u.id, null)).split(";")[0] ?? "";
  }
});

describe("authorisation wiring of routes", () => {
  it("a contractor is refused the user list and user changes (403) before the body is read", async () => {
    expect(
      await status(() =>
        usersLoader({ request: request("/users", "shigong1"), params: {}, context: {} }),
      ),
    ).toBe(403);
    const admin = await db.user.findUniqueOrThrow({ where: { username: "admin" } });
    expect(
      await status(() =>
        userAction({
          request: request(`/users/${admin.id}`, "shigong1", { post: true }),
          params: { userId: admin.id },
          context: {},
        }),
      ),
    ).toBe(403);
  });

  it("a cross-site post is refused (403) before the body is read, even for an admin", async () => {
    const admin = await db.user.findUniqueOrThrow({ where: { username: "admin" } });
    const req = request(`/users/${admin.id}`, "admin", {
      post: true,
      headers: { Origin: "https://evil.example" },
    });
    expect(
      await status(() => userAction({ request: req, params: { userId: admin.id }, context: {} })),
    ).toBe(403);
  });

  it("nobody signed in is sent to sign in", async () => {
    await expect(
      usersLoader({ request: request("/users", "nobody"), params: {}, context: {} }),
    ).rejects.toMatchObject({ status: 302 });
  });

  it("the 403 names the action in the reader's language", async () => {
    await db.user.update({ where: { username: "shigong1" }, data: { locale: "en" } });
    try {
      await usersLoader({ request: request("/users", "shigong1"), params: {}, context: {} });
      expect.unreachable();
    } catch (thrown) {
      const body = await (thrown as Response).json();
      expect(body).toMatchObject({
        kind: "forbidden",
        action: "user.manage",
        actionLabel: "Manage user accounts and roles",
      });
    } finally {
      await db.user.update({ where: { username: "shigong1" }, data: { locale: null } });
    }
  });
});

describe("language of a request", () => {
  const lngCookie = (lng: string) => `lng=${Buffer.from(JSON.stringify(lng)).toString("base64")}`;

  it("the user's setting wins over the cookie and Accept-Language", async () => {
    const headers = { Cookie: lngCookie("zh-CN"), "Accept-Language": "zh-CN,zh" };
    const req = new Request(`${ORIGIN}/`, { headers });
    expect(await resolveLanguage(req, { locale: "en" })).toBe("en");
    expect(await resolveLanguage(req, { locale: null })).toBe("zh-CN");
    const english = new Request(`${ORIGIN}/`, { headers: { "Accept-Language": "en-GB,en" } });
    expect(await resolveLanguage(english, { locale: "zh-CN" })).toBe("zh-CN");
    expect(await resolveLanguage(english, null)).toBe("en");
    const remembered = new Request(`${ORIGIN}/`, {
      headers: { Cookie: lngCookie("en"), "Accept-Language": "zh-CN" },
    });
    expect(await resolveLanguage(remembered, null)).toBe("en");
  });

  it("the account page answers in the user's language, whatever the browser says", async () => {
    await db.user.update({ where: { username: "jianli" }, data: { locale: "en" } });
    const page = await accountLoader({
      request: request("/account", "jianli", { headers: { "Accept-Language": "zh-CN" } }),
      params: {},
      context: {},
    });
    expect(page.lng).toBe("en");
    expect(page.user.role).toBe("Supervision engineer");
    expect(page.title).toBe("Account · Yanshou");
  });
});
