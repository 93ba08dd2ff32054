// The CLI must never try to download native engines: migrations run on the WASM schema engine.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= "unused";
process.env.PRISMA_QUERY_ENGINE_LIBRARY ??= "unused";

import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { defineConfig } from "prisma/config";
import { env } from "./app/infra/env.server";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  async adapter() {
    return new PrismaBetterSQLite3({ url: `file:${env().databasePath}` });
  },
});
