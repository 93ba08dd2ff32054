import { setTimeout as sleep } from "node:timers/promises";
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
  // Transactions queue for the one connection (and for another process's write lock) instead of
  // failing after Prisma's default 2 s wait; see immediateTransactions.
  const client = new PrismaClient({
    adapter: immediateTransactions(file),
    transactionOptions: { maxWait: 30_000, timeout: 30_000 },
  });
  paths.set(client, file);
  return client;
}

/**
 * SQLite's adapter opens transactions with a deferred BEGIN: one that reads and then writes fails
 * at once with SQLITE_BUSY (snapshot) when another process (a second instance, a CLI, a test
 * fixture) committed in between, and the busy timeout never applies. Here a transaction begins
 * IMMEDIATE, taking the write lock first; while another connection holds it, the start is retried
 * after a short sleep instead of SQLite's busy wait, which would block this process's event loop
 * (and deadlock two clients in one process). Past the busy timeout it begins deferred, as before.
 */
function immediateTransactions(file: string) {
  const factory = new PrismaBetterSQLite3({ url: `file:${file}`, timeout: BUSY_TIMEOUT_MS });
  return {
    provider: "sqlite" as const,
    adapterName: factory.adapterName,
    connect: async () => {
      const adapter = await factory.connect();
      const sqlite = (adapter as unknown as { client: BetterSqlite }).client;
      const prepare = sqlite.prepare.bind(sqlite);
      let began = false;
      let immediate = false;
      const begin = () => {
        began = true;
        sqlite.pragma("busy_timeout = 0");
        try {
          prepare("BEGIN IMMEDIATE").run();
          immediate = true;
        } catch (error) {
          if ((error as { code?: string }).code !== "SQLITE_BUSY") throw error;
          immediate = false;
          prepare("BEGIN").run();
        } finally {
          sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
        }
      };
      sqlite.prepare = (sql: string) => (sql === "BEGIN" ? { run: begin } : prepare(sql));
      const start = adapter.startTransaction.bind(adapter);
      adapter.startTransaction = async (isolationLevel) => {
        const deadline = Date.now() + BUSY_TIMEOUT_MS;
        for (let attempt = 1; ; attempt++) {
          began = false;
          const tx = await start(isolationLevel);
          // (an adapter that no longer sends "BEGIN" gets its own behaviour back)
          if (!began || immediate || Date.now() > deadline) return tx;
          prepare("ROLLBACK").run();
          await tx.rollback(); // releases the adapter's own lock
          await sleep(Math.random() * Math.min(50, 2 * attempt));
        }
      };
      return adapter;
    },
    connectToShadowDb: () => factory.connectToShadowDb(),
  };
}
const BUSY_TIMEOUT_MS = 10_000;
type BetterSqlite = {
  prepare: (sql: string) => { run: () => unknown };
  pragma: (sql: string) => unknown;
};

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
