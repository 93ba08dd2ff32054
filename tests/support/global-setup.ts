import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { createDb } from "~/infra/db.server";
import { seedDemo } from "../../prisma/seed/demo";
import { EMPTY_TEMPLATE, SEEDED_TEMPLATE, TMP_DIR } from "./paths";

/** Migrates one template database (and a seeded copy); each test file copies its own. */
export default async function setup() {
  fs.rmSync(TMP_DIR, { recursive: true, force: true });
  fs.mkdirSync(TMP_DIR, { recursive: true });
  execFileSync(path.resolve("node_modules/.bin/prisma"), ["migrate", "deploy"], {
    env: { ...process.env, DATABASE_PATH: EMPTY_TEMPLATE },
    stdio: "pipe",
  });
  fs.copyFileSync(EMPTY_TEMPLATE, SEEDED_TEMPLATE);
  const db = createDb(SEEDED_TEMPLATE);
  await seedDemo(db);
  await db.$disconnect();
}
