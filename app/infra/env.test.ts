import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseEnv } from "./env.server";
import { isFailure } from "./failure";

describe("environment", () => {
  it("defaults to port 3000, ./data and ./uploads", () => {
    const e = parseEnv({});
    expect(e.port).toBe(3000);
    expect(e.databasePath).toBe(path.resolve("data", "yanshou.db"));
    expect(e.uploadsDir).toBe(path.resolve("uploads"));
    expect(e.secureCookies).toBe(false);
    expect(e.photoMaxFileBytes).toBe(25 * 1024 * 1024);
    expect(e.photoMaxRequestBytes).toBe(100 * 1024 * 1024);
  });

  it("takes PORT, DATA_DIR and DATABASE_PATH from the environment", () => {
    const e = parseEnv({ PORT: "8080", DATA_DIR: "/srv/ys", UPLOADS_DIR: "/srv/files" });
    expect(e).toMatchObject({
      port: 8080,
      databasePath: "/srv/ys/yanshou.db",
      uploadsDir: "/srv/files",
    });
    expect(parseEnv({ DATABASE_PATH: "/x/y.db" }).databasePath).toBe("/x/y.db");
  });

  it("chooses PostgreSQL by a postgres:// DATABASE_URL, SQLite by default or by file:", () => {
    expect(parseEnv({})).toMatchObject({
      databaseKind: "sqlite",
      database: path.resolve("data", "yanshou.db"),
    });
    const url = "postgres://ys:secret@db.internal:5432/yanshou";
    expect(parseEnv({ DATABASE_URL: url })).toMatchObject({
      databaseKind: "postgres",
      database: url,
    });
    expect(parseEnv({ DATABASE_URL: "postgresql://h/db" }).databaseKind).toBe("postgres");
    expect(parseEnv({ DATABASE_URL: "file:/srv/ys.db" })).toMatchObject({
      databaseKind: "sqlite",
      database: "/srv/ys.db",
      databasePath: "/srv/ys.db",
    });
    expect(() => parseEnv({ DATABASE_URL: "mysql://h/db" })).toThrow(
      /DATABASE_URL 必须以 postgres:\/\/ 或 file: 开头/,
    );
  });

  it("explains bad values in Chinese and English", () => {
    expect(() => parseEnv({ PORT: "abc" })).toThrow(/PORT 必须是端口号/);
    try {
      parseEnv({ PORT: "abc" });
    } catch (error) {
      expect(isFailure(error, "env")).toBe(true);
    }
    expect(() => parseEnv({ PORT: "70000" })).toThrow(/PORT 必须在 1–65535 之间/);
    expect(() => parseEnv({ SESSION_SECRET: "short" })).toThrow(/SESSION_SECRET 至少 32 个字符/);
    expect(() => parseEnv({ SECURE_COOKIES: "yes" })).toThrow(/SECURE_COOKIES/);
    expect(() => parseEnv({ PHOTO_MAX_FILE_MB: "0" })).toThrow(/PHOTO_MAX_FILE_MB 必须大于 0/);
  });
});
