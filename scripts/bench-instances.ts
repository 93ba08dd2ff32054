/**
 * npm run bench:instances — throughput of one app instance vs two on one PostgreSQL database and
 * one S3 bucket (s3rver), in the same run with the same load: 50 clients sending 40 photo
 * uploads, 200 outbox entries and 10 supervisor returns, round robin over the instances (JOBS=1
 * on each). Each run gets a fresh copy of one migrated, seeded database and an empty bucket.
 * Needs PG_TEST_URL (a role that may create databases), like `npm run test:pg`.
 * Ends with `instances 1 vs 2 req/s: A B ratio R`.
 */
import os from "node:os";
import path from "node:path";
import {
  buildOps,
  clusterDb,
  type Instance,
  percentile,
  prepareWork,
  runLoad,
  s3Env,
  signInAt,
  startInstance,
  startS3,
} from "../tests/support/instances";
import { ensureBuild, freePort } from "../tests/support/server";

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 50);
const UPLOADS = Number(process.env.BENCH_UPLOADS ?? 40);
const ENTRIES = Number(process.env.BENCH_ENTRIES ?? 200);

async function run(adminUrl: string, template: string, n: number) {
  const cluster = await clusterDb(adminUrl, template);
  const s3Port = await freePort();
  const s3 = await startS3(s3Port, path.join(os.tmpdir(), `bench-instances-s3-${s3Port}`));
  const instances: Instance[] = [];
  try {
    const env = { DATABASE_URL: cluster.url, ...s3Env(s3) };
    for (let i = 0; i < n; i++)
      instances.push(await startInstance(`i${i + 1}`, await freePort(), env));
    const work = await prepareWork(cluster.db, 10, 10);
    const ops = await buildOps(work, UPLOADS, ENTRIES);
    const first = instances[0]!;
    const cookies = {
      contractor: await signInAt(first.url, "shigong1"),
      supervisor: await signInAt(first.url, "jianli"),
    };
    const load = await runLoad(ops, instances, cookies, { clients: CLIENTS });
    const bad = load.results.filter((r) => r.outcome === "failed" || r.outcome === "refused");
    const rps = ops.length / load.seconds;
    const p95 = percentile(load.latencies, 95);
    const spread = Object.entries(load.perInstance)
      .map(([k, v]) => `${k} ${v}`)
      .join(", ");
    console.log(
      `${n} instance(s): ${ops.length} requests in ${load.seconds.toFixed(1)} s = ${rps.toFixed(1)} req/s, ` +
        `p50 ${percentile(load.latencies, 50).toFixed(0)} ms, p95 ${p95.toFixed(0)} ms; ${spread}; failed ${bad.length}`,
    );
    return rps;
  } finally {
    for (const i of instances) await i.kill("SIGTERM");
    await s3.close();
    await cluster.drop();
  }
}

async function main() {
  const adminUrl = process.env.PG_TEST_URL?.trim();
  if (!adminUrl) {
    console.log(
      "bench:instances needs PG_TEST_URL (e.g. postgres://yanshou:yanshou@127.0.0.1:5432/postgres)",
    );
    process.exit(1);
  }
  await ensureBuild();
  const template = await clusterDb(adminUrl);
  await template.db.$disconnect();
  try {
    console.log(
      `${CLIENTS} clients; ${UPLOADS} uploads, ${ENTRIES} entries, 10 returns per run; ${os.cpus().length} CPUs`,
    );
    const one = await run(adminUrl, template.name, 1);
    const two = await run(adminUrl, template.name, 2);
    console.log(
      `instances 1 vs 2 req/s: ${one.toFixed(1)} ${two.toFixed(1)} ratio ${(two / one).toFixed(2)}`,
    );
  } finally {
    await template.drop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
