/**
 * Hostile requests by category, against a running server: each case says what a refusal looks
 * like. Shared by tests/e2e/hostile.spec.ts (each case once, asserted) and
 * scripts/bench-hostile.ts (many times, counted). Raw sockets, so a client can lie about the
 * body's length or stop mid-body as an attacker would.
 */
import net from "node:net";
import { DEMO_PASSWORD } from "../../prisma/seed/demo-data";
import { type CommandTargets, commandCases, commandTargets } from "./hostile-command-cases";
import type { HostileServer } from "./hostile-server";

export type Answer = { status: number; headers: Record<string, string>; body: string };

/** One HTTP/1.1 request over a fresh socket; `declared` may exceed the bytes actually sent. */
export function raw(
  host: string,
  method: string,
  path: string,
  headers: Record<string, string>,
  body: Buffer | string = "",
  options: { declared?: number; timeoutMs?: number } = {},
): Promise<Answer> {
  const [hostname, port] = host.split(":");
  const payload = typeof body === "string" ? Buffer.from(body) : body;
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname);
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`timeout: ${method} ${path}`));
    }, options.timeoutMs ?? 15_000);
    socket.on("connect", () => {
      const head = {
        Host: host,
        Connection: "close",
        ...(method === "GET" || headers["Transfer-Encoding"]
          ? {}
          : { "Content-Length": String(options.declared ?? payload.length) }),
        ...headers,
      };
      socket.write(
        `${method} ${path} HTTP/1.1\r\n${Object.entries(head)
          .map(([k, v]) => `${k}: ${v}`)
          .join("\r\n")}\r\n\r\n`,
      );
      // A refusal may close the socket while the body is still going out: not an error here.
      if (payload.length > 0) socket.write(payload, () => {});
      if (options.declared !== undefined && options.declared > payload.length) {
        // Lying about the length: the server must answer without waiting for the rest.
      }
    });
    socket.on("data", (c) => chunks.push(c));
    socket.on("error", () => {});
    socket.on("close", () => {
      clearTimeout(timer);
      const text = Buffer.concat(chunks).toString("utf8");
      const [head = "", ...rest] = text.split("\r\n\r\n");
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0);
      const headersOut: Record<string, string> = {};
      for (const line of head.split("\r\n").slice(1)) {
        const i = line.indexOf(":");
        if (i <= 0) continue;
        const name = line.slice(0, i).toLowerCase();
        const value = line.slice(i + 1).trim();
        headersOut[name] = headersOut[name] ? `${headersOut[name]}\n${value}` : value;
      }
      resolve({ status, headers: headersOut, body: rest.join("\r\n\r\n") });
    });
  });
}

export type Context = {
  server: HostileServer;
  cookies: Record<string, string>;
  compounds: string[];
  /** a compound where shigong2's company has no contract */
  notShigong2: string;
  revisions: string[];
  /** what the outbox command cases aim at (hostile-command-cases.ts) */
  commands: CommandTargets;
};

export async function signInCookie(server: HostileServer, username: string): Promise<string> {
  const answer = await raw(
    server.host,
    "POST",
    "/login",
    { "Content-Type": "application/x-www-form-urlencoded", Origin: server.base },
    `username=${username}&password=${encodeURIComponent(DEMO_PASSWORD)}&redirectTo=%2F`,
  );
  const cookie = /yanshou_session=[^;]+/.exec(answer.headers["set-cookie"] ?? "")?.[0];
  if (!cookie) throw new Error(`sign-in failed for ${username}: ${answer.status}`);
  return cookie;
}

export async function context(server: HostileServer): Promise<Context> {
  const cookies: Record<string, string> = {};
  for (const u of [
    "admin",
    "zhujianju",
    "xiangmu",
    "jianli",
    "shigong1",
    "shigong2",
    "sheji",
    "anhua",
  ])
    cookies[u] = await signInCookie(server, u);
  return {
    server,
    cookies,
    compounds: server
      .query<{ id: string }>("SELECT id FROM Compound ORDER BY name")
      .map((r) => r.id),
    notShigong2:
      server.query<{ id: string }>(
        `SELECT c.id FROM Compound c WHERE NOT EXISTS (SELECT 1 FROM Contract k JOIN User u
           ON u.organizationId = k.contractorOrgId WHERE k.compoundId = c.id AND u.username = 'shigong2')
           AND (c.streetOfficeOrgId IS NULL OR c.streetOfficeOrgId NOT IN
           (SELECT organizationId FROM User WHERE username = 'shigong2')) LIMIT 1`,
      )[0]?.id ?? "none",
    revisions: server
      .query<{ id: string }>("SELECT id FROM DrawingRevision ORDER BY id")
      .map((r) => r.id),
    commands: await commandTargets(server, cookies),
  };
}

export type Case = {
  category: string;
  name: string;
  /** Fixed on another branch: the suite marks it todo until that branch is merged. */
  pendingOn?: string;
  send: (ctx: Context) => Promise<Answer>;
  /** What a correct refusal is. */
  ok: (a: Answer) => boolean;
};

const FORM = "application/x-www-form-urlencoded";
const is =
  (...statuses: number[]) =>
  (a: Answer) =>
    statuses.includes(a.status);
const toLogin = (a: Answer) =>
  (a.status === 302 || a.status === 204 || a.status === 202) &&
  /\/login/.test(a.headers.location ?? a.headers["x-remix-redirect"] ?? "");
const chinese = (a: Answer) => /[\u4e00-\u9fff]/.test(a.body);
const refusedWithMessage =
  (...statuses: number[]) =>
  (a: Answer) =>
    statuses.includes(a.status) && chinese(a);

function post(
  ctx: Context,
  path: string,
  body: string,
  as?: string,
  headers: Record<string, string> = {},
) {
  return raw(
    ctx.server.host,
    "POST",
    path,
    {
      "Content-Type": FORM,
      Origin: ctx.server.base,
      ...(as ? { Cookie: ctx.cookies[as] ?? "" } : {}),
      ...headers,
    },
    body,
  );
}

function postBody(
  ctx: Context,
  path: string,
  body: string | Buffer,
  headers: Record<string, string>,
  options: { declared?: number } = {},
) {
  return raw(ctx.server.host, "POST", path, { Origin: ctx.server.base, ...headers }, body, options);
}

function get(ctx: Context, path: string, as?: string) {
  return raw(ctx.server.host, "GET", path, as ? { Cookie: ctx.cookies[as] ?? "" } : {});
}

const BOUNDARY = "----hostile0123456789";
function multipart(parts: { name: string; filename?: string; type?: string; data: Buffer }[]) {
  const chunks: Buffer[] = [];
  for (const p of parts) {
    chunks.push(
      Buffer.from(
        `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${p.name}"${
          p.filename ? `; filename="${p.filename}"` : ""
        }\r\n${p.type ? `Content-Type: ${p.type}\r\n` : ""}\r\n`,
      ),
      p.data,
      Buffer.from("\r\n"),
    );
  }
  chunks.push(Buffer.from(`--${BOUNDARY}--\r\n`));
  return Buffer.concat(chunks);
}
const MULTIPART = `multipart/form-data; boundary=${BOUNDARY}`;

// A minimal valid JPEG header followed by HTML: a polyglot.
const POLYGLOT = Buffer.concat([
  Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]),
  Buffer.alloc(200, 0),
  Buffer.from("<html><script>alert(1)</script></html>"),
  Buffer.from([0xff, 0xd9]),
]);

export function cases(): Case[] {
  const c = (
    category: string,
    name: string,
    send: Case["send"],
    ok: Case["ok"],
    pendingOn?: string,
  ): Case => ({
    category,
    name,
    send,
    ok,
    ...(pendingOn ? { pendingOn } : {}),
  });
  return [
    // —— no cookie: sent to sign-in, nothing read ——
    c("no cookie", "POST a lot action", (x) => post(x, "/lots/any-lot", "intent=submit"), toLogin),
    c("no cookie", "POST a new user", (x) => post(x, "/users/new", "username=x"), toLogin),
    c(
      "no cookie",
      "POST a photo upload",
      (x) =>
        postBody(
          x,
          "/lots/any-lot/photos",
          multipart([
            { name: "photo", filename: "a.jpg", type: "image/jpeg", data: Buffer.alloc(1000) },
          ]),
          { "Content-Type": MULTIPART },
        ),
      (a) => toLogin(a) || is(401, 403)(a),
    ),
    c(
      "no cookie",
      "GET a photo",
      (x) => get(x, "/photos/any/display"),
      (a) => toLogin(a) || is(401, 404)(a),
    ),
    c(
      "no cookie",
      "GET a report",
      (x) => get(x, "/reports/defects.pdf"),
      (a) => toLogin(a) || is(401)(a),
    ),
    // —— cross-role ——
    c(
      "cross-role",
      "contractor creates a user",
      (x) => post(x, "/users/new", "username=evil&password=x", "shigong1"),
      refusedWithMessage(403),
    ),
    c(
      "cross-role",
      "designer creates a lot",
      (x) => post(x, "/lots/new", "placeKind=zone&placeId=x", "sheji"),
      is(403),
    ),
    c(
      "cross-role",
      "contractor voids an acceptance",
      (x) =>
        post(
          x,
          `/compounds/${x.compounds[0]}/acceptance`,
          "intent=void&acceptanceId=x&reason=x",
          "shigong1",
        ),
      is(403, 404),
    ),
    c(
      "cross-role",
      "street office edits a checklist",
      (x) => post(x, "/work-types/any/edit", "intent=publish", "anhua"),
      is(403),
    ),
    c(
      "cross-role",
      "supervisor resets a password",
      (x) => post(x, "/users/any", "intent=password&password=x", "jianli"),
      is(403),
    ),
    c("cross-role", "contractor GETs the audit log", (x) => get(x, "/audit", "shigong2"), is(403)),
    c("cross-role", "contractor GETs the user list", (x) => get(x, "/users", "shigong1"), is(403)),
    c(
      "cross-role",
      "street office uploads a drawing",
      (x) =>
        postBody(
          x,
          `/compounds/${x.compounds[0]}/drawings`,
          multipart([{ name: "discipline", data: Buffer.from("电气") }]),
          { "Content-Type": MULTIPART, Cookie: x.cookies.anhua ?? "" },
        ),
      is(403, 404),
    ),
    // —— cross-origin (item 6) ——
    c(
      "cross-origin",
      "page POST from evil.example",
      (x) => post(x, "/lots/new", "placeKind=zone", "shigong1", { Origin: "http://evil.example" }),
      refusedWithMessage(403),
    ),
    c(
      "cross-origin",
      "page POST with Origin null",
      (x) => post(x, "/users/new", "username=x", "admin", { Origin: "null" }),
      refusedWithMessage(403),
    ),
    c(
      "cross-origin",
      "upload from evil.example",
      (x) =>
        postBody(
          x,
          "/lots/any/photos",
          multipart([
            { name: "photo", filename: "a.jpg", type: "image/jpeg", data: Buffer.alloc(100) },
          ]),
          {
            "Content-Type": MULTIPART,
            Origin: "http://evil.example",
            Cookie: x.cookies.shigong1 ?? "",
          },
        ),
      refusedWithMessage(403),
    ),
    c(
      "cross-origin",
      "upload with Origin null",
      (x) =>
        postBody(
          x,
          "/defects/any/photos",
          multipart([
            { name: "photo", filename: "a.jpg", type: "image/jpeg", data: Buffer.alloc(100) },
          ]),
          { "Content-Type": MULTIPART, Origin: "null", Cookie: x.cookies.jianli ?? "" },
        ),
      refusedWithMessage(403),
    ),
    c(
      "cross-origin",
      "sign-in POST from evil.example",
      (x) =>
        post(x, "/login", `username=jianli&password=${DEMO_PASSWORD}`, undefined, {
          Origin: "http://evil.example",
        }),
      refusedWithMessage(403),
    ),
    c(
      "cross-origin",
      "logout POST from evil.example",
      (x) => post(x, "/logout", "", "sheji", { Origin: "http://evil.example" }),
      refusedWithMessage(403),
    ),
    c(
      "cross-origin",
      "POST with neither Origin nor Referer",
      (x) =>
        raw(
          x.server.host,
          "POST",
          "/users/new",
          { "Content-Type": FORM, Cookie: x.cookies.admin ?? "" },
          "username=x",
        ),
      refusedWithMessage(403),
    ),
    c(
      "cross-origin",
      "Referer of another site",
      (x) =>
        raw(
          x.server.host,
          "POST",
          "/users/new",
          { "Content-Type": FORM, Referer: "http://evil.example/x", Cookie: x.cookies.admin ?? "" },
          "username=x",
        ),
      refusedWithMessage(403),
    ),
    // —— oversized (item 5) ——
    c(
      "oversized",
      "2 MB url-encoded form, signed in",
      (x) =>
        postBody(x, "/users/new", `username=${"a".repeat(2 * 1024 * 1024)}`, {
          "Content-Type": FORM,
          Cookie: x.cookies.admin ?? "",
        }),
      refusedWithMessage(413),
    ),
    c(
      "oversized",
      "200 MB declared form, no cookie, 64 KB sent",
      (x) =>
        postBody(
          x,
          "/lots/new",
          "a".repeat(65536),
          { "Content-Type": FORM },
          { declared: 200 * 1024 * 1024 },
        ),
      refusedWithMessage(413),
    ),
    c(
      "oversized",
      "200 MB declared multipart, no cookie, 64 KB sent",
      (x) =>
        postBody(
          x,
          "/lots/any",
          Buffer.alloc(65536, 97),
          { "Content-Type": MULTIPART },
          { declared: 200 * 1024 * 1024 },
        ),
      (a) => toLogin(a) || is(413)(a),
    ),
    c(
      "oversized",
      "110 MB declared upload, signed in",
      (x) =>
        postBody(
          x,
          "/lots/any/photos",
          Buffer.alloc(65536, 97),
          { "Content-Type": MULTIPART, Cookie: x.cookies.shigong1 ?? "" },
          { declared: 110 * 1024 * 1024 },
        ),
      refusedWithMessage(404, 413),
    ),
    // —— malformed bodies (item 8) ——
    c(
      "malformed",
      "JSON to a page action",
      (x) =>
        postBody(x, "/users/new", '{"username":"x"}', {
          "Content-Type": "application/json",
          Cookie: x.cookies.admin ?? "",
        }),
      refusedWithMessage(415),
    ),
    c(
      "malformed",
      "text to a page action",
      (x) =>
        postBody(x, "/lots/new", "hello", {
          "Content-Type": "text/plain",
          Cookie: x.cookies.shigong1 ?? "",
        }),
      refusedWithMessage(415),
    ),
    c(
      "malformed",
      "JSON to sign-in",
      (x) => postBody(x, "/login", '{"username":"jianli"}', { "Content-Type": "application/json" }),
      refusedWithMessage(415),
    ),
    c(
      "malformed",
      "multipart to sign-in",
      (x) =>
        postBody(x, "/login", multipart([{ name: "username", data: Buffer.from("jianli") }]), {
          "Content-Type": MULTIPART,
        }),
      refusedWithMessage(415),
    ),
    c(
      "malformed",
      "XML to an upload",
      (x) =>
        postBody(x, "/lots/any/photos", "<a/>", {
          "Content-Type": "application/xml",
          Cookie: x.cookies.shigong1 ?? "",
        }),
      refusedWithMessage(415),
    ),
    c(
      "malformed",
      "chunked form without a length",
      (x) =>
        raw(
          x.server.host,
          "POST",
          "/users/new",
          {
            "Content-Type": FORM,
            Origin: x.server.base,
            "Transfer-Encoding": "chunked",
            Cookie: x.cookies.admin ?? "",
          },
          "5\r\nab=cd\r\n0\r\n\r\n",
        ),
      refusedWithMessage(411),
    ),
    c(
      "malformed",
      "truncated multipart drawing upload",
      (x) =>
        postBody(
          x,
          `/compounds/${x.compounds[0]}/drawings`,
          multipart([
            {
              name: "file",
              filename: "a.pdf",
              type: "application/pdf",
              data: Buffer.alloc(2000, 1),
            },
          ]).subarray(0, 170),
          { "Content-Type": MULTIPART, Cookie: x.cookies.jianli ?? "" },
        ),
      (a) => a.status >= 400 && a.status < 500,
    ),
    c(
      "malformed",
      "polyglot JPEG/HTML as a drawing",
      (x) =>
        postBody(
          x,
          `/compounds/${x.compounds[0]}/drawings`,
          multipart([
            { name: "discipline", data: Buffer.from("电气") },
            { name: "file", filename: "a.jpg", type: "image/jpeg", data: POLYGLOT },
          ]),
          { "Content-Type": MULTIPART, Cookie: x.cookies.jianli ?? "" },
        ),
      refusedWithMessage(400, 413, 415, 422),
    ),
    // —— wrong ids: 404 with a message, never 500 (item 8) ——
    c(
      "wrong ids",
      "photo of a guessed id",
      (x) => get(x, "/photos/cguessed000/display", "shigong1"),
      refusedWithMessage(404),
    ),
    c(
      "wrong ids",
      "photo with a bad variant",
      (x) => get(x, "/photos/cguessed000/huge", "shigong1"),
      refusedWithMessage(404),
    ),
    c(
      "wrong ids",
      "drawing of a guessed id",
      (x) => get(x, "/drawings/cguessed000/full", "shigong1"),
      refusedWithMessage(404),
    ),
    c(
      "wrong ids",
      "lot record PDF of a guessed id",
      (x) => get(x, "/reports/lots/cguessed000/record.pdf", "jianli"),
      refusedWithMessage(404),
    ),
    c(
      "wrong ids",
      "notice PDF of a guessed id",
      (x) => get(x, "/reports/notices/cguessed000.pdf", "jianli"),
      refusedWithMessage(404),
    ),
    c(
      "wrong ids",
      "acceptance PDF of a guessed compound",
      (x) => get(x, "/reports/compounds/cguessed000/acceptance.pdf", "zhujianju"),
      refusedWithMessage(404),
    ),
    c(
      "wrong ids",
      "upload to a guessed lot",
      (x) =>
        postBody(
          x,
          "/lots/cguessed000/photos",
          multipart([
            { name: "photo", filename: "a.jpg", type: "image/jpeg", data: Buffer.alloc(100) },
          ]),
          { "Content-Type": MULTIPART, Cookie: x.cookies.shigong1 ?? "" },
        ),
      refusedWithMessage(404),
    ),
    c(
      "wrong ids",
      "defect photo to a guessed defect",
      (x) =>
        postBody(
          x,
          "/defects/cguessed000/photos",
          multipart([
            { name: "photo", filename: "a.jpg", type: "image/jpeg", data: Buffer.alloc(100) },
          ]),
          { "Content-Type": MULTIPART, Cookie: x.cookies.jianli ?? "" },
        ),
      refusedWithMessage(404),
    ),
    c(
      "wrong ids",
      "defect register captioned with another contractor's compound",
      (x) => get(x, `/reports/defects.pdf?compoundId=${x.notShigong2}`, "shigong2"),
      (a) => is(404)(a) && !a.body.includes("%PDF"),
    ),
    c(
      "wrong ids",
      "void another compound's acceptance",
      (x) =>
        post(
          x,
          `/compounds/${x.compounds[1]}/acceptance`,
          "intent=void&acceptanceId=cguessed000&reason=x",
          // The 建设单位's 项目负责人 organises (and voids) 竣工验收 (GB 50300 §6.0.6).
          "xiangmu",
        ),
      refusedWithMessage(404),
    ),
    // —— bad numbers and dates (item 13) ——
    c(
      "bad values",
      "lot capacity 0x10",
      (x) => post(x, "/lots/new", "placeKind=zone&placeId=x&capacity=0x10", "shigong1"),
      (a) => is(400, 404)(a),
    ),
    c(
      "bad values",
      "lot planned start 2021-02-30",
      (x) => post(x, "/lots/new", "placeKind=zone&placeId=x&plannedStart=2021-02-30", "shigong1"),
      (a) => is(400, 404)(a),
    ),
    // List filters drop a value they do not know (the page shows everything): never a 500.
    c(
      "bad values",
      "defect register filter with a bad status",
      (x) => get(x, "/reports/defects.xlsx?status=%3Cscript%3E&severity=0x10", "jianli"),
      is(200, 400),
    ),
    c(
      "bad values",
      "lot list filter with a bad status",
      (x) => get(x, "/reports/lots.xlsx?status=0x10&compoundId=", "jianli"),
      is(200, 400),
    ),
    // —— the residents' public 评议 form (issue 19): no sign-in, so only its own checks stand ——
    c(
      "public form",
      "JSON to the public review form",
      (x) =>
        postBody(x, "/gongshi/NH/review", '{"code":"x"}', { "Content-Type": "application/json" }),
      refusedWithMessage(415),
    ),
    c(
      "public form",
      "cross-origin review",
      (x) =>
        raw(
          x.server.host,
          "POST",
          "/gongshi/NH/review",
          { "Content-Type": FORM, Origin: "http://evil.example" },
          "topic=plan&code=ABCDEFGHJK&rating=1",
        ),
      refusedWithMessage(403),
    ),
    c(
      "public form",
      "review over 16 KB",
      (x) =>
        postBody(
          x,
          "/gongshi/NH/review",
          `topic=plan&code=ABCDEFGHJK&rating=1&opinion=${"好".repeat(9000)}`,
          {
            "Content-Type": FORM,
          },
        ),
      refusedWithMessage(413),
    ),
    c(
      "public form",
      "review with a made-up household code",
      (x) => post(x, "/gongshi/NH/review", "topic=plan&code=ABCDEFGHJK&rating=1&opinion=x"),
      refusedWithMessage(400, 403, 404, 409, 422, 429),
    ),
    c(
      "public form",
      "review with a script for a code and a rating of 99",
      (x) =>
        post(x, "/gongshi/NH/review", "topic=plan&code=%3Cscript%3E&rating=99&opinion=%3Cb%3E"),
      refusedWithMessage(400),
    ),
    ...commandCases(),
  ];
}
