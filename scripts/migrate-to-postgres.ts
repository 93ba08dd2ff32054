/**
 * npm run migrate:to-postgres -- --to postgres://… [--s3-bucket NAME] [--verify-only]
 *
 * Moves the embedded installation named by the usual settings (DATABASE_PATH or DATA_DIR,
 * UPLOADS_DIR; or --from FILE --uploads DIR) to an empty PostgreSQL database, applying its
 * migrations first, and with --s3-bucket copies the uploads to S3 (S3_ENDPOINT, S3_REGION,
 * S3_PREFIX, S3_FORCE_PATH_STYLE, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY from the environment,
 * or --s3-endpoint/--s3-region/--s3-prefix). Then verifies: every table's row count and content
 * hash, every file's SHA-256, and the audit verifier on the target. Stop the server first.
 * Exit 0 = identical and verified, 1 = differences (printed), 2 = refused or failed.
 */

import { parseArgs } from "node:util";
import { env } from "~/infra/env.server";
import { zhBreakLine } from "~/modules/audit/verify-zh.server";
import { isMigrationRefused, migrateToPostgres } from "~/modules/ops/migrate-to-postgres.server";

const { values } = parseArgs({
  options: {
    to: { type: "string" },
    from: { type: "string" },
    uploads: { type: "string" },
    "s3-bucket": { type: "string" },
    "s3-endpoint": { type: "string" },
    "s3-region": { type: "string" },
    "s3-prefix": { type: "string" },
    "verify-only": { type: "boolean", default: false },
    json: { type: "boolean", default: false },
  },
});

if (!values.to || !/^postgres(ql)?:\/\//.test(values.to)) {
  console.error(
    "用法 (usage): npm run migrate:to-postgres -- --to postgres://user:pass@host/db [--s3-bucket NAME]",
  );
  process.exit(2);
}
const e = env();
const bucket = values["s3-bucket"];
const started = Date.now();
try {
  const report = await migrateToPostgres({
    sqlitePath: values.from ?? e.databasePath,
    uploadsDir: values.uploads ?? e.uploadsDir,
    targetUrl: values.to,
    verifyOnly: values["verify-only"],
    s3: bucket
      ? {
          bucket,
          endpoint: values["s3-endpoint"] ?? process.env.S3_ENDPOINT,
          region: values["s3-region"] ?? process.env.S3_REGION ?? "us-east-1",
          prefix: values["s3-prefix"] ?? process.env.S3_PREFIX ?? "",
          accessKeyId: process.env.S3_ACCESS_KEY_ID ?? "",
          secretAccessKey: process.env.S3_SECRET_ACCESS_KEY ?? "",
          forcePathStyle: (process.env.S3_FORCE_PATH_STYLE ?? "true") === "true",
        }
      : undefined,
    progress: (line) => console.error(`  ${line}`),
  });
  if (values.json)
    console.log(JSON.stringify(report, (_k, v) => (typeof v === "bigint" ? String(v) : v), 2));
  const rows = report.tables.reduce((n, t) => n + t.targetRows, 0);
  console.log(
    `表 (tables): ${report.tables.length}, 行 (rows): ${rows}, 不一致 (differing): ${report.tableMismatches.length}`,
  );
  for (const m of report.tableMismatches)
    console.log(
      `  ✗ ${m.table}: rows ${m.sourceRows} → ${m.targetRows}, hash ${m.sourceHash.slice(0, 12)}… → ${m.targetHash.slice(0, 12)}…`,
    );
  console.log(
    `文件 (files): ${report.files.files} (${(report.files.bytes / 1048576).toFixed(1)} MB), 新复制 (copied): ${report.files.copied}, 问题 (problems): ${report.files.problems.length}`,
  );
  for (const p of report.files.problems) console.log(`  ✗ ${p.store}/${p.key}: ${p.problem}`);
  const a = report.audit;
  console.log(
    `审计链 (audit chain): ${a.sourceEvents} → ${a.target.events} 条, ${a.target.chainBreak ? `断裂于 #${a.target.chainBreak.seq}` : "完整 (unbroken)"}, 签名记录 (signed records): ${a.target.signedRecords}, 记录问题 (record breaks): ${a.target.recordBreaks.length}`,
  );
  for (const b of a.target.recordBreaks) console.log(`  ✗ ${zhBreakLine(b)}`);
  console.log(
    report.ok
      ? `✓ 迁移已验证一致 (verified identical) in ${((Date.now() - started) / 1000).toFixed(1)} s`
      : "✗ 验证未通过 (verification failed)",
  );
  process.exit(report.ok ? 0 : 1);
} catch (error) {
  console.error(
    isMigrationRefused(error)
      ? `拒绝迁移，未写入任何数据 (refused, nothing written): ${(error as Error).message}`
      : error,
  );
  process.exit(2);
}
