/**
 * npm run bench:audit — `npm run audit:verify`'s work on the county-scale database (generated
 * by bench:scale's generator, or reused from .tmp): wall time and this process's peak RSS.
 */
import { zhBreakLine } from "~/modules/audit/verify-zh.server";
import { generateScaleDb } from "./generate";

const dirs = await generateScaleDb((s) => console.log(`[generate] ${s}`));
process.env.DATABASE_PATH = dirs.dbPath;
process.env.DATA_DIR = dirs.dataDir;
process.env.UPLOADS_DIR = dirs.uploadsDir;
const { createDb } = await import("~/infra/db.server");
const { verifyDatabase } = await import("~/modules/audit/verify.server");
const db = createDb(dirs.dbPath);
const started = performance.now();
const report = await verifyDatabase(db);
const seconds = (performance.now() - started) / 1000;
await db.$disconnect();
console.log(
  `events: ${report.events}, chain ${report.chainBreak ? `broken at ${report.chainBreak.seq}` : "intact"}, signed records: ${report.signedRecords}, record breaks: ${report.recordBreaks.length}`,
);
for (const b of report.recordBreaks.slice(0, 5)) console.log(`  ${zhBreakLine(b)}`);
const rssMb = process.resourceUsage().maxRSS / 1024;
const usage = process.resourceUsage();
const mem = process.memoryUsage();
console.log(
  `cpu seconds: user ${(usage.userCPUTime / 1e6).toFixed(1)} sys ${(usage.systemCPUTime / 1e6).toFixed(1)}; at the end: heap used ${(mem.heapUsed / 2 ** 20).toFixed(0)} MB of ${(mem.heapTotal / 2 ** 20).toFixed(0)} MB, external ${(mem.external / 2 ** 20).toFixed(0)} MB`,
);
console.log(`audit verify seconds: ${seconds.toFixed(1)} peak rss MB: ${rssMb.toFixed(0)}`);
