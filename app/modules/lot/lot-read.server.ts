/**
 * A lot's record as `getLot` needs it (the shape of LOT_SELECT in lots.server.ts), read with four
 * plain SQL statements whatever the number of lots: the lot with its to-one relations, its entries
 * with their points, its evidence photos with each one's latest markup, its drawing references.
 * The page reads one lot through the Prisma client's raw queries (inside a transaction too); the
 * verifier reads lots in batches through better-sqlite3. Both hand rows to `run`, and every value
 * is normalised here, so both give exactly what the Prisma select gives.
 */

import { sqlBool, toDate } from "~/infra/sql.server";
import type { AcceptanceRouteRecord } from "./acceptance-route";

export { toDate };

/** Runs one SELECT with positional parameters and returns its rows. */
export type SqlRows = (
  sql: string,
  params: readonly unknown[],
) => Promise<Record<string, unknown>[]> | Record<string, unknown>[];

const dateOrNull = (v: unknown) => (v === null || v === undefined ? null : toDate(v));
const num = (v: unknown) => (typeof v === "bigint" ? Number(v) : (v as number));
const numOrNull = (v: unknown) => (v === null || v === undefined ? null : num(v));
const bool = sqlBool;
const str = (v: unknown) => v as string;
const strOrNull = (v: unknown) => (v === null || v === undefined ? null : String(v));

const LOT_SQL = `SELECT l.id, l.number, l.status, l.placeKind, l.placeLabel, l.capacity, l.capacityUnit,
  l.quantities, l.attributes, l.plannedStart, l.plannedEnd, l.recordsComplete, l.selfCheckNote,
  l.lastReason, l.subItem, l.contractorOrgId, l.createdAt, l.updatedAt, l.submittedAt, l.acceptedAt,
  l.stairwellId, l.zoneId, l.buildingId,
  b.floors AS b_floors, s.floors AS s_floors, sb.floors AS sb_floors,
  z.id AS z_id, z.surface AS z_surface, z.roadWidth AS z_roadWidth, z.roadClass AS z_roadClass,
  z.pipeMaterial AS z_pipeMaterial, z.pipeDiameter AS z_pipeDiameter, z.structure AS z_structure,
  c.id AS c_id, c.name AS c_name, c.code AS c_code, p.id AS p_id, p.name AS p_name,
  w.code AS w_code, w.nameZh AS w_nameZh, w.division AS w_division, w.standards AS w_standards,
  t.id AS t_id, t.version AS t_version, o.name AS o_name, cu.displayName AS cu_name,
  su.id AS su_id, su.displayName AS su_name, su.title AS su_title,
  au.id AS au_id, au.displayName AS au_name, au.title AS au_title
FROM InspectionLot l
JOIN Compound c ON c.id = l.compoundId
JOIN Project p ON p.id = c.projectId
JOIN WorkType w ON w.id = l.workTypeId
JOIN ChecklistTemplate t ON t.id = l.templateId
JOIN Organization o ON o.id = l.contractorOrgId
JOIN User cu ON cu.id = l.createdById
LEFT JOIN User su ON su.id = l.submittedById
LEFT JOIN User au ON au.id = l.acceptedById
LEFT JOIN Building b ON b.id = l.buildingId
LEFT JOIN Stairwell s ON s.id = l.stairwellId
LEFT JOIN Building sb ON sb.id = s.buildingId
LEFT JOIN Zone z ON z.id = l.zoneId`;

const marks = (n: number) => Array.from({ length: n }, () => "?").join(",");

/** The lots with these ids (and, when given, a further condition on `l`/`c`), in id order. */
export async function readLotRecords(
  run: SqlRows,
  ids: readonly string[],
  where?: { sql: string; params: readonly unknown[] },
) {
  if (ids.length === 0) return [];
  const inIds = marks(ids.length);
  const lotRows = await run(
    `${LOT_SQL} WHERE l.id IN (${inIds})${where ? ` AND (${where.sql})` : ""} ORDER BY l.id`,
    [...ids, ...(where?.params ?? [])],
  );
  if (lotRows.length === 0) return [];
  const found = lotRows.map((r) => str(r.id));
  const inFound = marks(found.length);
  const [entryRows, photoRows, refRows, signatureRows, routeRows] = await Promise.all([
    run(
      `SELECT e.lotId, e.id AS entryId, e.itemId, e.result, e.note, e.designValue, e.version,
         sp.value, sp.serious, sp.text, sp.design, sp.was, sp.removed
       FROM LotItemEntry e LEFT JOIN SamplePoint sp ON sp.entryId = e.id
       WHERE e.lotId IN (${inFound}) ORDER BY e.lotId, e.id, sp.seq`,
      found,
    ),
    run(
      `SELECT ph.lotId, ph.id, ph.sha256, ph.itemId,
         (SELECT a.sha256 FROM PhotoAnnotation a WHERE a.photoId = ph.id
          ORDER BY a.version DESC LIMIT 1) AS annotation
       FROM Photo ph WHERE ph.lotId IN (${inFound}) AND ph.role = 'evidence'
       ORDER BY ph.lotId, ph.uploadedAt`,
      found,
    ),
    run(
      `SELECT r.lotId, r.revisionId, r.acknowledgedAt, v.revision, v.status, v.sourceSha256,
         v.imageSha256, sh.number AS sheetNumber
       FROM LotDrawingRef r JOIN DrawingRevision v ON v.id = r.revisionId
       JOIN DrawingSheet sh ON sh.id = v.sheetId
       WHERE r.lotId IN (${inFound}) ORDER BY r.lotId, r.id`,
      found,
    ),
    // Drawn signatures (施工自检, 验收签认), newest first, as LOT_SELECT orders them.
    run(
      `SELECT g.lotId, g.id, g.kind, g.signerId, g.foreman, g.conclusion, g.imageSha256,
         g.contentHash, g.signedAt, u.displayName AS signerName, u.title AS signerTitle
       FROM LotSignature g JOIN User u ON u.id = g.signerId
       WHERE g.lotId IN (${inFound}) ORDER BY g.lotId, g.signedAt DESC`,
      found,
    ),
    // §5.0.6 acceptance routes (decision 0032), newest first.
    run(
      `SELECT r.lotId, r.id, r.route, r.body, r.reportNumber, r.note, r.documentName,
         r.documentFormat, r.documentSize, r.documentSha256, r.verdictSummary, r.recordedAt,
         r.lotAcceptedAt, u.displayName AS recorderName, u.title AS recorderTitle
       FROM LotAcceptanceRoute r JOIN User u ON u.id = r.recordedById
       WHERE r.lotId IN (${inFound}) ORDER BY r.lotId, r.recordedAt DESC`,
      found,
    ),
  ]);
  const lots = lotRows.map(lotOf);
  const byId = new Map(lots.map((l) => [l.id, l]));
  let entry: (typeof lots)[number]["entries"][number] | undefined;
  let entryId: string | undefined;
  for (const r of entryRows) {
    if (r.entryId !== entryId) {
      entryId = str(r.entryId);
      entry = {
        itemId: str(r.itemId),
        result: strOrNull(r.result),
        note: strOrNull(r.note),
        designValue: numOrNull(r.designValue),
        version: num(r.version),
        points: [],
      };
      byId.get(str(r.lotId))?.entries.push(entry);
    }
    if (r.value !== null && r.value !== undefined)
      entry!.points.push({
        value: num(r.value),
        serious: bool(r.serious),
        text: strOrNull(r.text),
        design: numOrNull(r.design),
        was: strOrNull(r.was),
        removed: bool(r.removed),
      });
  }
  for (const r of photoRows)
    byId.get(str(r.lotId))?.photos.push({
      id: str(r.id),
      sha256: str(r.sha256),
      itemId: strOrNull(r.itemId),
      annotations: r.annotation === null ? [] : [{ sha256: str(r.annotation) }],
    });
  for (const r of signatureRows)
    byId.get(str(r.lotId))?.signatures.push({
      id: str(r.id),
      kind: str(r.kind),
      signerId: str(r.signerId),
      foreman: strOrNull(r.foreman),
      conclusion: str(r.conclusion),
      imageSha256: str(r.imageSha256),
      contentHash: str(r.contentHash),
      signedAt: toDate(r.signedAt),
      signer: { displayName: str(r.signerName), title: str(r.signerTitle) },
    });
  for (const r of routeRows)
    byId.get(str(r.lotId))?.acceptanceRoutes.push({
      id: str(r.id),
      route: str(r.route),
      body: str(r.body),
      reportNumber: str(r.reportNumber),
      note: str(r.note),
      documentName: str(r.documentName),
      documentFormat: str(r.documentFormat),
      documentSize: num(r.documentSize),
      documentSha256: str(r.documentSha256),
      verdictSummary: str(r.verdictSummary),
      recordedAt: toDate(r.recordedAt),
      lotAcceptedAt: dateOrNull(r.lotAcceptedAt),
      recordedBy: { displayName: str(r.recorderName), title: str(r.recorderTitle) },
    });
  for (const r of refRows)
    byId.get(str(r.lotId))?.drawingRefs.push({
      revisionId: str(r.revisionId),
      acknowledgedAt: dateOrNull(r.acknowledgedAt),
      revision: {
        revision: str(r.revision),
        status: str(r.status),
        sourceSha256: str(r.sourceSha256),
        imageSha256: str(r.imageSha256),
        sheet: { number: str(r.sheetNumber) },
      },
    });
  return lots;
}

function lotOf(r: Record<string, unknown>) {
  return {
    id: str(r.id),
    number: str(r.number),
    status: str(r.status),
    placeKind: str(r.placeKind),
    placeLabel: str(r.placeLabel),
    capacity: numOrNull(r.capacity),
    capacityUnit: strOrNull(r.capacityUnit),
    quantities: strOrNull(r.quantities),
    attributes: strOrNull(r.attributes),
    plannedStart: dateOrNull(r.plannedStart),
    plannedEnd: dateOrNull(r.plannedEnd),
    recordsComplete: bool(r.recordsComplete),
    selfCheckNote: strOrNull(r.selfCheckNote),
    lastReason: strOrNull(r.lastReason),
    subItem: strOrNull(r.subItem),
    contractorOrgId: str(r.contractorOrgId),
    createdAt: toDate(r.createdAt),
    updatedAt: toDate(r.updatedAt),
    submittedAt: dateOrNull(r.submittedAt),
    acceptedAt: dateOrNull(r.acceptedAt),
    stairwellId: strOrNull(r.stairwellId),
    zoneId: strOrNull(r.zoneId),
    buildingId: strOrNull(r.buildingId),
    building: r.buildingId === null ? null : { floors: num(r.b_floors) },
    stairwell:
      r.stairwellId === null
        ? null
        : { floors: num(r.s_floors), building: { floors: num(r.sb_floors) } },
    zone:
      r.z_id === null
        ? null
        : {
            surface: strOrNull(r.z_surface),
            roadWidth: numOrNull(r.z_roadWidth),
            roadClass: strOrNull(r.z_roadClass),
            pipeMaterial: strOrNull(r.z_pipeMaterial),
            pipeDiameter: numOrNull(r.z_pipeDiameter),
            structure: strOrNull(r.z_structure),
          },
    compound: {
      id: str(r.c_id),
      name: str(r.c_name),
      code: str(r.c_code),
      project: { id: str(r.p_id), name: str(r.p_name) },
    },
    workType: {
      code: str(r.w_code),
      nameZh: str(r.w_nameZh),
      division: str(r.w_division),
      standards: str(r.w_standards),
    },
    template: { id: str(r.t_id), version: num(r.t_version) },
    contractor: { name: str(r.o_name) },
    createdBy: { displayName: str(r.cu_name) },
    submittedBy: r.su_id === null ? null : { displayName: str(r.su_name), title: str(r.su_title) },
    acceptedBy: r.au_id === null ? null : { displayName: str(r.au_name), title: str(r.au_title) },
    entries: [] as {
      itemId: string;
      result: string | null;
      note: string | null;
      designValue: number | null;
      version: number;
      points: {
        value: number;
        serious: boolean;
        text: string | null;
        design: number | null;
        was: string | null;
        removed: boolean;
      }[];
    }[],
    signatures: [] as {
      id: string;
      kind: string;
      signerId: string;
      foreman: string | null;
      conclusion: string;
      imageSha256: string;
      contentHash: string;
      signedAt: Date;
      signer: { displayName: string; title: string };
    }[],
    photos: [] as {
      id: string;
      sha256: string;
      itemId: string | null;
      annotations: { sha256: string }[];
    }[],
    acceptanceRoutes: [] as AcceptanceRouteRecord[],
    drawingRefs: [] as {
      revisionId: string;
      acknowledgedAt: Date | null;
      revision: {
        revision: string;
        status: string;
        sourceSha256: string;
        imageSha256: string;
        sheet: { number: string };
      };
    }[],
  };
}
