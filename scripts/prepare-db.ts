import { execFileSync } from "node:child_process";
import path from "node:path";
import { createDb } from "~/infra/db.server";
import { ensureDataDirs, env } from "~/infra/env.server";
import { isFailure } from "~/infra/failure";
import { migratePostgres } from "~/infra/pg-migrate.server";
import { sweepSpool } from "~/infra/upload-spool.server";
import { ROLE_LABELS } from "~/modules/auth/permissions";
import { importChecklistData, publishDataFileRevisions } from "~/modules/checklist/import.server";
import { drawingStorage } from "~/modules/drawing/storage.server";
import { documentStores } from "~/modules/files/document-store.server";
import { sweepStoredFiles } from "~/modules/files/sweep.server";
import { photoStorage } from "~/modules/photo/storage.server";
import { exportStorage } from "~/modules/report/export-store.server";
import { seedDemoActivity } from "../prisma/seed/activity";
import { isSeeded, readChecklistData, readWorkTypePlaces, seedDemo } from "../prisma/seed/demo";
import { DEMO_PASSWORD, USERS } from "../prisma/seed/demo-data";
import { seedDemoDrawings } from "../prisma/seed/demo-drawings";
import { seedDemoPayments } from "../prisma/seed/demo-funds";

const DATA_REVISION_NOTE =
  "按数据文件修订：逐项写明标准条文、判定方式、单位、按部位属性取限值及抽样规则（GB 50300 表3.0.9、附录D）；回填压实度改为主控项目（GB 50268 §4.6.3）";

/** The URL without its password, for the console. */
const redactUrl = (url: string) => url.replace(/\/\/([^:/@]+):[^@]*@/, "//$1:***@");

const prismaBin = path.resolve("node_modules", ".bin", "prisma");

export async function prepareDatabase({ quiet = false } = {}) {
  const e = env();
  ensureDataDirs(e);
  if (e.databaseKind === "postgres") await migratePostgres(e.database);
  else
    try {
      execFileSync(prismaBin, ["migrate", "deploy"], {
        stdio: "pipe",
        env: { ...process.env, DATABASE_PATH: e.databasePath },
      });
    } catch (error) {
      const output = error as { stdout?: Buffer; stderr?: Buffer };
      throw new Error(
        `数据库迁移失败 (migration failed):\n${output.stdout?.toString() ?? ""}${output.stderr?.toString() ?? ""}`,
      );
    }
  const db = createDb(e.database);
  try {
    // WAL lets the tablet's autosaves and others' reads proceed together; it persists in the file.
    if (e.databaseKind === "sqlite") await db.$queryRawUnsafe("PRAGMA journal_mode = WAL");
    // Work-type metadata follows the data file; existing checklist versions are never touched.
    await importChecklistData(db, readChecklistData(), readWorkTypePlaces());
    // A corrected data file becomes the next version; open lots keep theirs.
    const revised = await publishDataFileRevisions(db, readChecklistData(), DATA_REVISION_NOTE);
    if (!quiet && revised.length > 0)
      console.log(`检查表已按数据文件发布新版本 (checklists revised): ${revised.length}`);
    if (!(await isSeeded(db))) {
      const result = await seedDemo(db);
      if (!quiet) console.log(`演示数据已写入 (demo data seeded): ${result.workTypes} 个工程类别`);
      const sheets = await seedDemoDrawings(db, drawingStorage());
      if (!quiet) console.log(`演示图纸已渲染 (demo drawings rendered): ${sheets} 张`);
      if (e.demoActivity) {
        const activity = await seedDemoActivity(db);
        const payments = await seedDemoPayments(db, DEMO_PASSWORD);
        if (!quiet) console.log(`演示计量支付 (demo payments): ${payments} 期`);
        if (!quiet)
          console.log(
            `演示检验批与质量问题 (demo activity): ${activity.lots} 个检验批, ${activity.defects} 个质量问题`,
          );
      }
    }
    // Temporaries and row-less files of uploads a crash interrupted (invariant 4); nothing is
    // uploading before start.
    const swept = await sweepStoredFiles(db, {
      photos: photoStorage(),
      drawings: drawingStorage(),
      documents: documentStores(),
      exports: exportStorage(),
    });
    // and the spooled parts of request bodies (UPLOADS_DIR/.tmp/incoming)
    const spooled = await sweepSpool();
    if (!quiet && swept.temporaries + swept.orphans + spooled > 0)
      console.log(
        `已清理未完成的上传文件 (swept interrupted uploads): ${swept.temporaries + swept.orphans + spooled}`,
      );
  } finally {
    await db.$disconnect();
  }
  if (!quiet)
    console.log(
      `数据库 (database): ${e.databaseKind === "postgres" ? redactUrl(e.database) : e.databasePath}`,
    );
}

export function printDemoSignIns() {
  console.log(`\n演示账号 (demo sign-ins), 密码 (password) 均为: ${DEMO_PASSWORD}`);
  for (const u of USERS) {
    console.log(
      `  ${u.username.padEnd(10)} ${ROLE_LABELS[u.role].padEnd(6, "　")} ${u.displayName} · ${u.title}`,
    );
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  prepareDatabase().catch((error: unknown) => {
    console.error(isFailure(error, "env") ? error.message : error);
    process.exit(1);
  });
}
