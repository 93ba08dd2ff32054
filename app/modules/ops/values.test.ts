import { describe, expect, it } from "vitest";
import { canonical, pgTimestamp, TableHash, timeMs, toPgParam } from "./values";

const TS = "timestamp without time zone";

describe("values between SQLite and PostgreSQL", () => {
  it("reads Prisma's ISO text and SQLite's CURRENT_TIMESTAMP text as the same UTC instant", () => {
    const ms = Date.UTC(2026, 10, 30, 3, 55, 57, 916);
    expect(timeMs("2026-11-30T03:55:57.916+00:00")).toBe(ms);
    expect(timeMs("2026-11-30 03:55:57.916")).toBe(ms); // PostgreSQL's timestamp text
    expect(timeMs("2026-11-30 03:55:57")).toBe(ms - 916); // SQLite default, UTC, not local
    expect(() => timeMs("yesterday")).toThrow();
    expect(pgTimestamp(ms)).toBe("2026-11-30 03:55:57.916");
  });

  it("gives a copied value the canonical text of its source", () => {
    const cases: [unknown, string][] = [
      ["2026-11-30T03:55:57.916+00:00", TS],
      [1n, "boolean"],
      [0n, "boolean"],
      [42n, "integer"],
      [9007199254740993n, "bigint"],
      [0.1 + 0.2, "double precision"],
      [Buffer.from([0, 255, 7]), "bytea"],
      ["楼梯 1栋2单元", "text"],
      [null, "text"],
    ];
    for (const [source, type] of cases) {
      const param = toPgParam(source, type);
      // what pg hands back for that column: Date-free timestamp text, boolean, number, string
      const back = type === TS ? param : type === "bigint" ? String(param) : param;
      expect(canonical(back, type)).toBe(canonical(source, type));
    }
    expect(toPgParam(9007199254740993n, "bigint")).toBe("9007199254740993");
  });

  it("hashes a table independently of row order and notices one changed value", () => {
    const a = new TableHash();
    const b = new TableHash();
    const c = new TableHash();
    a.add(["1", "甲"]);
    a.add(["2", "乙"]);
    b.add(["2", "乙"]);
    b.add(["1", "甲"]);
    c.add(["1", "甲"]);
    c.add(["2", "乙 "]);
    expect(a.hex()).toBe(b.hex());
    expect(a.rows).toBe(2);
    expect(c.hex()).not.toBe(a.hex());
  });
});
