/**
 * Several app instances on one PostgreSQL database and one S3 bucket (issue 18): the built server
 * (scripts/serve.mjs) started as in production, an s3rver bucket, the lots a mixed load works on,
 * and the load itself (uploads, outbox entries, the supervisor's transitions) sent through the
 * instances, a client retrying on another instance when its instance is gone. Used by
 * tests/integration/instances.test.ts and `npm run bench:instances`.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
// @ts-expect-error s3rver ships no types
import S3rver from "s3rver";
import sharp from "sharp";
import { createDb, type Db } from "~/infra/db.server";
import { migratePostgres } from "~/infra/pg-migrate.server";
import { parseSignatureDataUrl } from "~/modules/acceptance/signature-image.server";
import { enqueueJob } from "~/modules/jobs/queue.server";
import { createLot } from "~/modules/lot/create.server";
import { saveLotRecords } from "~/modules/lot/lots.server";
import { signLot } from "~/modules/lot/sign.server";
import { fillEntries } from "../../prisma/seed/activity";
import { seedDemo } from "../../prisma/seed/demo";
import { DEMO_PASSWORD } from "../../prisma/seed/demo-data";
import { cameraJpeg } from "./images";
import { createPgDatabase, dropPgDatabase, pgUrl } from "./pg";

export type S3Bucket = { endpoint: string; bucket: string; close: () => Promise<void> };

/** An S3-compatible server (s3rver) on loopback with one empty bucket. */
export async function startS3(port: number, dir: string): Promise<S3Bucket> {
  fs.rmSync(dir, { recursive: true, force: true });
  const bucket = "yanshou-instances";
  const server = new S3rver({
    port,
    address: "127.0.0.1",
    silent: true,
    directory: dir,
    configureBuckets: [{ name: bucket }],
  });
  await server.run();
  return {
    endpoint: `http://127.0.0.1:${port}`,
    bucket,
    close: async () => {
      await server.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const s3Env = (s3: S3Bucket) => ({
  S3_BUCKET: s3.bucket,
  S3_ENDPOINT: s3.endpoint,
  S3_REGION: "us-east-1",
  S3_ACCESS_KEY_ID: "S3RVER",
  S3_SECRET_ACCESS_KEY: "S3RVER",
  S3_FORCE_PATH_STYLE: "true",
});

export type ClusterDb = { name: string; url: string; db: Db; drop: () => Promise<void> };

/** A PostgreSQL database for the cluster: a copy of `template`, or migrated and seeded here. */
export async function clusterDb(adminUrl: string, template?: string): Promise<ClusterDb> {
  const name = `yanshou_test_inst_${randomUUID().slice(0, 8)}`;
  await createPgDatabase(adminUrl, name, template);
  const url = pgUrl(adminUrl, name);
  if (!template) await migratePostgres(url);
  const db = createDb(url);
  if (!template) await seedDemo(db);
  return {
    name,
    url,
    db,
    drop: async () => {
      await db.$disconnect();
      await dropPgDatabase(adminUrl, name);
    },
  };
}

export type Instance = {
  name: string;
  url: string;
  child: ChildProcess;
  exited: Promise<number | null>;
  log: () => string;
  alive: () => boolean;
  kill: (signal?: NodeJS.Signals) => Promise<void>;
};

/** The built server on `port`, on the shared database and bucket, with a job worker (JOBS=1). */
export async function startInstance(
  name: string,
  port: number,
  env: Record<string, string>,
): Promise<Instance> {
  const dataDir = path.resolve(".tmp", `instance-${port}-${randomUUID().slice(0, 8)}`);
  fs.mkdirSync(path.join(dataDir, "uploads"), { recursive: true });
  let output = "";
  const child = spawn(process.execPath, ["scripts/serve.mjs"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      HOST: "127.0.0.1",
      DATA_DIR: dataDir,
      UPLOADS_DIR: path.join(dataDir, "uploads"),
      SESSION_SECRET: "instances-only-secret-0123456789abcdef0123",
      DEMO_ACTIVITY: "0",
      MALLOC_ARENA_MAX: "2",
      JOBS: "1",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (c: Buffer) => {
    output += c.toString();
  });
  child.stderr!.on("data", (c: Buffer) => {
    output += c.toString();
  });
  const exited = new Promise<number | null>((r) => child.once("exit", (code) => r(code)));
  exited.then(() => fs.rmSync(dataDir, { recursive: true, force: true }));
  const started = Date.now();
  while (!output.includes("已启动")) {
    if (child.exitCode !== null || child.signalCode) throw new Error(`${name} exited: ${output}`);
    if (Date.now() - started > 60_000) throw new Error(`${name} did not start: ${output}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  const alive = () => child.exitCode === null && child.signalCode === null;
  return {
    name,
    url: `http://127.0.0.1:${port}`,
    child,
    exited,
    log: () => output,
    alive,
    kill: async (signal = "SIGKILL") => {
      if (alive()) child.kill(signal);
      await exited;
    },
  };
}

export async function signInAt(url: string, username: string) {
  const res = await fetch(`${url}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { Origin: url },
    body: new URLSearchParams({ username, password: DEMO_PASSWORD, redirectTo: "/" }),
  });
  const cookie = res.headers.get("set-cookie");
  if (!cookie) throw new Error(`sign-in failed at ${url}: ${res.status}`);
  return cookie.split(";")[0]!;
}

export type Work = {
  /** draft lots taking uploads and entries, with one item each to write to */
  open: { lotId: string; itemIds: string[] }[];
  /** submitted (signed) lots the supervisor sends back */
  submitted: string[];
};

async function signature() {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="300" height="120"><path d="M20 80 C 60 10, 120 110, 180 40 S 260 90, 280 30" stroke="#000" stroke-width="4" fill="none"/></svg>`;
  const png = await sharp(Buffer.from(svg)).png().toBuffer();
  const image = await parseSignatureDataUrl(`data:image/png;base64,${png.toString("base64")}`);
  if ("error" in image) throw new Error(image.error);
  return image;
}

/** Lots of the demo's 南湖 compound (stair railings): `open` drafts and `submitted` signed ones. */
export async function prepareWork(db: Db, open: number, submitted: number): Promise<Work> {
  const users = await db.user.findMany({
    where: { username: { in: ["shigong1", "jianli"] } },
    select: { id: true, username: true, role: true, organizationId: true },
  });
  const found = users.find((u) => u.username === "shigong1")!;
  const contractor = { ...found, role: "contractor" as const };
  const stairwells = await db.stairwell.findMany({
    where: { building: { compound: { code: "NH" } } },
    select: { id: true },
    orderBy: { id: "asc" },
    take: open + submitted,
  });
  const work: Work = { open: [], submitted: [] };
  const image = submitted > 0 ? await signature() : null;
  for (const [i, place] of stairwells.entries()) {
    const lot = await createLot(db, contractor, "own", {
      workTypeCode: "stair-railing",
      place: { kind: "stairwell", id: place.id },
    });
    if (i < open) {
      const items = await db.inspectionLot.findUniqueOrThrow({
        where: { id: lot.id },
        select: {
          template: { select: { items: { select: { id: true }, orderBy: { id: "asc" } } } },
        },
      });
      work.open.push({ lotId: lot.id, itemIds: items.template.items.map((x) => x.id) });
      continue;
    }
    await fillEntries(db, contractor, lot.id);
    await saveLotRecords(db, contractor, "own", lot.id, {
      recordsComplete: true,
      selfCheckNote: null,
    });
    await signLot(db, contractor, "own", lot.id, "submit", {
      password: DEMO_PASSWORD,
      image: image!,
      conclusion: "自检合格",
      foreman: "李德明",
      confirmed: true,
    });
    work.submitted.push(lot.id);
  }
  return work;
}

export type Op =
  | { kind: "upload"; lotId: string; bytes: Buffer; sha256: string; name: string }
  | { kind: "entry"; lotId: string; itemId: string; key: string }
  | { kind: "transition"; lotId: string };

/** The mixed load: `uploads` distinct photos, `entries` outbox commands, one return per submitted lot. */
export async function buildOps(work: Work, uploads: number, entries: number): Promise<Op[]> {
  const ops: Op[] = [];
  for (let i = 0; i < uploads; i++) {
    const bytes = await cameraJpeg({ width: 480, height: 360, seed: i + 1 });
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    const lot = work.open[i % work.open.length]!;
    ops.push({ kind: "upload", lotId: lot.lotId, bytes, sha256, name: `load-${i}.jpg` });
  }
  for (let i = 0; i < entries; i++) {
    const lot = work.open[i % work.open.length]!;
    const itemId = lot.itemIds[Math.floor(i / work.open.length) % lot.itemIds.length]!;
    ops.push({ kind: "entry", lotId: lot.lotId, itemId, key: `load-${randomUUID()}` });
  }
  for (const lotId of work.submitted) ops.push({ kind: "transition", lotId });
  // Interleaved, the same order every run (a fixed shuffle).
  let seed = 7;
  for (let i = ops.length - 1; i > 0; i--) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    const j = seed % (i + 1);
    [ops[i], ops[j]] = [ops[j]!, ops[i]!];
  }
  return ops;
}

/** What the server answered: acknowledged, refused as already done (a retry's 409), or failed. */
type Outcome = "ack" | "already" | "refused";

async function send(
  op: Op,
  url: string,
  cookies: Cookies,
): Promise<{ outcome: Outcome; status: number }> {
  const headers = { Origin: url };
  if (op.kind === "upload") {
    const form = new FormData();
    form.append("photo", new Blob([new Uint8Array(op.bytes)], { type: "image/jpeg" }), op.name);
    const res = await fetch(`${url}/lots/${op.lotId}/photos`, {
      method: "POST",
      headers: { ...headers, Cookie: cookies.contractor },
      body: form,
    });
    const body = (await res.json()) as { ok: boolean };
    return { outcome: res.status === 200 && body.ok ? "ack" : "refused", status: res.status };
  }
  if (op.kind === "entry") {
    const entry = { itemId: op.itemId, result: null, note: op.key, designValue: null, points: [] };
    const res = await fetch(`${url}/lots/${op.lotId}/commands`, {
      method: "POST",
      headers: { ...headers, Cookie: cookies.contractor },
      body: new URLSearchParams({ kind: "entry", key: op.key, entry: JSON.stringify(entry) }),
    });
    const body = (await res.json()) as { ok: boolean; outcome: string };
    if (res.status === 200 && body.ok)
      return { outcome: body.outcome === "duplicate" ? "already" : "ack", status: 200 };
    return { outcome: "refused", status: res.status };
  }
  const res = await fetch(`${url}/lots/${op.lotId}`, {
    method: "POST",
    redirect: "manual",
    headers: { ...headers, Cookie: cookies.supervisor },
    body: new URLSearchParams({ intent: "reject", reason: "资料不全，退回补充" }),
  });
  await res.arrayBuffer();
  // 409: the lot was already returned (by this request's first attempt, whose answer was lost).
  const outcome = res.status === 200 ? "ack" : res.status === 409 ? "already" : "refused";
  return { outcome, status: res.status };
}

export type Cookies = { contractor: string; supervisor: string };

export type LoadResult = {
  seconds: number;
  latencies: number[];
  /** per op index: how it ended and on which instance */
  results: {
    op: Op;
    outcome: Outcome | "failed";
    status: number;
    instance: string;
    tries: number;
  }[];
  /** requests that reached no instance (connection refused or reset), each retried elsewhere */
  retries: number;
  perInstance: Record<string, number>;
  jobsEnqueued: string[];
};

/**
 * `clients` concurrent clients take the next op in turn and send it to the next live instance
 * (round robin); a request that finds no server (refused, reset) goes to another live one.
 * `onProgress(done)` may kill an instance; `enqueueJobEvery` ops one job is enqueued (the work a
 * change would leave for the workers).
 */
export async function runLoad(
  ops: Op[],
  instances: Instance[],
  cookies: Cookies,
  opts: { clients: number; db?: Db; enqueueJobEvery?: number; onProgress?: (done: number) => void },
): Promise<LoadResult> {
  const result: LoadResult = {
    seconds: 0,
    latencies: [],
    results: [],
    retries: 0,
    perInstance: {},
    jobsEnqueued: [],
  };
  let next = 0;
  let done = 0;
  let turn = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: opts.clients }, async () => {
      for (let index = next++; index < ops.length; index = next++) {
        const op = ops[index]!;
        if (opts.db && opts.enqueueJobEvery && index % opts.enqueueJobEvery === 0) {
          const key = `load-job-${index}`;
          await enqueueJob(opts.db, { kind: "defect.due-notifications", idempotencyKey: key });
          result.jobsEnqueued.push(key);
        }
        const t = performance.now();
        let entry: LoadResult["results"][number] | undefined;
        for (let tries = 1; tries <= 6 && !entry; tries++) {
          const live = instances.filter((i) => i.alive());
          const instance = live[turn++ % Math.max(1, live.length)];
          if (!instance) break;
          try {
            const { outcome, status } = await send(op, instance.url, cookies);
            entry = { op, outcome, status, instance: instance.name, tries };
            result.perInstance[instance.name] = (result.perInstance[instance.name] ?? 0) + 1;
          } catch {
            result.retries += 1;
            await new Promise((r) => setTimeout(r, 50));
          }
        }
        result.latencies.push(performance.now() - t);
        result.results[index] = entry ?? {
          op,
          outcome: "failed",
          status: 0,
          instance: "",
          tries: 6,
        };
        opts.onProgress?.(++done);
      }
    }),
  );
  result.seconds = (performance.now() - start) / 1000;
  return result;
}

export function percentile(values: number[], p: number) {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
