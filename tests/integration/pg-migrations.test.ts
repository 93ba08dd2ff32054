import { randomUUID } from "node:crypto";
import fs from "node:fs";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { migratePostgres } from "~/infra/pg-migrate.server";
import {
  coveredSqliteMigrations,
  currentPgSchema,
  PG_SCHEMA,
  pgDiffSql,
  sqliteMigrationNames,
} from "../../scripts/postgres/schema";
import { createPgDatabase, dropPgDatabase, PG_ADMIN_URL, pgAdmin, pgUrl } from "../support/pg";

/** Columns, constraints, indexes and triggers as PostgreSQL's catalog reports them. */
async function shapeOf(url: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const q = async (sql: string) => (await c.query(sql)).rows;
    return {
      columns: await q(`SELECT table_name, column_name, data_type, is_nullable, column_default
        FROM information_schema.columns WHERE table_schema = 'public'
        AND table_name <> '_yanshou_migrations' ORDER BY table_name, column_name`),
      constraints:
        await q(`SELECT conrelid::regclass::text AS t, conname, pg_get_constraintdef(oid) AS def
        FROM pg_constraint WHERE connamespace = 'public'::regnamespace
        AND conrelid::regclass::text <> '_yanshou_migrations' ORDER BY t, conname`),
      indexes: await q(`SELECT tablename, indexname, indexdef FROM pg_indexes
        WHERE schemaname = 'public' AND tablename <> '_yanshou_migrations' ORDER BY tablename, indexname`),
      triggers: await q(`SELECT tgrelid::regclass::text AS t, tgname FROM pg_trigger
        WHERE NOT tgisinternal ORDER BY t, tgname`),
    };
  } finally {
    await c.end();
  }
}

describe("PostgreSQL migration history", () => {
  // Other branches change the models and add SQLite migrations; the PostgreSQL side follows at
  // merge time (npm run db:pg:migration). These fail until it has.
  it("covers every SQLite migration", () => {
    const covered = coveredSqliteMigrations();
    expect(sqliteMigrationNames().filter((n) => !covered.has(n))).toEqual([]);
  });

  it("has its schema copy derived from the current schema.prisma", () => {
    expect(fs.readFileSync(PG_SCHEMA, "utf8")).toBe(currentPgSchema());
  });

  it.runIf(PG_ADMIN_URL)(
    "builds exactly the schema prisma/postgres/schema.prisma describes, plus the immutability triggers",
    async () => {
      const admin = PG_ADMIN_URL!;
      const [byHistory, bySchema] = [
        `yanshou_test_hist_${randomUUID().slice(0, 8)}`,
        `yanshou_test_schema_${randomUUID().slice(0, 8)}`,
      ];
      try {
        await createPgDatabase(admin, byHistory);
        await createPgDatabase(admin, bySchema);
        const applied = await migratePostgres(pgUrl(admin, byHistory));
        expect(applied.length).toBeGreaterThan(0);
        expect(await migratePostgres(pgUrl(admin, byHistory))).toEqual([]);
        const sql = pgDiffSql("empty", PG_SCHEMA, admin);
        await pgAdmin(pgUrl(admin, bySchema), (c) => c.query(sql));
        const history = await shapeOf(pgUrl(admin, byHistory));
        const schema = await shapeOf(pgUrl(admin, bySchema));
        expect(history.columns).toEqual(schema.columns);
        expect(history.constraints).toEqual(schema.constraints);
        expect(history.indexes).toEqual(schema.indexes);
        // The schema knows no triggers; the history adds the SQLite triggers' equivalents.
        expect(schema.triggers).toEqual([]);
        expect(history.triggers.map((t) => t.tgname)).toEqual(
          expect.arrayContaining([
            "AuditEvent_no_update",
            "AuditEvent_no_delete",
            "Signature_no_update",
            "PaymentLine_approved_immutable",
            "LotSignature_no_update",
            "AcceptanceSupervision_no_delete",
          ]),
        );
      } finally {
        await dropPgDatabase(admin, byHistory);
        await dropPgDatabase(admin, bySchema);
      }
    },
  );
});
