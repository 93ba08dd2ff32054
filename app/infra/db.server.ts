import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "~/generated/prisma/client";
import { env } from "./env.server";

export type Db = PrismaClient;

export function createDb(databasePath: string): PrismaClient {
  return new PrismaClient({
    adapter: new PrismaBetterSQLite3({ url: `file:${databasePath}`, timeout: 10_000 }),
  });
}

const globalForDb = globalThis as unknown as { yanshouDb?: PrismaClient };

/** One client per process (survives dev-server module reloads). */
export function db(): PrismaClient {
  globalForDb.yanshouDb ??= createDb(env().databasePath);
  return globalForDb.yanshouDb;
}
