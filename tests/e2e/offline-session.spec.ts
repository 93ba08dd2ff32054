import path from "node:path";
import Database from "better-sqlite3";
import sharp from "sharp";
import { contextAs, expect, pageAs, test } from "./fixtures";
import { openLot } from "./lot-steps";
import { hydrated } from "./support";

// Issue 17's 4-hour session without signal: 200 item records and 60 photos of 12 MP queued on
// the tablet, then synced. Counts are asserted; the time taken and the storage used are printed
// (figures, not timed assertions: timing targets belong in benchmarks).
test.use({ worldRoles: ["contractor", "supervisor"] });

const DB_PATH = path.resolve(`.tmp/e2e-${process.env.E2E_PORT ?? 3100}`, "yanshou.db");
const PHOTOS = 60;
const ENTRIES = 200;

/** A 12 MP JPEG with a camera's grain (about 1.3 MB), made once; each copy gets its own comment. */
async function twelveMegapixel() {
  const base = await sharp({
    create: {
      width: 4000,
      height: 3000,
      channels: 3,
      background: "#808080",
      noise: { type: "gaussian", mean: 128, sigma: 6 },
    },
  })
    .jpeg({ quality: 85 })
    .toBuffer();
  // A COM segment right after SOI: still the same picture, other bytes (content-addressed).
  return (n: number) => {
    const text = Buffer.from(`yanshou offline session photo ${n}`);
    const segment = Buffer.alloc(4);
    segment.writeUInt16BE(0xfffe, 0);
    segment.writeUInt16BE(text.length + 2, 2);
    return Buffer.concat([base.subarray(0, 2), segment, text, base.subarray(2)]);
  };
}

test("a 4-hour session offline: 200 records and 60 photos of 12 MP queued, then synced once each", async ({
  browser,
  world,
}) => {
  test.setTimeout(20 * 60_000);
  const setup = await pageAs(browser, world, "contractor");
  const lotUrl = await openLot(
    setup,
    "2栋",
    "1单元",
    "楼梯栏杆、扶手维修加固",
    world.compound.name,
  );
  const lotId = lotUrl.split("/").pop() ?? "";
  await setup.close();

  const context = await contextAs(browser, world, "supervisor");
  const page = await context.newPage();
  const photo = await twelveMegapixel();
  await context.route("**/__session-photo/*", (route) =>
    route.fulfill({
      contentType: "image/jpeg",
      body: photo(Number(route.request().url().split("/").pop())),
    }),
  );
  await page.goto("/");
  await page.evaluate(() => navigator.serviceWorker.ready);
  await expect
    .poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null))
    .toBe(true);
  await page.goto(lotUrl);
  await hydrated(page);
  const summary = page.getByTestId("sync-indicator").locator("summary");
  await expect(summary).toHaveText("已同步");
  const items = await page
    .locator(".lot-item:not([data-comparison])")
    .evaluateAll((cards) =>
      cards.map((c) => ({ id: c.getAttribute("data-item-id"), code: c.getAttribute("data-code") })),
    );

  // The afternoon's work, as the outbox keeps it: item records, then the photos, in order.
  const supervisorId = world.sessions.supervisor?.user.id ?? "";
  const queued = await page.evaluate(
    async ({ items, lotId, userId, entries, photos }) => {
      const photoBlobs: Blob[] = [];
      for (let n = 0; n < photos; n++)
        photoBlobs.push(await (await fetch(`/__session-photo/${n}`)).blob());
      const open = indexedDB.open("yanshou-outbox");
      await new Promise((resolve) => {
        open.onsuccess = resolve;
      });
      const db = open.result;
      const tx = db.transaction("commands", "readwrite");
      const store = tx.objectStore("commands");
      const common = (n: number) => ({
        id: crypto.randomUUID(),
        key: crypto.randomUUID(),
        userId,
        lotId,
        lotLabel: "4 小时模拟",
        baseVersion: "draft",
        createdAt: Date.now() + n,
        status: "pending",
        attempts: 0,
      });
      for (let n = 0; n < entries; n++) {
        const item = items[n % items.length] as { id: string; code: string };
        store.add({
          ...common(n),
          kind: "entry",
          itemId: item.id,
          itemCode: item.code,
          entry: {
            itemId: item.id,
            result: n % 7 === 0 ? "fail" : "pass",
            note: `第 ${n + 1} 条记录`,
            designValue: null,
            points: [],
          },
        });
      }
      for (const [n, file] of photoBlobs.entries())
        store.add({
          ...common(entries + n),
          kind: "photo",
          itemId: null,
          itemCode: null,
          file,
          fileName: `现场${String(n + 1).padStart(2, "0")}.jpg`,
          fileType: "image/jpeg",
          fileSize: file.size,
        });
      await new Promise((resolve) => {
        tx.oncomplete = resolve;
      });
      db.close();
      return {
        photoBytes: photoBlobs.reduce((sum, b) => sum + b.size, 0),
        usage: (await navigator.storage.estimate()).usage ?? 0,
      };
    },
    { items, lotId, userId: supervisorId, entries: ENTRIES, photos: PHOTOS },
  );
  // Offline, the reloaded page lists all of it.
  await context.setOffline(true);
  await page.reload();
  await expect(summary).toHaveText(/^离线 · 260 项待上传 · 含照片 60 张 \d+\.\d MB$/);
  await expect(page.locator(".lot-photos").getByTestId("queued-photo")).toHaveCount(PHOTOS);

  const started = Date.now();
  await context.setOffline(false);
  await expect(summary).toHaveText("已同步", { timeout: 18 * 60_000 });
  const seconds = (Date.now() - started) / 1000;
  const after = await page.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);
  const mb = (b: number) => (b / 1024 / 1024).toFixed(1);
  console.log(
    `[offline session] ${ENTRIES} records + ${PHOTOS} photos of 12 MP (${mb(queued.photoBytes)} MB) ` +
      `synced in ${seconds.toFixed(1)} s; storage used on the tablet: ${mb(queued.usage)} MB queued, ` +
      `${mb(after)} MB after sync`,
  );

  const db = new Database(DB_PATH, { readonly: true, fileMustExist: true });
  try {
    const one = (sql: string) => (db.prepare(sql).get(lotId) as { n: number }).n;
    expect(one(`SELECT COUNT(*) AS n FROM CommandReceipt WHERE lotId = ? AND kind = 'entry'`)).toBe(
      ENTRIES,
    );
    expect(one(`SELECT COUNT(*) AS n FROM CommandReceipt WHERE lotId = ? AND kind = 'photo'`)).toBe(
      PHOTOS,
    );
    expect(
      one(`SELECT COUNT(*) AS n FROM AuditEvent WHERE entityId = ? AND action = 'lot.entry.save'`),
    ).toBe(ENTRIES);
    const names = (
      db
        .prepare(`SELECT originalName AS name, width, height FROM Photo WHERE lotId = ?
          ORDER BY uploadedAt, rowid`)
        .all(lotId) as { name: string; width: number; height: number }[]
    ).map((p) => `${p.name} ${p.width}×${p.height}`);
    expect(names).toEqual(
      Array.from(
        { length: PHOTOS },
        (_, n) => `现场${String(n + 1).padStart(2, "0")}.jpg 4000×3000`,
      ),
    );
    // The last record of each item is the one kept.
    const last = items.map((item, i) => {
      const n = ENTRIES - 1 - ((ENTRIES - 1 - i) % items.length);
      return { code: item.code, note: `第 ${n + 1} 条记录` };
    });
    const notes = db
      .prepare(
        `SELECT ci.code AS code, e.note AS note FROM LotItemEntry e
         JOIN ChecklistItem ci ON ci.id = e.itemId WHERE e.lotId = ? AND e.note IS NOT NULL`,
      )
      .all(lotId) as { code: string; note: string }[];
    for (const expected of last) expect(notes).toContainEqual(expected);
  } finally {
    db.close();
  }
  await context.close();
});
