import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "~/generated/prisma/client";
import { PrismaClient as PgPrismaClient } from "~/generated/prisma-pg/client";
import { env } from "./env.server";

/**
 * The SQLite client's type stands for both: the PostgreSQL client is generated from a copy of the
 * same models (prisma/postgres/schema.prisma), so its model API is the same.
 * See docs/decisions/0018-postgresql.md.
 */
export type Db = PrismaClient;
export type DbKind = "sqlite" | "postgres";

const paths = new WeakMap<PrismaClient, string>();

export const isPostgresUrl = (location: string) => /^postgres(ql)?:\/\//.test(location);

/**
 * A client for a database location: a postgres://… URL, or a SQLite file path (or file: URL).
 * `beforeConnect` runs before the first connection (tests create their database there).
 */
export function createDb(
  location: string,
  options: { beforeConnect?: () => Promise<void> } = {},
): PrismaClient {
  if (isPostgresUrl(location)) {
    const factory = new PrismaPg({ connectionString: location, max: 10 });
    const ready = options.beforeConnect;
    const adapter = ready
      ? {
          provider: "postgres" as const,
          adapterName: factory.adapterName,
          connect: async () => {
            await ready();
            return factory.connect();
          },
        }
      : factory;
    // Under load, transactions queue for one of the pool's connections (and audit appends for
    // the chain's lock) instead of failing after Prisma's default 2 s wait.
    return new PgPrismaClient({
      adapter,
      transactionOptions: { maxWait: 30_000, timeout: 30_000 },
    }) as unknown as PrismaClient;
  }
  const file = location.replace(/^file:/, "");
  const client = new PrismaClient({
    adapter: new PrismaBetterSQLite3({ url: `file:${file}`, timeout: 10_000 }),
  });
  paths.set(client, file);
  return client;
}

/** The SQLite file a client made by createDb opens (read-only tools open it directly). */
export function databasePathOf(client: PrismaClient): string | undefined {
  return paths.get(client);
}

/** Which database a client (or a transaction client from it) talks to. */
export function dbKind(client: unknown): DbKind {
  const provider = (client as { _activeProvider?: string })._activeProvider;
  return provider === "postgresql" ? "postgres" : "sqlite";
}

const globalForDb = globalThis as unknown as { yanshouDb?: PrismaClient };

/** One client per process (survives dev-server module reloads). */
export function db(): PrismaClient {
  globalForDb.yanshouDb ??= createDb(env().database);
  return globalForDb.yanshouDb;
}
