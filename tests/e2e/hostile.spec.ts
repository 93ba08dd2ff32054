import net from "node:net";
import { expect, test } from "@playwright/test";
import { type Case, type Context, cases, context, raw } from "../support/hostile-cases";
import { commandBody } from "../support/hostile-command-cases";
import {
  changes,
  type HostileServer,
  type Snapshot,
  startHostileServer,
} from "../support/hostile-server";

/**
 * Issue 12's hostile requests against the real built server (scripts/serve.mjs over build/), spawned on
 * a free port with its own SQLite database and uploads: every one is refused with a 4xx and a
 * Chinese message (or sent to sign-in), none is a 500, the process never exits, and no row or
 * file changes.
 */
test.describe.configure({ mode: "serial" });
test.setTimeout(180_000);

const base = Number(process.env.E2E_PORT ?? 3100);
let server: HostileServer;
let ctx: Context;
let before: Snapshot;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  server = await startHostileServer([base + 1, base + 39]);
  ctx = await context(server);
  before = server.snapshot();
});

test.afterAll(async () => {
  await server?.stop();
});

for (const c of cases() as Case[]) {
  const title = `${c.category}: ${c.name}`;
  if (c.pendingOn) {
    // Fixed on branch harden-uploads (items 1, 10, 11 of issue 12): enable after merging it.
    test.fixme(title, async () => {});
    continue;
  }
  test(title, async () => {
    const answer = await c.send(ctx);
    expect(answer.status, answer.body.slice(0, 300)).toBeGreaterThan(0);
    expect(answer.status, answer.body.slice(0, 300)).toBeLessThan(500);
    expect(c.ok(answer), `${answer.status} ${answer.body.slice(0, 300)}`).toBe(true);
    expect(answer.body).not.toMatch(/Unexpected Server Error|\bat .+\.js:\d+/);
  });
}

test("every response carries the security headers; signed-in answers are not stored", async () => {
  const login = await raw(server.host, "GET", "/login", {});
  expect(login.headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+'/);
  expect(login.headers["content-security-policy"]).toMatch(/frame-ancestors 'none'/);
  expect(login.headers["x-frame-options"]).toBe("DENY");
  expect(login.headers["x-content-type-options"]).toBe("nosniff");
  expect(login.headers["referrer-policy"]).toBe("same-origin");
  const page = await raw(server.host, "GET", "/lots", { Cookie: ctx.cookies.jianli ?? "" });
  expect(page.status).toBe(200);
  expect(page.headers["cache-control"]).toBe("private, no-store");
  const missing = await raw(server.host, "GET", "/photos/cguessed/display", {
    Cookie: ctx.cookies.jianli ?? "",
  });
  expect(missing.status).toBe(404);
  expect(missing.headers["x-frame-options"]).toBe("DENY");
  expect(missing.headers["cache-control"]).toBe("private, no-store");
  const asset = await raw(server.host, "GET", "/favicon.svg", {});
  expect(asset.headers["x-content-type-options"]).toBe("nosniff");
});

test("a 200 MB POST without a cookie does not raise the server's memory", async () => {
  const rss = server.rssMb();
  await new Promise<void>((resolve) => {
    const chunk = Buffer.alloc(1024 * 1024, 97);
    const socket = net.connect(Number(server.host.split(":")[1]), "127.0.0.1");
    let sent = 0;
    socket.on("error", () => resolve());
    socket.on("close", () => resolve());
    socket.on("connect", () => {
      socket.write(
        `POST /lots/any HTTP/1.1\r\nHost: ${server.host}\r\nOrigin: ${server.base}\r\n` +
          "Content-Type: multipart/form-data; boundary=x\r\n" +
          `Content-Length: ${200 * 1024 * 1024}\r\nConnection: close\r\n\r\n`,
      );
      const pump = () => {
        while (sent < 200 && socket.write(chunk)) sent += 1;
        if (sent < 200) socket.once("drain", pump);
        else socket.end();
      };
      pump();
    });
  });
  expect(server.rssMb() - rss).toBeLessThan(60);
});

test("sign-in over HTTP backs off after 5 wrong passwords with a clear message", async () => {
  const form = (password: string) => `username=jianshe&password=${password}`;
  const post = (password: string) =>
    raw(
      server.host,
      "POST",
      "/login",
      { "Content-Type": "application/x-www-form-urlencoded", Origin: server.base },
      form(password),
    );
  for (let i = 0; i < 5; i++) expect((await post("wrong")).status).toBe(401);
  const refused = await post("whatever");
  expect(refused.status).toBe(429);
  expect(refused.body).toContain("过于频繁");
});

test("a refusal is worded for its reader: English for an English browser, Chinese otherwise", async () => {
  const CJK = /[\u4e00-\u9fff]/;
  const asks: { method: string; path: string; headers: Record<string, string> }[] = [
    // JSON refusals from the request guard (no origin; not a page form).
    { method: "POST", path: "/lots/any", headers: { "Content-Type": "application/json" } },
    {
      method: "POST",
      path: "/lots/any",
      headers: { "Content-Type": "application/json", Origin: server.base },
    },
  ];
  for (const lng of ["en", "zh-CN"] as const) {
    const language = { "Accept-Language": lng === "en" ? "en-GB,en" : "zh-CN,zh" };
    for (const ask of asks) {
      const answer = await raw(
        server.host,
        ask.method,
        ask.path,
        { ...ask.headers, ...language },
        "{}",
      );
      expect(answer.status, answer.body).toBeGreaterThanOrEqual(400);
      expect(answer.status, answer.body).toBeLessThan(500);
      const { message } = JSON.parse(answer.body) as { message: string };
      expect(message.length, answer.body).toBeGreaterThan(0);
      expect(CJK.test(message), message).toBe(lng === "zh-CN");
    }
    // A page refused to a signed-in user (403, 404): the error page in the reader's language.
    for (const [path, as, title] of [
      ["/audit", "shigong1", lng === "en" ? "Not allowed" : "无权访问"],
      ["/compounds/cguessed", "jianli", lng === "en" ? "Not found" : "未找到"],
    ] as const) {
      const page = await raw(server.host, "GET", path, {
        Cookie: ctx.cookies[as] ?? "",
        ...language,
      });
      expect([403, 404], path).toContain(page.status);
      expect(page.body).toContain(`<html lang="${lng}"`);
      expect(page.body).toContain(title);
    }
  }
});

test("refused requests changed no row and no file, and the server never exited", async () => {
  const delta = changes(before, server.snapshot());
  expect(delta).toEqual({ rows: 0, files: 0 });
  expect(server.exits()).toBe(0);
  expect(server.log()).not.toMatch(/Error: .*\n\s+at /);
});

// After the no-change check above: this one applies a command (once).
test("200 parallel replays of one outbox command: applied once, one receipt, one audit event", async () => {
  const { lot, otherItem } = ctx.commands;
  const key = "hostile-parallel-0001";
  const answers = await Promise.all(
    Array.from({ length: 200 }, () =>
      raw(
        server.host,
        "POST",
        `/lots/${lot}/commands`,
        {
          "Content-Type": "application/x-www-form-urlencoded",
          Origin: server.base,
          Cookie: ctx.cookies.shigong1 ?? "",
        },
        commandBody({ key, itemId: otherItem }),
        { timeoutMs: 60_000 },
      ),
    ),
  );
  const outcomes = answers.map(
    (a) =>
      `${a.status} ${(JSON.parse(a.body.slice(a.body.indexOf("{"), a.body.lastIndexOf("}") + 1)) as { outcome: string }).outcome}`,
  );
  expect(outcomes.filter((o) => o === "200 applied")).toHaveLength(1);
  expect(outcomes.filter((o) => o !== "200 applied" && o !== "200 duplicate")).toEqual([]);
  const count = (sql: string) => server.query<{ n: number }>(sql)[0]?.n;
  expect(count(`SELECT count(*) AS n FROM CommandReceipt WHERE key = '${key}'`)).toBe(1);
  expect(
    count(
      `SELECT count(*) AS n FROM AuditEvent WHERE action = 'lot.entry.save' AND entityId = '${lot}'
       AND payload LIKE '%${otherItem}%'`,
    ),
  ).toBe(1);
  expect(server.log()).not.toMatch(/Error: .*\n\s+at /);
});
