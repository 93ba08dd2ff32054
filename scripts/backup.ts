/**
 * npm run backup  [-- --out <folder>]           online backup of the SQLite database and uploads
 * npm run restore -- <folder> [--force]          restore it (server stopped), then audit:verify
 *
 * For the embedded default only; PostgreSQL and S3: see docs/decisions/0018-operations.md.
 */

import path from "node:path";
import { backupEmbedded, restoreEmbedded } from "~/infra/backup.server";
import { createDb } from "~/infra/db.server";
import { env } from "~/infra/env.server";
import { isFailure } from "~/infra/failure";
import { verifyDatabase } from "~/modules/audit/verify.server";
import { zhBreakLine, zhMessage } from "~/modules/audit/verify-zh.server";
import { LocalPhotoStorage } from "~/modules/photo/storage.server";

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(command: string | undefined): Promise<number> {
  const e = env();
  if (e.databaseKind !== "sqlite") {
    console.error(
      "DATABASE_URL 指向 PostgreSQL：请用 pg_dump / pg_restore 备份 (use pg_dump for PostgreSQL)",
    );
    return 2;
  }
  if (command === "backup") {
    const stamp = new Date().toISOString().replace(/[:.]/g, "-");
    const out = path.resolve(arg("--out") ?? path.join("backups", `yanshou-${stamp}`));
    const m = await backupEmbedded({ databasePath: e.databasePath, uploadsDir: e.uploadsDir, out });
    console.log(
      `✓ 已备份 (backed up) → ${out}\n  ${m.auditEvents} 条操作记录, ${m.files} 个文件 (${(m.bytes / 1048576).toFixed(1)} MB)`,
    );
    return 0;
  }
  if (command === "restore") {
    const from = process.argv.slice(3).find((a) => !a.startsWith("--"));
    if (!from) {
      console.error("用法 (usage): npm run restore -- <备份目录> [--force]");
      return 2;
    }
    const { manifest, movedAside } = restoreEmbedded({
      from: path.resolve(from),
      databasePath: e.databasePath,
      uploadsDir: e.uploadsDir,
      force: process.argv.includes("--force"),
    });
    for (const p of movedAside) console.log(`  原有数据已移到 (moved aside): ${p}`);
    console.log(`已恢复 (restored) ${manifest.createdAt} 的备份，正在校验 (verifying)…`);
    const db = createDb(e.databasePath);
    try {
      const r = await verifyDatabase(
        db,
        new LocalPhotoStorage(path.join(e.uploadsDir, "photos")),
        new LocalPhotoStorage(path.join(e.uploadsDir, "drawings")),
      );
      const breaks = [...(r.chainBreak ? [zhMessage(r.chainBreak)] : [])].concat(
        r.recordBreaks.map((b) => zhBreakLine(b)),
      );
      if (r.events !== manifest.auditEvents)
        breaks.push(`操作记录条数 ${r.events} 与备份清单 ${manifest.auditEvents} 不符`);
      if (breaks.length > 0) {
        for (const b of breaks) console.log(`✗ ${b}`);
        return 1;
      }
      console.log(`✓ ${r.events} 条操作记录链条完整，${r.signedRecords} 份签认记录与文件一致`);
      return 0;
    } finally {
      await db.$disconnect();
    }
  }
  console.error("用法 (usage): tsx scripts/backup.ts backup|restore");
  return 2;
}

main(process.argv[2]).then(
  (code) => process.exit(code),
  (error) => {
    console.error(isFailure(error, "backup") ? `✗ ${error.message}` : error);
    process.exit(1);
  },
);
