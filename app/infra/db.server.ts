import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "~/generated/prisma/client";
import { env } from "./env.server";

export type Db = PrismaClient;

const paths = new WeakMap<PrismaClient, string>();

export function createDb(databasePath: string): PrismaClient {
  const client = new PrismaClient({
    adapter: new PrismaBetterSQLite3({ url: `file:${databasePath}`, timeout: 10_000 }),
  });
  paths.set(client, databasePath);
  return client;
}

/** The SQLite file a client made by createDb opens (read-only tools open it directly). */
export function databasePathOf(client: PrismaClient): string | undefined {
  return paths.get(client);
}

const globalForDb = globalThis as unknown as { yanshouDb?: PrismaClient };

/** One client per process (survives dev-server module reloads). */
export function db(): PrismaClient {
  globalForDb.yanshouDb ??= createDb(env().databasePath);
  return globalForDb.yanshouDb;
}
