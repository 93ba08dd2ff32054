/**
 * npm run audit:verify                     verify the database: the chain and every signed record
 * npm run audit:verify -- --file chain.jsonl   verify an exported chain offline
 * npm run audit:export -- [--out chain.jsonl]  export the chain as JSON lines
 */
import fs from "node:fs";
import readline from "node:readline";
import { z } from "zod";
import { createDb } from "~/infra/db.server";
import { env } from "~/infra/env.server";
import type { StoredEvent } from "~/modules/audit/chain";
import { sha256Hex } from "~/modules/audit/record.server";
import { verifyChain } from "~/modules/audit/verify";
import { exportChain, verifyDatabase } from "~/modules/audit/verify.server";
import { zhBreak, zhMessage } from "~/modules/audit/verify-zh.server";

const LineSchema = z.object({
  seq: z.number().int(),
  at: z.string(),
  actorId: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  payload: z.string(),
  prevHash: z.string(),
  hash: z.string(),
});

async function* readLines(file: string): AsyncGenerator<StoredEvent> {
  const rl = readline.createInterface({
    input: fs.createReadStream(file),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  let n = 0;
  for await (const line of rl) {
    n += 1;
    if (line.trim() === "") continue;
    const parsed = LineSchema.safeParse(JSON.parse(line));
    if (!parsed.success)
      throw new Error(
        `第 ${n} 行格式错误 (line ${n} malformed): ${parsed.error.issues[0]?.message}`,
      );
    yield parsed.data;
  }
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function verifyFile(file: string) {
  const events: StoredEvent[] = [];
  for await (const e of readLines(file)) events.push(e);
  const { count, firstBreak } = verifyChain(events, sha256Hex);
  if (firstBreak) {
    console.log(
      `✗ 操作记录链断开 (chain broken) at event ${firstBreak.seq}: ${zhMessage(firstBreak)}`,
    );
    console.log(`  expected ${firstBreak.expected}\n  actual   ${firstBreak.actual}`);
    return 1;
  }
  console.log(`✓ ${count} 条操作记录，链条完整 (chain intact): ${file}`);
  return 0;
}

async function verifyDb() {
  const db = createDb(env().database);
  try {
    const r = await verifyDatabase(db);
    let failed = false;
    if (r.chainBreak) {
      failed = true;
      console.log(
        `✗ 操作记录链断开 (chain broken) at event ${r.chainBreak.seq}: ${zhMessage(r.chainBreak)}`,
      );
      console.log(`  expected ${r.chainBreak.expected}\n  actual   ${r.chainBreak.actual}`);
    } else console.log(`✓ ${r.events} 条操作记录，链条完整 (chain intact)`);
    if (r.recordBreaks.length > 0) {
      failed = true;
      for (const b of r.recordBreaks) {
        const { label, message } = zhBreak(b);
        console.log(`✗ ${label} (${b.entityType} ${b.entityId}): ${message}`);
      }
    } else
      console.log(
        `✓ 记录与操作记录一致，${r.signedRecords} 份签认记录内容未变 (records match, signatures valid)`,
      );
    return failed ? 1 : 0;
  } finally {
    await db.$disconnect();
  }
}

async function exportTo(out: string | undefined) {
  const db = createDb(env().database);
  const stream: NodeJS.WritableStream = out ? fs.createWriteStream(out) : process.stdout;
  try {
    for await (const line of exportChain(db)) {
      if (!stream.write(line))
        await new Promise<void>((resolve) => stream.once("drain", () => resolve()));
    }
  } finally {
    await db.$disconnect();
  }
  // process.exit would cut off what is still buffered.
  await new Promise<void>((resolve) => {
    if (out) stream.end(() => resolve());
    else stream.write("", () => resolve());
  });
  return 0;
}

const command = process.argv[2];
const run =
  command === "export"
    ? exportTo(arg("--out"))
    : command === "verify"
      ? arg("--file")
        ? verifyFile(arg("--file")!)
        : verifyDb()
      : Promise.reject(
          new Error("usage: tsx scripts/audit.ts verify [--file F] | export [--out F]"),
        );

run.then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  },
);
