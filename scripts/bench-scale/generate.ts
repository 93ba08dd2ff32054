/**
 * County-scale database for bench:scale and bench:audit: the demo database (real seed, real
 * module functions) plus ~20,000 lots over the two compounds, ~1,000,000 measured points,
 * 100,000 defects, 36,000 photo rows and ~690,000 audit events, written in bulk through
 * better-sqlite3 with prepared statements. Deterministic (seeded PRNG), foreign keys valid, and
 * the audit chain verifies: every event is hashed with the real code in app/modules/audit, every
 * accepted lot carries the content hash the real lotContentHash computes.
 *
 * Cached under .tmp/scale-v<GENERATOR_VERSION>/ (or $SCALE_DIR) so reruns reuse the file.
 */
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { canonicalJson } from "~/modules/audit/canonical";
import { eventHash, GENESIS_HASH } from "~/modules/audit/record.server";
import {
  type LotRow,
  lotContentHash,
  normalizedPoint,
  withVerdict,
} from "~/modules/lot/lots.server";
import { verdictTextZh } from "~/modules/lot/verdict-text";

export const GENERATOR_VERSION = 5;
export const SCALE = {
  lotsPerCompound: 10_000,
  defectsPerCompound: 50_000,
  defectPhotos: 30_000,
  lotPhotos: 6_000,
  noticesPerCompound: 1_500,
};

export function scaleDirs(root = process.cwd()) {
  // SCALE_DIR puts the (large, reusable) database elsewhere, e.g. on a scratch disk.
  const dir = process.env.SCALE_DIR ?? path.join(root, ".tmp", `scale-v${GENERATOR_VERSION}`);
  return {
    dir,
    dataDir: path.join(dir, "data"),
    uploadsDir: path.join(dir, "uploads"),
    dbPath: path.join(dir, "data", "yanshou.db"),
    doneMarker: path.join(dir, "done"),
  };
}

/** mulberry32: small, fast, deterministic. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type ItemRow = LotRow["template"]["items"][number];
const iso = (ms: number) => new Date(ms).toISOString().replace("Z", "+00:00");
const DAY = 86_400_000;

export async function generateScaleDb(log: (s: string) => void = console.log) {
  const dirs = scaleDirs();
  if (fs.existsSync(dirs.doneMarker)) return dirs;
  fs.rmSync(dirs.dir, { recursive: true, force: true });
  fs.mkdirSync(dirs.dataDir, { recursive: true });
  process.env.DATA_DIR = dirs.dataDir;
  process.env.UPLOADS_DIR = dirs.uploadsDir;
  process.env.DATABASE_PATH = dirs.dbPath;
  process.env.DEMO_ACTIVITY = "1";
  const started = Date.now();
  const { prepareDatabase } = await import("../prepare-db");
  await prepareDatabase({ quiet: true });
  log(`demo database seeded in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  const sql = new Database(dirs.dbPath);
  sql.pragma("journal_mode = WAL");
  sql.pragma("synchronous = OFF");
  const rand = prng(20261129);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;

  const users = sql.prepare("SELECT id, username, organizationId FROM User").all() as {
    id: string;
    username: string;
    organizationId: string;
  }[];
  const user = (name: string) => users.find((u) => u.username === name)!;
  const supervisor = user("jianli");
  const compounds = sql.prepare("SELECT id, code FROM Compound ORDER BY code").all() as {
    id: string;
    code: string;
  }[];
  const workTypes = sql
    .prepare("SELECT id, code, nameZh, division, standards, placeKind, zoneKinds FROM WorkType")
    .all() as {
    id: string;
    code: string;
    nameZh: string;
    division: string;
    standards: string;
    placeKind: string;
    zoneKinds: string;
  }[];
  const templates = new Map<string, { id: string; version: number; items: ItemRow[] }>();
  for (const wt of workTypes) {
    const t = sql
      .prepare(
        "SELECT id, version FROM ChecklistTemplate WHERE workTypeId = ? ORDER BY version DESC LIMIT 1",
      )
      .get(wt.id) as { id: string; version: number };
    const items = (
      sql
        .prepare(
          `SELECT id, code, seq, kind, textZh, textEn, method, tolerance, numericUnit, numericMin,
             numericMax, numericQuantity, numericTarget, numericCondition, judge, samplePlan, source, verified
           FROM ChecklistItem WHERE templateId = ? ORDER BY seq`,
        )
        .all(t.id) as (Omit<ItemRow, "verified"> & { verified: number })[]
    ).map((i) => ({ ...i, verified: Boolean(i.verified) }));
    templates.set(wt.id, { ...t, items });
  }
  const photoTemplate = sql
    .prepare(
      "SELECT sha256, format, byteSize, width, height, displaySha256, displayFormat, thumbSha256 FROM Photo WHERE role = 'before' ORDER BY sha256",
    )
    .all() as Record<string, string | number>[];

  const last = sql.prepare("SELECT seq, hash FROM AuditEvent ORDER BY seq DESC LIMIT 1").get() as {
    seq: number;
    hash: string;
  };
  let seq = last?.seq ?? 0;
  let prevHash = last?.hash ?? GENESIS_HASH;
  // A clock from 2025-03-01 (China) moving forward with every event, so dates spread over the works.
  const clockStart = Date.parse("2025-03-01T09:00:00+08:00");
  const clockEnd = Date.parse("2026-11-28T18:00:00+08:00");
  const totalEvents = 700_000;
  let clock = clockStart;
  const tick = () => {
    clock += Math.floor(((clockEnd - clockStart) / totalEvents) * (0.5 + rand()));
    return clock;
  };

  const insEvent = sql.prepare(
    "INSERT INTO AuditEvent (seq, at, actorId, action, entityType, entityId, payload, prevHash, hash) VALUES (?,?,?,?,?,?,?,?,?)",
  );
  const event = (
    actorId: string | null,
    action: string,
    entityType: string,
    entityId: string,
    data: unknown,
    at = tick(),
  ) => {
    seq += 1;
    const e = {
      seq,
      at: new Date(at),
      actorId,
      action,
      entityType,
      entityId,
      payload: canonicalJson(data),
    };
    const hash = eventHash(prevHash, e);
    insEvent.run(seq, iso(at), actorId, action, entityType, entityId, e.payload, prevHash, hash);
    prevHash = hash;
    return at;
  };

  const insLot = sql.prepare(
    `INSERT INTO InspectionLot (id, number, compoundId, workTypeId, templateId, contractorOrgId, placeKind,
       stairwellId, buildingId, zoneId, placeLabel, capacity, capacityUnit, status, recordsComplete,
       selfCheckNote, createdById, createdAt, updatedAt, submittedAt, submittedById, acceptedAt, acceptedById)
     VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
  );
  const insEntry = sql.prepare(
    "INSERT INTO LotItemEntry (id, lotId, itemId, result, note, designValue, updatedAt, updatedById) VALUES (?,?,?,?,?,?,?,?)",
  );
  const insPoint = sql.prepare(
    "INSERT INTO SamplePoint (id, entryId, seq, value, serious) VALUES (?,?,?,?,?)",
  );
  const insPhoto = sql.prepare(
    `INSERT INTO Photo (id, sha256, role, attachKey, lotId, itemId, defectId, format, byteSize, width, height,
       displaySha256, displayFormat, thumbSha256, uploadedById, uploadedAt) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
  );
  const insDefect = sql.prepare(
    `INSERT INTO Defect (id, number, compoundId, lotId, itemId, workTypeId, placeLabel, title, description,
       severity, contractorOrgId, dueOn, status, lastComment, createdById, createdAt, updatedAt, closedAt)
     VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
  );
  const insNotification = sql.prepare(
    "INSERT INTO Notification (id, userId, kind, text, link, dedupeKey, createdAt, readAt) VALUES (?,?,?,?,?,?,?,?)",
  );
  const insNotice = sql.prepare(
    `INSERT INTO SupervisionNotice (id, number, compoundId, contractorOrgId, subject, content, replyDueOn,
       issuedById, issuedAt, status, replyText, repliedById, repliedAt) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)`,
  );
  const insNoticeDefect = sql.prepare(
    "INSERT INTO SupervisionNoticeDefect (noticeId, defectId, seq) VALUES (?,?,?)",
  );

  let idCounter = 0;
  const id = (p: string) => `g${p}${(idCounter++).toString(36).padStart(9, "0")}`;
  const sampleCache = new Map<string, { itemId: string; samples: number | null }[]>();

  type GenLot = {
    id: string;
    number: string;
    compoundId: string;
    compoundCode: string;
    contractorOrgId: string;
    workTypeId: string;
    items: ItemRow[];
    at: number;
  };
  const genLots: GenLot[] = [];
  let points = 0;
  let photoCount = 0;
  const lotsStarted = Date.now();

  // Rows refer to each other within one batch (entries before their lot's row): check at commit.
  const batch = sql.transaction((fn: () => void) => {
    sql.pragma("defer_foreign_keys = ON");
    fn();
  });
  for (const compound of compounds) {
    const contract = sql
      .prepare("SELECT contractorOrgId FROM Contract WHERE compoundId = ?")
      .get(compound.id) as { contractorOrgId: string };
    const contractor = users.find((u) => u.organizationId === contract.contractorOrgId)!;
    const stairwells = sql
      .prepare(
        "SELECT s.id, s.seq, s.floors, b.seq AS bseq, b.floors AS bfloors FROM Stairwell s JOIN Building b ON b.id = s.buildingId WHERE b.compoundId = ?",
      )
      .all(compound.id) as {
      id: string;
      seq: number;
      floors: number;
      bseq: number;
      bfloors: number;
    }[];
    // What lotPlace reads of a zone (its attributes enter the verdict, so the signed hash).
    const zones = sql
      .prepare(
        "SELECT id, kind, name, surface, roadWidth, roadClass, pipeMaterial, pipeDiameter, structure FROM Zone WHERE compoundId = ?",
      )
      .all(compound.id) as ({ id: string; kind: string; name: string } & Record<string, unknown>)[];
    const counters = new Map<string, number>();
    for (const r of sql
      .prepare(
        "SELECT workTypeId, count(*) AS n FROM InspectionLot WHERE compoundId = ? GROUP BY workTypeId",
      )
      .all(compound.id) as { workTypeId: string; n: number }[])
      counters.set(r.workTypeId, r.n);

    for (let start = 0; start < SCALE.lotsPerCompound; start += 500) {
      batch(() => {
        for (let k = start; k < Math.min(start + 500, SCALE.lotsPerCompound); k++) {
          const wt = pick(workTypes);
          const template = templates.get(wt.id)!;
          const kinds = JSON.parse(wt.zoneKinds) as string[];
          const matching = zones.filter((z) => kinds.includes(z.kind));
          const zone = pick(matching.length > 0 ? matching : zones);
          const sw = pick(stairwells);
          const place =
            wt.placeKind === "zone"
              ? { kind: "zone", id: zone.id, label: zone.name }
              : { kind: "stairwell", id: sw.id, label: `${sw.bseq}栋${sw.seq}单元` };
          const n = (counters.get(wt.id) ?? 0) + 1;
          counters.set(wt.id, n);
          const prefix = template.items[0]?.code.split("-")[0] ?? "XX";
          const number = `${compound.code}-${prefix}-${String(n).padStart(3, "0")}`;
          const lotId = id("l");
          const capacity = 6 + Math.floor(rand() * 30);
          const r = rand();
          let status = r < 0.6 ? "accepted" : r < 0.78 ? "submitted" : "draft";
          const createdAt = event(contractor.id, "lot.create", "InspectionLot", lotId, {
            number,
            workType: wt.code,
            templateVersion: template.version,
            place: { kind: place.kind, id: place.id },
            contractorOrgId: contract.contractorOrgId,
          });
          const row = {
            id: lotId,
            number,
            capacity,
            recordsComplete: status !== "draft",
            compound: { code: compound.code },
            workType: { code: wt.code, standards: wt.standards },
            template: { id: template.id, version: template.version, items: template.items },
            entries: [] as LotRow["entries"],
            photos: [] as LotRow["photos"],
            drawingRefs: [] as LotRow["drawingRefs"],
            // Generated lots are accepted without drawn signatures or a §5.0.6 route.
            signatures: [] as LotRow["signatures"],
            acceptanceRoutes: [] as LotRow["acceptanceRoutes"],
            placeLabel: place.label,
            // The place as the stored row gives it to lotPlace: storeys, zone attributes, unit.
            capacityUnit: "处",
            quantities: null,
            attributes: null,
            building: null,
            stairwell:
              place.kind === "stairwell"
                ? { floors: sw.floors, building: { floors: sw.bfloors } }
                : null,
            zone:
              place.kind === "zone"
                ? {
                    surface: zone.surface ?? null,
                    roadWidth: zone.roadWidth ?? null,
                    roadClass: zone.roadClass ?? null,
                    pipeMaterial: zone.pipeMaterial ?? null,
                    pipeDiameter: zone.pipeDiameter ?? null,
                    structure: zone.structure ?? null,
                  }
                : null,
          };
          const key = `${template.id}:${capacity}:${place.id}`;
          let samples = sampleCache.get(key);
          if (!samples) {
            samples = withVerdict(row as unknown as LotRow).verdict.items.map((i) => ({
              itemId: i.itemId,
              samples: i.requiredPoints > 0 ? i.requiredPoints : null,
            }));
            sampleCache.set(key, samples);
          }
          const fill = status === "draft" ? Math.floor(template.items.length / 2) : Infinity;
          template.items.forEach((item, idx) => {
            if (idx >= fill) return;
            const numeric = samples[idx]!.samples !== null;
            const deviation = item.numericQuantity === "deviationFromDesign";
            const value = !numeric
              ? 0
              : deviation
                ? 0
                : item.numericMin !== null && item.numericMax !== null
                  ? (item.numericMin + item.numericMax) / 2
                  : item.numericMin !== null
                    ? item.numericMin + 1
                    : item.numericMax !== null
                      ? item.numericMax
                      : (item.numericTarget ?? 0);
            const pts = numeric
              ? Array.from({ length: samples[idx]!.samples! }, () => ({
                  value,
                  serious: false,
                  text: null,
                  design: null,
                  was: null,
                  removed: false,
                }))
              : [];
            const entry = {
              itemId: item.id,
              result:
                numeric && (item.numericMin !== null || item.numericMax !== null) ? null : "pass",
              note: null,
              designValue: deviation ? 0 : null,
              version: 0,
              points: pts,
            };
            // As saveEntry records it: points normalised (no null text/design), and no version
            // (the row counts versions; the event records what was saved).
            const { version: _version, ...saved } = entry;
            const recorded = { ...saved, points: pts.map(normalizedPoint) };
            const at = event(contractor.id, "lot.entry.save", "InspectionLot", lotId, recorded);
            const entryId = id("e");
            insEntry.run(
              entryId,
              lotId,
              item.id,
              entry.result,
              null,
              entry.designValue,
              iso(at),
              contractor.id,
            );
            pts.forEach((p, i) => {
              insPoint.run(id("p"), entryId, i + 1, p.value, 0);
            });
            points += pts.length;
            row.entries.push(entry);
          });
          // Some lots carry item photos (evidence), covered by their signature.
          if (photoCount < SCALE.lotPhotos && rand() < 0.4) {
            const item = template.items[0]!;
            const ph = pick(photoTemplate);
            const photoId = id("f");
            const at = tick();
            insPhoto.run(
              photoId,
              ph.sha256,
              "evidence",
              `lot:${lotId}:item:${item.id}`,
              lotId,
              item.id,
              null,
              ph.format,
              ph.byteSize,
              ph.width,
              ph.height,
              ph.displaySha256,
              ph.displayFormat,
              ph.thumbSha256,
              contractor.id,
              iso(at),
            );
            event(
              contractor.id,
              "photo.attach",
              "Photo",
              photoId,
              {
                lotId,
                itemId: item.id,
                sha256: ph.sha256,
                displaySha256: ph.displaySha256,
                thumbSha256: ph.thumbSha256,
                byteSize: ph.byteSize,
                capturedAt: null,
              },
              at,
            );
            row.photos.push({
              id: photoId,
              sha256: String(ph.sha256),
              itemId: item.id,
              annotations: [],
            });
            photoCount += 1;
          }
          let submittedAt: number | null = null;
          let acceptedAt: number | null = null;
          if (status !== "draft") {
            const records = { recordsComplete: true, selfCheckNote: "自检合格" };
            event(contractor.id, "lot.records.save", "InspectionLot", lotId, records);
            const detail = withVerdict(row as unknown as LotRow);
            submittedAt = event(contractor.id, "lot.submit", "InspectionLot", lotId, {
              from: "draft",
              to: "submitted",
              verdict: verdictTextZh(detail.verdict.summary),
            });
            // Work types whose simple passing values do not pass stay submitted (awaiting the supervisor).
            if (status === "accepted" && detail.verdict.status !== "pass") status = "submitted";
            if (status === "accepted") {
              acceptedAt = event(supervisor.id, "lot.accept", "InspectionLot", lotId, {
                from: "submitted",
                to: "accepted",
                verdict: verdictTextZh(detail.verdict.summary),
                contentHash: lotContentHash(detail as Parameters<typeof lotContentHash>[0]),
              });
            }
          }
          insLot.run(
            lotId,
            number,
            compound.id,
            wt.id,
            template.id,
            contract.contractorOrgId,
            place.kind,
            place.kind === "stairwell" ? place.id : null,
            null,
            place.kind === "zone" ? place.id : null,
            place.label,
            capacity,
            "处",
            status,
            status !== "draft" ? 1 : 0,
            status !== "draft" ? "自检合格" : null,
            contractor.id,
            iso(createdAt),
            iso(acceptedAt ?? submittedAt ?? createdAt),
            submittedAt ? iso(submittedAt) : null,
            submittedAt ? contractor.id : null,
            acceptedAt ? iso(acceptedAt) : null,
            acceptedAt ? supervisor.id : null,
          );
          genLots.push({
            id: lotId,
            number,
            compoundId: compound.id,
            compoundCode: compound.code,
            contractorOrgId: contract.contractorOrgId,
            workTypeId: wt.id,
            items: template.items,
            at: createdAt,
          });
        }
      });
    }
  }
  log(
    `lots: ${genLots.length}, points: ${points}, events so far: ${seq} (${((Date.now() - lotsStarted) / 1000).toFixed(1)} s)`,
  );

  // Defects: half from a lot's item, half standalone; the clock restarts over the same period so
  // they interleave in time with the lots (the chain's order stays the insertion order).
  const defectsStarted = Date.now();
  clock = clockStart;
  const titles = [
    "线管未固定",
    "接线盒缺盖板",
    "扶手立杆松动",
    "声控灯不亮",
    "墙面空鼓",
    "腻子开裂",
  ];
  const openDefects = new Map<string, { id: string; number: string; dueOn: number }[]>();
  let defectPhotos = 0;
  for (const compound of compounds) {
    const contract = sql
      .prepare("SELECT contractorOrgId FROM Contract WHERE compoundId = ?")
      .get(compound.id) as { contractorOrgId: string };
    const contractor = users.find((u) => u.organizationId === contract.contractorOrgId)!;
    const lots = genLots.filter((l) => l.compoundId === compound.id);
    let n = (
      sql.prepare("SELECT count(*) AS n FROM Defect WHERE compoundId = ?").get(compound.id) as {
        n: number;
      }
    ).n;
    const open: { id: string; number: string; dueOn: number }[] = [];
    openDefects.set(compound.id, open);
    for (let start = 0; start < SCALE.defectsPerCompound; start += 1000) {
      batch(() => {
        for (let k = start; k < Math.min(start + 1000, SCALE.defectsPerCompound); k++) {
          n += 1;
          const number = `${compound.code}-QX-${String(n).padStart(3, "0")}`;
          const defectId = id("d");
          const fromLot = rand() < 0.5 ? pick(lots) : null;
          const item = fromLot ? pick(fromLot.items) : null;
          const severity = pick(["general", "general", "major", "critical"] as const);
          const title = pick(titles);
          const placeLabel = fromLot ? fromLot.number : `${1 + Math.floor(rand() * 12)}栋`;
          // The last few weeks' defects are still open; older ones mostly closed.
          const late = clock > clockEnd - 60 * DAY;
          const r = rand();
          const status = late
            ? pick(["open", "in_progress", "submitted", "closed"] as const)
            : r < 0.9
              ? "closed"
              : pick(["open", "in_progress", "submitted"] as const);
          const createdAt = tick();
          const chinaDay = Math.floor((createdAt + 8 * 3600_000) / DAY) * DAY - 8 * 3600_000;
          const dueOn = chinaDay + ({ general: 7, major: 10, critical: 3 }[severity] ?? 7) * DAY;
          const data = {
            compoundId: compound.id,
            contractorOrgId: contract.contractorOrgId,
            placeLabel,
            lotId: fromLot?.id ?? null,
            itemId: item?.id ?? null,
            workTypeId: fromLot?.workTypeId ?? null,
            number,
            title,
            description: `${placeLabel}：${title}，请按期整改。`,
            severity,
            dueOn: new Date(dueOn).toISOString(),
            status: "open",
            createdById: supervisor.id,
            to: "open",
            photos: [] as string[],
          };
          event(supervisor.id, "defect.create", "Defect", defectId, data, createdAt);
          const steps: [string, string, string, string | undefined][] = [];
          if (status !== "open")
            steps.push([contractor.id, "acknowledge", "in_progress", undefined]);
          if (status === "submitted" || status === "closed")
            steps.push([contractor.id, "reply", "submitted", "已按要求整改，请复查"]);
          if (status === "closed") steps.push([supervisor.id, "close", "closed", "复查合格"]);
          let from = "open";
          let at = createdAt;
          for (const [actor, action, to, comment] of steps) {
            at = event(actor, `defect.${action}`, "Defect", defectId, { comment, from, to });
            from = to;
          }
          insDefect.run(
            defectId,
            number,
            compound.id,
            fromLot?.id ?? null,
            item?.id ?? null,
            fromLot?.workTypeId ?? null,
            placeLabel,
            title,
            data.description,
            severity,
            contract.contractorOrgId,
            iso(dueOn),
            status,
            steps.at(-1)?.[3] ?? null,
            supervisor.id,
            iso(createdAt),
            iso(at),
            status === "closed" ? iso(at) : null,
          );
          insNotification.run(
            id("n"),
            contractor.id,
            "defect.assigned",
            `${number} ${title}（${placeLabel}），整改期限 ${new Date(dueOn + 8 * 3600_000).toISOString().slice(0, 10)}`,
            `/defects/${defectId}`,
            null,
            iso(createdAt),
            status === "open" ? null : iso(at),
          );
          if (defectPhotos < SCALE.defectPhotos && rand() < 0.62) {
            const ph = pick(photoTemplate);
            const photoId = id("f");
            const pAt = createdAt + 1000;
            insPhoto.run(
              photoId,
              ph.sha256,
              "before",
              `defect:${defectId}:before`,
              null,
              null,
              defectId,
              ph.format,
              ph.byteSize,
              ph.width,
              ph.height,
              ph.displaySha256,
              ph.displayFormat,
              ph.thumbSha256,
              supervisor.id,
              iso(pAt),
            );
            event(
              supervisor.id,
              "photo.attach",
              "Photo",
              photoId,
              {
                defectId,
                role: "before",
                sha256: ph.sha256,
                displaySha256: ph.displaySha256,
                thumbSha256: ph.thumbSha256,
                byteSize: ph.byteSize,
                capturedAt: null,
              },
              pAt,
            );
            defectPhotos += 1;
          }
          if (status !== "closed") open.push({ id: defectId, number, dueOn });
        }
      });
    }

    // Notices over open defects, three each.
    let tz = (
      sql
        .prepare("SELECT count(*) AS n FROM SupervisionNotice WHERE compoundId = ?")
        .get(compound.id) as { n: number }
    ).n;
    batch(() => {
      for (let k = 0; k < SCALE.noticesPerCompound && (k + 1) * 3 <= open.length; k++) {
        tz += 1;
        const number = `${compound.code}-TZ-${String(tz).padStart(3, "0")}`;
        const noticeId = id("t");
        const ds = open.slice(k * 3, k * 3 + 3);
        const replyDueOn = Math.max(...ds.map((d) => d.dueOn));
        const at = event(supervisor.id, "notice.issue", "SupervisionNotice", noticeId, {
          number,
          compoundId: compound.id,
          contractorOrgId: contract.contractorOrgId,
          subject: "质量问题整改",
          content: "请按期整改下列质量问题。",
          replyDueOn: new Date(replyDueOn).toISOString(),
          defects: ds.map((d) => d.number),
          to: "issued",
        });
        insNotice.run(
          noticeId,
          number,
          compound.id,
          contract.contractorOrgId,
          "质量问题整改",
          "请按期整改下列质量问题。",
          iso(replyDueOn),
          supervisor.id,
          iso(at),
          "issued",
          null,
          null,
          null,
        );
        ds.forEach((d, i) => {
          insNoticeDefect.run(noticeId, d.id, i + 1);
        });
      }
    });
  }
  log(
    `defects: ${SCALE.defectsPerCompound * compounds.length}, photos: ${photoCount + defectPhotos}, events: ${seq} (${((Date.now() - defectsStarted) / 1000).toFixed(1)} s)`,
  );
  sql.pragma("wal_checkpoint(TRUNCATE)");
  sql.close();
  fs.writeFileSync(dirs.doneMarker, `generator v${GENERATOR_VERSION}\n`);
  log(`generated in ${((Date.now() - started) / 1000).toFixed(1)} s: ${dirs.dbPath}`);
  return dirs;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  generateScaleDb().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
