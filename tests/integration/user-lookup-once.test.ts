import { beforeAll, describe, expect, it } from "vitest";
import { optionalUser } from "~/modules/auth/require-user.server";
import { createSession, destroySession } from "~/modules/auth/session.server";
import { testDb } from "../support/test-db";

// A page's loaders (root, layout, route) each get their own copy of the Request from Remix and
// run at once: they must read the session once between them, and a later request must read it
// afresh (a signed-out session is not served from an earlier lookup).

const db = testDb({ seeded: true });
const ORIGIN = "http://localhost";
let cookie = "";

const copy = () =>
  new Request(`${ORIGIN}/lots`, { headers: { Cookie: cookie, Host: "localhost" } });

beforeAll(async () => {
  (globalThis as { yanshouDb?: unknown }).yanshouDb = db;
  const u = await db.user.findUniqueOrThrow({
    where: { username: "jianli" },
    select: { id: true },
  });
  cookie = (await createSession(db, u.id, null)).split(";")[0] ?? "";
});

describe("the signed-in user, looked up once per page", () => {
  it("three loaders with three copies of one request read the session once", async () => {
    // The real client, with its reads counted (the session is read with one raw statement).
    let reads = 0;
    const counting = new Proxy(db, {
      get(target, key) {
        const value = Reflect.get(target, key);
        if (key !== "$queryRawUnsafe") return value;
        return (...args: Parameters<typeof target.$queryRawUnsafe>) => {
          reads += 1;
          return target.$queryRawUnsafe(...args);
        };
      },
    });
    (globalThis as { yanshouDb?: unknown }).yanshouDb = counting;
    const users = await Promise.all([
      optionalUser(copy()),
      optionalUser(copy()),
      optionalUser(copy()),
    ]);
    (globalThis as { yanshouDb?: unknown }).yanshouDb = db;
    expect(users.map((u) => u?.username)).toEqual(["jianli", "jianli", "jianli"]);
    expect(reads).toBe(1);
  });

  it("a later request reads the session again: after sign-out it finds nobody", async () => {
    expect((await optionalUser(copy()))?.username).toBe("jianli");
    await destroySession(db, copy());
    expect(await optionalUser(copy())).toBeNull();
  });
});
