import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { EMPTY_TEMPLATE, TMP_DIR } from "../support/paths";

type Shape = Record<string, { columns: unknown[]; foreignKeys: unknown[]; indexes: unknown[] }>;

/** Tables, columns, foreign keys and indexes as SQLite reports them (triggers live only in migrations). */
function shapeOf(file: string): Shape {
  const db = new Database(file, { readonly: true });
  try {
    const tables = db
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations' ORDER BY name",
      )
      .all() as { name: string }[];
    const shape: Shape = {};
    for (const { name } of tables) {
      const indexes = (
        db.prepare(`PRAGMA index_list("${name}")`).all() as { name: string; unique: number }[]
      )
        .map((index) => ({
          name: index.name,
          unique: index.unique,
          columns: (
            db.prepare(`PRAGMA index_info("${index.name}")`).all() as { name: string }[]
          ).map((c) => c.name),
        }))
        .sort((a, b) => a.name.localeCompare(b.name));
      shape[name] = {
        // By name: a column added by ALTER TABLE sits last, where the schema may list it earlier.
        columns: (db.prepare(`PRAGMA table_info("${name}")`).all() as Record<string, unknown>[])
          .map(({ cid: _cid, ...rest }) => rest)
          .sort((a, b) => String(a.name).localeCompare(String(b.name))),
        foreignKeys: (
          db.prepare(`PRAGMA foreign_key_list("${name}")`).all() as Record<string, unknown>[]
        )
          .map(({ id: _id, seq: _seq, ...rest }) => rest)
          .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
        indexes,
      };
    }
    return shape;
  } finally {
    db.close();
  }
}

describe("migrations", () => {
  // Several branches add migrations; one that redefines a table can silently drop another's columns.
  it("build exactly the schema that schema.prisma describes", () => {
    const dir = path.join(TMP_DIR, "drift");
    fs.mkdirSync(dir, { recursive: true });
    const sql = execFileSync(
      path.resolve("node_modules/.bin/prisma"),
      [
        "migrate",
        "diff",
        "--from-empty",
        "--to-schema-datamodel",
        "prisma/schema.prisma",
        "--script",
      ],
      {
        env: { ...process.env, DATABASE_PATH: path.join(dir, "unused.db") },
        stdio: ["ignore", "pipe", "pipe"],
      },
    )
      .toString()
      .replace(/^Loaded Prisma config.*$/m, "");
    const fromSchema = path.join(dir, "from-schema.db");
    fs.rmSync(fromSchema, { force: true });
    const db = new Database(fromSchema);
    db.exec(sql);
    db.close();
    expect(shapeOf(EMPTY_TEMPLATE)).toEqual(shapeOf(fromSchema));
  });
});
