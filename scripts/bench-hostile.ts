/**
 * npm run bench:hostile — starts the built server (scripts/serve.mjs over build/) on a free port with its
 * own database and uploads, throws many hostile requests per category (tests/support/hostile-cases)
 * and prints: category, tries, refused as expected, 500s, process exits, rows and files changed.
 * Build first (`npx remix vite:build`). Bounded: ~1–2 minutes.
 */
import { cases, context } from "../tests/support/hostile-cases";
import { changes, startHostileServer } from "../tests/support/hostile-server";

const ROUNDS = Number(process.env.HOSTILE_ROUNDS ?? 20);
const DEADLINE_MS = 150_000;
const range: [number, number] = [
  Number(process.env.HOSTILE_PORT_FROM ?? 3340),
  Number(process.env.HOSTILE_PORT_TO ?? 3399),
];

async function main() {
  const started = Date.now();
  const server = await startHostileServer(range);
  try {
    const ctx = await context(server);
    const rssBefore = server.rssMb();
    let rssPeak = rssBefore;
    type Row = { tries: number; refused: number; s500: number; exits: number; other: string[] };
    const table = new Map<string, Row>();
    const before = server.snapshot();
    let lastDropped: Row | undefined;
    // Cases whose fix is on another branch go last, in rows of their own: on a branch without
    // that fix they may stop the server, and everything after would count as failures.
    const all = cases();
    const phases = [all.filter((c) => !c.pendingOn), all.filter((c) => c.pendingOn)];
    for (const phase of phases)
      for (let round = 0; round < ROUNDS && Date.now() - started < DEADLINE_MS; round++) {
        if (server.exits() > 0) break;
        // Each round: every case, four at a time (a busy site, not a single file line).
        // The other branch's cases one at a time, so an exit is counted on the case that caused it.
        const width = phase[0]?.pendingOn ? 1 : 4;
        for (let i = 0; i < phase.length; i += width) {
          await Promise.all(
            phase.slice(i, i + width).map(async (c) => {
              const category = c.pendingOn ? `${c.category}*` : c.category;
              const row = table.get(category) ?? {
                tries: 0,
                refused: 0,
                s500: 0,
                exits: 0,
                other: [],
              };
              table.set(category, row);
              row.tries += 1;
              const exitsBefore = server.exits();
              const note = (text: string) => {
                if (!row.other.some((o) => o.startsWith(`${c.name} →`))) row.other.push(text);
              };
              try {
                const a = await c.send(ctx);
                // An exit is reported a moment after the connection drops.
                if (a.status === 0) {
                  lastDropped = row;
                  await new Promise((r) => setTimeout(r, 500));
                }
                row.exits += server.exits() - exitsBefore;
                if (a.status >= 500) row.s500 += 1;
                if (c.ok(a)) row.refused += 1;
                else
                  note(`${c.name} → ${a.status}${c.pendingOn ? ` (fix on ${c.pendingOn})` : ""}`);
              } catch (error) {
                note(`${c.name} → ${String(error)}`);
              }
            }),
          );
          rssPeak = Math.max(rssPeak, server.exits() === 0 ? server.rssMb() : 0);
        }
      }
    await new Promise((r) => setTimeout(r, 1000));
    // An exit reported after its case finished belongs to the last case that lost its connection.
    const counted = [...table.values()].reduce((n, r) => n + r.exits, 0);
    if (server.exits() > counted && lastDropped) lastDropped.exits += server.exits() - counted;
    const after = server.snapshot();
    const changed = changes(before, after);
    const pad = (s: string | number, n: number) => String(s).padEnd(n);
    console.log(
      `\n${pad("category", 14)}${pad("tries", 8)}${pad("refused", 9)}${pad("500s", 6)}${pad("exits", 7)}rows/files changed`,
    );
    let total500 = 0;
    for (const [category, row] of table) {
      total500 += row.s500;
      console.log(
        `${pad(category, 14)}${pad(row.tries, 8)}${pad(row.refused, 9)}${pad(row.s500, 6)}${pad(row.exits, 7)}—`,
      );
    }
    console.log(
      `${pad("all", 14)}${pad("", 8)}${pad("", 9)}${pad("", 6)}${pad("", 7)}${changed.rows}/${changed.files}`,
    );
    const misses = [...table.values()].flatMap((r) => r.other);
    if (misses.length > 0) console.log(`\nnot refused as expected:\n  ${misses.join("\n  ")}`);
    const pending = [...new Set(all.flatMap((c) => (c.pendingOn ? [c.pendingOn] : [])))];
    if (pending.length > 0)
      console.log(`\n* cases whose fix is on branch ${pending.join(", ")} (run last)`);
    console.log(`\nserver RSS MB: ${rssBefore} before, ${rssPeak} peak`);
    console.log(`rows changed by refused requests: ${changed.rows}`);
    console.log(`files changed by refused requests: ${changed.files}`);
    console.log(`500s: ${total500}`);
    console.log(`process exits: ${server.exits()}`);
  } finally {
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
