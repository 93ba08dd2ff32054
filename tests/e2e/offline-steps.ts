/** Steps shared by the offline specs: tablets of their own, the server's rows as stored. */
import path from "node:path";
import type { Browser, Page } from "@playwright/test";
import Database from "better-sqlite3";
import { type Actor, BASE_URL, expect, type OwnWorld, pageAs, signInAs } from "./fixtures";
import { openLot } from "./lot-steps";

/** A fresh browser context (its own service worker and caches) signed in as `actor`, at home. */
export async function tablet(
  browser: Browser,
  world: OwnWorld,
  actor: Actor,
  options: { javaScriptEnabled?: boolean } = {},
) {
  const context = await browser.newContext(options);
  await signInAs(context, BASE_URL, world, actor);
  const page = await context.newPage();
  await page.goto("/");
  return { context, page };
}

/** The contractor opens a railings lot at `building`/`unit` of the spec's compound. */
export async function newLot(browser: Browser, world: OwnWorld, building: string, unit: string) {
  const setup = await pageAs(browser, world, "contractor");
  const url = await openLot(setup, building, unit, "楼梯栏杆、扶手维修加固", world.compound.name);
  return { setup, url };
}

export const DB_PATH = path.resolve(`.tmp/e2e-${process.env.E2E_PORT ?? 3100}`, "yanshou.db");

/** Rows as the server stored them (read-only): the lot's points per item, and its applied commands. */
export function stored(lotId: string) {
  const db = new Database(DB_PATH, { readonly: true, fileMustExist: true });
  try {
    const points = db
      .prepare(
        `SELECT ci.code AS code, sp.seq AS seq, sp.value AS value FROM SamplePoint sp
         JOIN LotItemEntry e ON e.id = sp.entryId JOIN ChecklistItem ci ON ci.id = e.itemId
         WHERE e.lotId = ? ORDER BY ci.code, sp.seq`,
      )
      .all(lotId) as { code: string; seq: number; value: number }[];
    const notes = db
      .prepare(
        `SELECT ci.code AS code, e.note AS note, e.result AS result FROM LotItemEntry e
         JOIN ChecklistItem ci ON ci.id = e.itemId WHERE e.lotId = ? ORDER BY ci.code`,
      )
      .all(lotId) as { code: string; note: string | null; result: string | null }[];
    const count = (sql: string) => (db.prepare(sql).get(lotId) as { n: number }).n;
    return {
      points,
      notes,
      receipts: count(`SELECT COUNT(*) AS n FROM CommandReceipt WHERE lotId = ?`),
      saves: count(
        `SELECT COUNT(*) AS n FROM AuditEvent WHERE entityId = ? AND action = 'lot.entry.save'`,
      ),
      status: (
        db.prepare(`SELECT status FROM InspectionLot WHERE id = ?`).get(lotId) as {
          status: string;
        }
      ).status,
    };
  } finally {
    db.close();
  }
}

/** What reached the server from the outbox: receipts in the order applied, photos, defects. */
export function arrived(lotId: string) {
  const db = new Database(DB_PATH, { readonly: true, fileMustExist: true });
  try {
    const all = (sql: string) => db.prepare(sql).all(lotId);
    return {
      kinds: (
        all(`SELECT kind FROM CommandReceipt WHERE lotId = ? ORDER BY rowid`) as { kind: string }[]
      ).map((r) => r.kind),
      photos: all(
        `SELECT originalName AS name, itemId FROM Photo WHERE lotId = ? AND defectId IS NULL
         ORDER BY uploadedAt, rowid`,
      ) as { name: string; itemId: string | null }[],
      photoEvents: (
        db
          .prepare(
            `SELECT COUNT(*) AS n FROM AuditEvent WHERE action = 'photo.attach'
             AND entityId IN (SELECT id FROM Photo WHERE lotId = ?)`,
          )
          .get(lotId) as { n: number }
      ).n,
      defects: all(
        `SELECT d.title AS title, d.severity AS severity, ci.code AS code,
           (SELECT COUNT(*) FROM AuditEvent a WHERE a.entityId = d.id AND a.action = 'defect.create') AS events
         FROM Defect d JOIN ChecklistItem ci ON ci.id = d.itemId WHERE d.lotId = ?`,
      ) as { title: string; severity: string; code: string; events: number }[],
    };
  } finally {
    db.close();
  }
}

/** Waits until the service worker controls the page, so what it opens next is kept offline. */
export async function controlled(page: Page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await expect
    .poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null))
    .toBe(true);
}
