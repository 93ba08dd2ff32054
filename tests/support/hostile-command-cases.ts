/**
 * Hostile outbox commands (POST /lots/:id/commands, issue 17) in issue 12's style: each is refused
 * with a 4xx and a message in the reader's language, changes no row, never a 500. Part of
 * cases() in hostile-cases.ts (tests/e2e/hostile.spec.ts and npm run bench:hostile).
 */
import type { Answer, Case, Context } from "./hostile-cases";
import { raw } from "./hostile-cases";
import { commandBody } from "./hostile-command-targets";

export { type CommandTargets, commandBody, commandTargets } from "./hostile-command-targets";

const FORM = "application/x-www-form-urlencoded";
const CJK = /[\u4e00-\u9fff]/;
/** One command as `as` would send it: url-encoded, same origin, with `headers` over that. */
function send(
  x: Context,
  lot: string,
  body: string | Buffer,
  as = "shigong1",
  headers: Record<string, string> = {},
  options: { declared?: number } = {},
) {
  const all: Record<string, string> = {
    "Content-Type": FORM,
    Origin: x.server.base,
    Cookie: x.cookies[as] ?? "",
    ...headers,
  };
  // A header given as "" is left out (a request without an Origin).
  for (const name of Object.keys(all)) if (all[name] === "") delete all[name];
  return raw(x.server.host, "POST", `/lots/${lot}/commands`, all, body, options);
}

/** A refusal: this status, the tablet's JSON shape, a message in Chinese (or English). */
const refused =
  (status: number, lng: "zh-CN" | "en" = "zh-CN") =>
  (a: Answer) => {
    if (a.status !== status) return false;
    try {
      // The body may come chunked: the JSON is between its first { and last }.
      const json = a.body.slice(a.body.indexOf("{"), a.body.lastIndexOf("}") + 1);
      const body = JSON.parse(json) as { ok?: boolean; message?: string; kind?: string };
      const message = body.message ?? "";
      return message.length > 0 && CJK.test(message) === (lng === "zh-CN");
    } catch {
      return false;
    }
  };

/** The signed lot's record as stored, to show a refused command left it as it was. */
const signedRecord = (x: Context) =>
  JSON.stringify(
    x.server.query(
      `SELECT e.itemId, e.result, e.note, e.version, p.value FROM LotItemEntry e
       LEFT JOIN SamplePoint p ON p.entryId = e.id WHERE e.lotId = '${x.commands.signedLot}'
       ORDER BY e.itemId, p.seq`,
    ),
  );

const BOUNDARY = "----command0123456789";
const multipart = (fields: Record<string, string>) =>
  Buffer.from(
    `${Object.entries(fields)
      .map(
        ([k, v]) => `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`,
      )
      .join("")}--${BOUNDARY}--\r\n`,
  );

export function commandCases(): Case[] {
  const c = (name: string, sendCase: Case["send"], ok: Case["ok"]): Case => ({
    category: "outbox command",
    name,
    send: sendCase,
    ok,
  });
  const body = (x: Context, key: string, change: Partial<Parameters<typeof commandBody>[0]> = {}) =>
    commandBody({ key, itemId: x.commands.measured, ...change });
  return [
    c(
      "for another contractor's lot",
      (x) => send(x, x.commands.lot, body(x, "hostile-cmd-0001"), "shigong2"),
      refused(404),
    ),
    c(
      "for a guessed lot id",
      (x) => send(x, "cguessedlot000000000000", body(x, "hostile-cmd-0002")),
      refused(404),
    ),
    c(
      "for a guessed item id",
      (x) => send(x, x.commands.lot, body(x, "hostile-cmd-0003", { itemId: "cguesseditem0000" })),
      refused(404),
    ),
    c(
      "an applied key reused for another item",
      (x) =>
        send(x, x.commands.lot, body(x, x.commands.appliedKey, { itemId: x.commands.otherItem })),
      refused(409),
    ),
    c(
      "an applied key reused for another lot",
      (x) => send(x, x.commands.otherLot, body(x, x.commands.appliedKey)),
      refused(409),
    ),
    c(
      "a batch of 501 points",
      (x) =>
        send(
          x,
          x.commands.lot,
          body(x, "hostile-cmd-0004", {
            points: Array.from({ length: 501 }, () => ({ value: 1, serious: false })),
          }),
        ),
      refused(400),
    ),
    c(
      "a 1.1 MB multipart command (over the 1 MB limit)",
      (x) =>
        send(
          x,
          x.commands.lot,
          multipart({ kind: "entry", key: "hostile-cmd-0005", entry: "x".repeat(1_150_000) }),
          "shigong1",
          { "Content-Type": `multipart/form-data; boundary=${BOUNDARY}` },
        ),
      refused(413),
    ),
    c(
      "malformed JSON",
      (x) => send(x, x.commands.lot, body(x, "hostile-cmd-0006", { entry: '{"itemId":' })),
      refused(400),
    ),
    c(
      "a truncated multipart body",
      (x) =>
        send(
          x,
          x.commands.lot,
          multipart({ kind: "entry", key: "hostile-cmd-0007", entry: body(x, "k") }).subarray(
            0,
            120,
          ),
          "shigong1",
          { "Content-Type": `multipart/form-data; boundary=${BOUNDARY}` },
        ),
      refused(400),
    ),
    c(
      "JSON instead of a form",
      (x) =>
        send(x, x.commands.lot, JSON.stringify({ key: "hostile-cmd-0008" }), "shigong1", {
          "Content-Type": "application/json",
        }),
      (a) => a.status === 415 && CJK.test(a.body),
    ),
    c(
      "a value of Infinity (1e999)",
      (x) =>
        send(
          x,
          x.commands.lot,
          body(x, "hostile-cmd-0009", {
            entry: `{"itemId":"${x.commands.measured}","result":null,"note":null,"designValue":null,"points":[{"value":1e999}]}`,
          }),
        ),
      refused(400),
    ),
    c(
      "a value of NaN",
      (x) =>
        send(
          x,
          x.commands.lot,
          body(x, "hostile-cmd-0010", {
            entry: `{"itemId":"${x.commands.measured}","result":null,"note":null,"designValue":null,"points":[{"value":NaN}]}`,
          }),
        ),
      refused(400),
    ),
    c(
      "a value out of range (1e12), answered in English to an English reader",
      (x) =>
        send(
          x,
          x.commands.lot,
          body(x, "hostile-cmd-0011", { points: [{ value: 1e12, serious: false }] }),
          "shigong1",
          { "Accept-Language": "en-GB,en" },
        ),
      refused(400, "en"),
    ),
    c(
      "an item version that is not a number",
      (x) => send(x, x.commands.lot, body(x, "hostile-cmd-0012", { itemVersion: "1; DROP" })),
      refused(400),
    ),
    c(
      "a point on an item without points",
      (x) =>
        send(
          x,
          x.commands.lot,
          body(x, "hostile-cmd-0013", {
            itemId: x.commands.unmeasured,
            points: [{ value: 5, serious: false }],
          }),
        ),
      refused(400),
    ),
    c(
      "on a signed lot: refused, the signed record unchanged",
      async (x) => {
        const before = signedRecord(x);
        const answer = await send(
          x,
          x.commands.signedLot,
          commandBody({ key: "hostile-cmd-0014", itemId: x.commands.signedItem, itemVersion: "" }),
          "jianli",
        );
        return signedRecord(x) === before ? answer : { ...answer, status: 599 };
      },
      refused(409),
    ),
    c(
      "without an Origin header",
      (x) => send(x, x.commands.lot, body(x, "hostile-cmd-0015"), "shigong1", { Origin: "" }),
      (a) => a.status === 403 && CJK.test(a.body),
    ),
    c(
      "from another site",
      (x) =>
        send(x, x.commands.lot, body(x, "hostile-cmd-0016"), "shigong1", {
          Origin: "https://evil.example",
        }),
      (a) => a.status === 403 && CJK.test(a.body),
    ),
  ];
}
