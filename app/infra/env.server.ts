import fs from "node:fs";
import path from "node:path";
import { failure } from "./failure";
import { z } from "./zod";

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce
    .number({ error: "PORT 必须是端口号 (PORT must be a port number)" })
    .int()
    .min(1, "PORT 必须在 1–65535 之间 (PORT must be 1–65535)")
    .max(65535, "PORT 必须在 1–65535 之间 (PORT must be 1–65535)")
    .default(3000),
  DATA_DIR: z
    .string()
    .trim()
    .min(1, "DATA_DIR 不能为空 (DATA_DIR must not be empty)")
    .default("data"),
  DATABASE_PATH: z.string().trim().min(1).optional(),
  DATABASE_URL: z
    .string()
    .trim()
    .regex(
      /^(postgres(ql)?:\/\/|file:)/,
      "DATABASE_URL 必须以 postgres:// 或 file: 开头 (DATABASE_URL must be postgres://… or file:…)",
    )
    .optional(),
  UPLOADS_DIR: z.string().trim().min(1).default("uploads"),
  S3_BUCKET: z
    .string()
    .trim()
    .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, "S3_BUCKET 须为 3–63 个小写字母、数字、点或连字符")
    .optional(),
  S3_ENDPOINT: z.url({ error: "S3_ENDPOINT 必须是 URL (S3_ENDPOINT must be a URL)" }).optional(),
  S3_REGION: z.string().trim().min(1).default("us-east-1"),
  S3_ACCESS_KEY_ID: z.string().trim().optional(),
  S3_SECRET_ACCESS_KEY: z.string().optional(),
  S3_FORCE_PATH_STYLE: z
    .enum(["true", "false"], { error: "S3_FORCE_PATH_STYLE 只能是 true 或 false" })
    .default("true")
    .transform((v) => v === "true"),
  S3_PREFIX: z.string().trim().default(""),
  PHOTO_MAX_FILE_MB: z.coerce
    .number({ error: "PHOTO_MAX_FILE_MB 必须是数字 (PHOTO_MAX_FILE_MB must be a number)" })
    .positive("PHOTO_MAX_FILE_MB 必须大于 0 (PHOTO_MAX_FILE_MB must be > 0)")
    .default(25),
  PHOTO_MAX_REQUEST_MB: z.coerce
    .number({ error: "PHOTO_MAX_REQUEST_MB 必须是数字 (PHOTO_MAX_REQUEST_MB must be a number)" })
    .positive("PHOTO_MAX_REQUEST_MB 必须大于 0 (PHOTO_MAX_REQUEST_MB must be > 0)")
    .default(100),
  SESSION_SECRET: z
    .string()
    .min(32, "SESSION_SECRET 至少 32 个字符 (SESSION_SECRET needs at least 32 characters)")
    .optional(),
  SECURE_COOKIES: z
    .enum(["true", "false"], { error: "SECURE_COOKIES 只能是 true 或 false" })
    .default("false")
    .transform((v) => v === "true"),
  DEMO_ACTIVITY: z
    .enum(["0", "1"], { error: "DEMO_ACTIVITY 只能是 0 或 1" })
    .default("1")
    .transform((v) => v === "1"),
  // zod's own message, after the variable's name (the baseline of Chinese literals stays put)
  EXPORT_JOB_ROWS: z.coerce.number().int().min(0).default(2000),
});

export type Env = {
  nodeEnv: "development" | "production" | "test";
  port: number;
  dataDir: string;
  /** the SQLite file (also when PostgreSQL is configured: backups and tools name it) */
  databasePath: string;
  /** what createDb takes: DATABASE_URL when it is postgres://…, else the SQLite file path */
  database: string;
  databaseKind: "sqlite" | "postgres";
  uploadsDir: string;
  /** photos and drawings on an S3-compatible store instead of UPLOADS_DIR (S3_BUCKET set) */
  s3:
    | {
        bucket: string;
        endpoint: string | undefined;
        region: string;
        accessKeyId: string;
        secretAccessKey: string;
        forcePathStyle: boolean;
        prefix: string;
      }
    | undefined;
  /** upload limits in bytes: one photo, one request */
  photoMaxFileBytes: number;
  photoMaxRequestBytes: number;
  sessionSecret: string | undefined;
  secureCookies: boolean;
  /** seed demo lots and defects (2021) along with the accounts, so dashboards show something */
  demoActivity: boolean;
  /** a register export of more rows than this is built by a background job (decision 0038) */
  exportJobRows: number;
};

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = EnvSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  - ${i.path.join(".")}: ${i.message}`);
    throw failure("env", `环境变量配置有误 (invalid environment):\n${lines.join("\n")}`);
  }
  const e = result.data;
  const dataDir = path.resolve(e.DATA_DIR);
  const url = e.DATABASE_URL;
  const postgres = url !== undefined && !url.startsWith("file:");
  const databasePath = path.resolve(
    url?.startsWith("file:") ? url.slice(5) : (e.DATABASE_PATH ?? path.join(dataDir, "yanshou.db")),
  );
  return {
    nodeEnv: e.NODE_ENV,
    port: e.PORT,
    dataDir,
    databasePath,
    database: postgres ? url : databasePath,
    databaseKind: postgres ? "postgres" : "sqlite",
    uploadsDir: path.resolve(e.UPLOADS_DIR),
    s3: e.S3_BUCKET
      ? {
          bucket: e.S3_BUCKET,
          endpoint: e.S3_ENDPOINT,
          region: e.S3_REGION,
          accessKeyId: e.S3_ACCESS_KEY_ID ?? "",
          secretAccessKey: e.S3_SECRET_ACCESS_KEY ?? "",
          forcePathStyle: e.S3_FORCE_PATH_STYLE,
          prefix: e.S3_PREFIX,
        }
      : undefined,
    photoMaxFileBytes: Math.round(e.PHOTO_MAX_FILE_MB * 1024 * 1024),
    photoMaxRequestBytes: Math.round(e.PHOTO_MAX_REQUEST_MB * 1024 * 1024),
    sessionSecret: e.SESSION_SECRET,
    secureCookies: e.SECURE_COOKIES,
    demoActivity: e.DEMO_ACTIVITY,
    exportJobRows: e.EXPORT_JOB_ROWS,
  };
}

let cached: Env | undefined;

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** Creates the data and uploads folders; fails with a clear message when they are not writable. */
export function ensureDataDirs(e: Env = env()): void {
  const dirs = [e.dataDir, e.uploadsDir];
  if (e.databaseKind === "sqlite") dirs.push(path.dirname(e.databasePath));
  for (const dir of dirs) {
    try {
      fs.mkdirSync(dir, { recursive: true });
      fs.accessSync(dir, fs.constants.W_OK);
    } catch (error) {
      throw failure(
        "env",
        `无法写入数据目录 ${dir} (data folder not writable): ${String(error)}`,
        error,
      );
    }
  }
}
