/**
 * Backup and restore of the embedded default: the SQLite file through SQLite's online backup API
 * (consistent while the server writes) and the uploads folder. The database is copied first:
 * files are written before the rows that name them, so every file the copy refers to is already
 * on disk when the folder is copied after it. PostgreSQL/S3 deployments use pg_dump and the
 * bucket's own versioning instead (docs/decisions/0018-operations.md).
 */
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { failure } from "./failure";

export const BACKUP_FORMAT = 1;
const DB_FILE = "yanshou.db";
const UPLOADS = "uploads";
const MANIFEST = "manifest.json";

export type BackupManifest = {
  format: number;
  createdAt: string;
  database: string;
  auditEvents: number;
  lastAuditHash: string | null;
  files: number;
  bytes: number;
};

/** Every regular file under `dir` except upload temporaries (.tmp folders). */
function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    if (path.relative(dir, full).split(path.sep).includes(".tmp")) continue;
    out.push(full);
  }
  return out;
}

function copyTree(from: string, to: string): { files: number; bytes: number } {
  let bytes = 0;
  const files = filesUnder(from);
  for (const file of files) {
    const target = path.join(to, path.relative(from, file));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(file, target);
    bytes += fs.statSync(target).size;
  }
  return { files: files.length, bytes };
}

function auditTail(file: string): { auditEvents: number; lastAuditHash: string | null } {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const row = db
      .prepare(`SELECT "seq", "hash" FROM "AuditEvent" ORDER BY "seq" DESC LIMIT 1`)
      .get() as { seq: number; hash: string } | undefined;
    return { auditEvents: row?.seq ?? 0, lastAuditHash: row?.hash ?? null };
  } finally {
    db.close();
  }
}

/** Writes a backup folder `out` (must not exist yet); returns its manifest. */
export async function backupEmbedded(opts: {
  databasePath: string;
  uploadsDir: string;
  out: string;
}): Promise<BackupManifest> {
  if (!fs.existsSync(opts.databasePath))
    throw failure("backup", `数据库文件不存在 (no database): ${opts.databasePath}`);
  if (fs.existsSync(opts.out)) throw failure("backup", `备份目录已存在 (exists): ${opts.out}`);
  const partial = `${opts.out}.partial`;
  fs.rmSync(partial, { recursive: true, force: true });
  fs.mkdirSync(partial, { recursive: true });
  const source = new Database(opts.databasePath, { fileMustExist: true });
  try {
    await source.backup(path.join(partial, DB_FILE));
  } finally {
    source.close();
  }
  const copied = copyTree(opts.uploadsDir, path.join(partial, UPLOADS));
  const manifest: BackupManifest = {
    format: BACKUP_FORMAT,
    createdAt: new Date().toISOString(),
    database: DB_FILE,
    ...auditTail(path.join(partial, DB_FILE)),
    ...copied,
  };
  fs.writeFileSync(path.join(partial, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
  fs.renameSync(partial, opts.out);
  return manifest;
}

/**
 * Puts a backup in place of the database file and the uploads folder. The server must be
 * stopped. Existing data is refused unless `force`, and then moved aside (never deleted).
 */
export function restoreEmbedded(opts: {
  from: string;
  databasePath: string;
  uploadsDir: string;
  force?: boolean;
}): { manifest: BackupManifest; movedAside: string[] } {
  const manifestFile = path.join(opts.from, MANIFEST);
  if (!fs.existsSync(manifestFile) || !fs.existsSync(path.join(opts.from, DB_FILE)))
    throw failure("backup", `不是备份目录 (not a backup folder): ${opts.from}`);
  const manifest = JSON.parse(fs.readFileSync(manifestFile, "utf8")) as BackupManifest;
  if (manifest.format !== BACKUP_FORMAT)
    throw failure("backup", `备份格式不支持 (unsupported format): ${manifest.format}`);
  const existing = [opts.databasePath, opts.uploadsDir].filter(
    (p) => fs.existsSync(p) && (fs.statSync(p).isFile() || fs.readdirSync(p).length > 0),
  );
  if (existing.length > 0 && !opts.force)
    throw failure(
      "backup",
      `目标已有数据，加 --force 将其移到一旁后恢复 (data exists, use --force): ${existing.join(", ")}`,
    );
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  const movedAside: string[] = [];
  for (const p of [
    opts.databasePath,
    `${opts.databasePath}-wal`,
    `${opts.databasePath}-shm`,
    opts.uploadsDir,
  ]) {
    if (!fs.existsSync(p)) continue;
    const aside = `${p}.before-restore-${stamp}`;
    fs.renameSync(p, aside);
    movedAside.push(aside);
  }
  fs.mkdirSync(path.dirname(opts.databasePath), { recursive: true });
  const tmp = `${opts.databasePath}.restoring`;
  fs.copyFileSync(path.join(opts.from, DB_FILE), tmp);
  fs.renameSync(tmp, opts.databasePath);
  fs.mkdirSync(opts.uploadsDir, { recursive: true });
  copyTree(path.join(opts.from, UPLOADS), opts.uploadsDir);
  return { manifest, movedAside };
}
