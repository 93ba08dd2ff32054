import fs from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import Database from "better-sqlite3";
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
  const disconnect = client.$disconnect.bind(client);
  client.$disconnect = async () => {
    readers.get(client)?.close();
    readers.delete(client);
    await disconnect();
  };
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

/** Runs one SELECT with positional parameters on a SQLite read connection. */
export type SqliteReader = {
  all(sql: string, params: readonly unknown[]): Record<string, unknown>[];
  close(): void;
};
const readers = new WeakMap<PrismaClient, SqliteReader | null>();
const STATEMENTS_KEPT = 500;

/**
 * The SQLite client's read connection for hand-written SELECTs outside a transaction
 * (sql.server.ts), or null: PostgreSQL, a transaction client, a file not in WAL mode. Through the
 * Prisma client each such SELECT paid for its query compiler and a fresh prepared statement, more
 * than the read itself (a third of a lot page's database time, decision 0037). In WAL mode this
 * connection sees what is committed, as the client does outside a transaction, and never waits
 * for a writer; it refuses writes (query_only).
 */
export function sqliteReader(client: unknown): SqliteReader | null {
  const file = paths.get(client as PrismaClient);
  if (!file) return null;
  let reader = readers.get(client as PrismaClient);
  if (reader === undefined) {
    // A file not there yet (the client creates it on first use) is asked about again next time.
    if (!fs.existsSync(file)) return null;
    reader = openReader(file);
    readers.set(client as PrismaClient, reader);
  }
  return reader;
}

function openReader(file: string): SqliteReader | null {
  const conn = new Database(file, { fileMustExist: true, timeout: BUSY_TIMEOUT_MS });
  if (conn.pragma("journal_mode", { simple: true }) !== "wal") {
    conn.close();
    return null;
  }
  conn.pragma("query_only = ON");
  const statements = new Map<string, Database.Statement>();
  return {
    all(sql, params) {
      let statement = statements.get(sql);
      if (!statement) {
        if (statements.size >= STATEMENTS_KEPT) statements.clear();
        statement = conn.prepare(sql);
        statements.set(sql, statement);
      }
      return statement.all(...params.map(sqliteArg)) as Record<string, unknown>[];
    },
    close: () => conn.close(),
  };
}

/** A parameter as the Prisma adapter binds it: dates as its ISO text, booleans as 0/1. */
function sqliteArg(value: unknown) {
  if (value instanceof Date) return value.toISOString().replace("Z", "+00:00");
  if (typeof value === "boolean") return value ? 1 : 0;
  return value ?? null;
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
