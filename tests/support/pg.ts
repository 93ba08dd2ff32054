/**
 * PostgreSQL for the integration suite: set TEST_DATABASE_URL to a PostgreSQL URL whose role may
 * create databases (e.g. postgres://yanshou:yanshou@127.0.0.1:5432/postgres). The global setup
 * then migrates and seeds two template databases, and each test file gets its own database
 * copied from one (CREATE DATABASE … TEMPLATE), dropped after its tests.
 */
import pg from "pg";

export const PG_ADMIN_URL = process.env.TEST_DATABASE_URL?.trim() || undefined;
export const PG_EMPTY_TEMPLATE = "yanshou_test_template_empty";
export const PG_SEEDED_TEMPLATE = "yanshou_test_template_seeded";

/** The URL of database `name` on the server of `adminUrl`. */
export function pgUrl(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function pgAdmin<T>(adminUrl: string, run: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** Creates `name` as a copy of `template`; copies from one template run one at a time. */
export async function createPgDatabase(adminUrl: string, name: string, template?: string) {
  await pgAdmin(adminUrl, async (c) => {
    for (let attempt = 0; ; attempt++) {
      try {
        await c.query(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ""}`);
        return;
      } catch (error) {
        // "source database is being accessed by other users": another copy is in progress
        if ((error as { code?: string }).code !== "55006" || attempt > 50) throw error;
        await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
      }
    }
  });
}

export async function dropPgDatabase(adminUrl: string, name: string) {
  await pgAdmin(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}
