// Prisma CLI config for the PostgreSQL copy of the schema (generate and `migrate diff` only:
// migrations are applied by scripts/postgres/migrate.ts, see docs/decisions/0018-postgresql.md).
// The CLI must never try to download native engines: it runs on the WASM schema engine.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= "unused";
process.env.PRISMA_QUERY_ENGINE_LIBRARY ??= "unused";

import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { defineConfig } from "prisma/config";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join(import.meta.dirname, "schema.prisma"),
  migrations: { path: path.join(import.meta.dirname, "migrations") },
  async adapter() {
    return new PrismaPg({ connectionString: process.env.DATABASE_URL ?? "postgresql://unused" });
  },
});
