/**
 * npm run ops:sizing: what an installation holds, for capacity planning (docs/deployment.md):
 * per table the rows, the bytes of their values (text and blobs by length, numbers 8 bytes) and
 * the pages SQLite uses for the table and its indexes; per stored file kind the count and bytes.
 * Reads the SQLite file named by the usual settings (DATABASE_PATH / DATA_DIR, UPLOADS_DIR).
 */
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { env } from "~/infra/env.server";

const e = env();
const db = new Database(e.databasePath, { readonly: true, fileMustExist: true });
const tables = (
  db
    .prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%' AND name NOT LIKE '\\_%' ESCAPE '\\' ORDER BY name",
    )
    .all() as { name: string }[]
).map((t) => t.name);
let pages: Map<string, number> | null = null;
try {
  pages = new Map();
  const rows = db
    .prepare(
      `SELECT coalesce(m.tbl_name, s.name) AS tbl, sum(s.pgsize) AS bytes FROM dbstat s
       LEFT JOIN sqlite_master m ON m.name = s.name GROUP BY tbl`,
    )
    .all() as { tbl: string; bytes: number }[];
  for (const r of rows) pages.set(r.tbl, r.bytes);
} catch {
  pages = null; // SQLite built without the dbstat table
}
console.log("table\trows\tvalue bytes\tbytes/row\ttable+index pages");
for (const t of tables) {
  const cols = (db.prepare(`PRAGMA table_info("${t}")`).all() as { name: string }[]).map(
    (c) =>
      `coalesce(CASE WHEN typeof("${c.name}") IN ('text','blob') THEN length(CAST("${c.name}" AS BLOB)) ELSE 8 END, 0)`,
  );
  const r = db.prepare(`SELECT count(*) AS n, sum(${cols.join(" + ")}) AS b FROM "${t}"`).get() as {
    n: number;
    b: number | null;
  };
  if (r.n === 0) continue;
  const perRow = Math.round((r.b ?? 0) / r.n);
  console.log(`${t}\t${r.n}\t${r.b ?? 0}\t${perRow}\t${pages?.get(t) ?? "?"}`);
}
db.close();
console.log(`database file: ${fs.statSync(e.databasePath).size} bytes`);
console.log("\nfiles\tcount\tbytes\tbytes/file");
for (const [store, variants] of [
  ["photos", ["original", "display", "thumb"]],
  ["drawings", ["source", "full", "preview"]],
] as const) {
  for (const v of variants) {
    const dir = path.join(e.uploadsDir, store, v);
    let n = 0;
    let bytes = 0;
    if (fs.existsSync(dir))
      for (const f of fs.readdirSync(dir, { recursive: true, withFileTypes: true }))
        if (f.isFile()) {
          n++;
          bytes += fs.statSync(path.join(f.parentPath, f.name)).size;
        }
    console.log(`${store}/${v}\t${n}\t${bytes}\t${n ? Math.round(bytes / n) : 0}`);
  }
}
