import ExcelJS from "exceljs";
import { Prisma } from "~/generated/prisma/client";
import type { Db } from "~/infra/db.server";
import { recordEvent } from "~/modules/audit/record.server";
import type { Actor } from "~/modules/auth/permissions";
import { xlsxBuffer } from "~/modules/report/excel.server";
import { ResidentsError } from "./access.server";
import {
  CONSENT,
  type Consent,
  type HouseholdFields,
  NEEDS,
  type Need,
  OCCUPANCY,
  type Occupancy,
  type PlaceIndex,
  parseSurveyRows,
  type RowError,
  SURVEY_COLUMNS,
  surveySummary,
} from "./survey";

type Viewer = Actor & { id: string };

export const SURVEY_PAGE_SIZE = 50;
export const MAX_SURVEY_FILE_BYTES = 5 * 1024 * 1024;

async function placeIndex(db: Db, compoundId: string): Promise<PlaceIndex> {
  const buildings = await db.building.findMany({
    where: { compoundId },
    select: { name: true, stairwells: { select: { id: true, name: true } } },
  });
  return new Map(buildings.map((b) => [b.name, new Map(b.stairwells.map((s) => [s.name, s.id]))]));
}

/** The compound's buildings and 单元, for the tablet form's selects. */
export async function surveyPlaces(db: Db, compoundId: string) {
  return db.building.findMany({
    where: { compoundId },
    select: {
      id: true,
      name: true,
      stairwells: { select: { id: true, name: true }, orderBy: { seq: "asc" } },
    },
    orderBy: { seq: "asc" },
  });
}

function rowData(compoundId: string, buildingId: string, stairwellId: string, h: HouseholdFields) {
  return {
    compoundId,
    buildingId,
    stairwellId,
    room: h.room,
    headName: h.headName,
    phone: h.phone,
    occupancy: h.occupancy,
    residents: h.residents,
    elderly: h.elderly,
    disabled: h.disabled,
    needs: JSON.stringify(h.needs),
    consent: h.consent,
    note: h.note,
  };
}

const duplicate = (e: unknown) =>
  e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002";

/** One household entered on the tablet: the row and its audit event together. */
export async function addHousehold(
  db: Db,
  viewer: Viewer,
  compoundId: string,
  stairwellId: string,
  h: HouseholdFields,
) {
  const stairwell = await db.stairwell.findFirst({
    where: { id: stairwellId, building: { compoundId } },
    select: { id: true, buildingId: true },
  });
  if (!stairwell) throw new ResidentsError("请选择本小区的单元");
  try {
    return await db.$transaction(async (tx) => {
      const row = await tx.household.create({
        data: {
          ...rowData(compoundId, stairwell.buildingId, stairwell.id, h),
          createdById: viewer.id,
        },
        select: { id: true },
      });
      // Personal data stays out of the (exportable) audit chain: only its place and answers.
      await recordEvent(tx, {
        actorId: viewer.id,
        action: "survey.add",
        entityType: "Household",
        entityId: row.id,
        data: { compoundId, stairwellId, room: h.room, needs: h.needs, consent: h.consent },
      });
      return row;
    });
  } catch (e) {
    if (duplicate(e)) throw new ResidentsError(`该单元 ${h.room} 室已登记`, 409);
    throw e;
  }
}

/** Reads the first sheet: the header row (the one naming 房号) and the data rows under it. */
export async function readSurveyWorkbook(bytes: Buffer) {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new ResidentsError("无法读取该文件，请上传 Excel（.xlsx）文件", 422);
  }
  const ws = wb.worksheets[0];
  if (!ws) throw new ResidentsError("Excel 文件中没有工作表", 422);
  let headerLine = 0;
  for (let i = 1; i <= Math.min(ws.rowCount, 10); i += 1) {
    const values = (ws.getRow(i).values as unknown[]).slice(1).map((v) => String(v ?? "").trim());
    if (values.includes("房号")) {
      const missing = SURVEY_COLUMNS.filter((c, j) => values[j] !== c);
      if (missing.length > 0)
        throw new ResidentsError(
          `表头应为：${SURVEY_COLUMNS.join("、")}（请使用导出的台账格式）`,
          422,
        );
      headerLine = i;
      break;
    }
  }
  if (headerLine === 0) throw new ResidentsError("没有找到表头（含“房号”的一行）", 422);
  const rows: { line: number; values: unknown[] }[] = [];
  ws.eachRow((row, line) => {
    if (line <= headerLine) return;
    const values = (row.values as unknown[])
      .slice(1, SURVEY_COLUMNS.length + 1)
      .map((v) => (v && typeof v === "object" && "text" in v ? (v as { text: unknown }).text : v));
    if (values.every((v) => v === null || v === undefined || String(v).trim() === "")) return;
    rows.push({ line, values });
  });
  return rows;
}

/**
 * Imports a survey workbook: every row is checked first (also against households already
 * registered); with any error nothing is written. Otherwise all rows and one audit event in
 * one transaction.
 */
export async function importSurvey(
  db: Db,
  viewer: Viewer,
  compoundId: string,
  bytes: Buffer,
): Promise<{ ok: true; imported: number } | { ok: false; errors: RowError[] }> {
  if (bytes.length > MAX_SURVEY_FILE_BYTES) throw new ResidentsError("文件不能超过 5 MB", 413);
  const raw = await readSurveyWorkbook(bytes);
  const places = await placeIndex(db, compoundId);
  const { rows, errors } = parseSurveyRows(raw, places);
  const existing = await db.household.findMany({
    where: { compoundId },
    select: { stairwellId: true, room: true },
  });
  const taken = new Set(existing.map((h) => `${h.stairwellId}/${h.room}`));
  for (const r of rows)
    if (taken.has(`${r.stairwellId}/${r.room}`))
      errors.push({ line: r.line, message: `${r.room} 室已在台账中登记` });
  if (errors.length > 0) return { ok: false, errors: errors.sort((a, b) => a.line - b.line) };
  const buildingOf = new Map<string, string>();
  for (const s of await db.stairwell.findMany({
    where: { building: { compoundId } },
    select: { id: true, buildingId: true },
  }))
    buildingOf.set(s.id, s.buildingId);
  await db.$transaction(async (tx) => {
    await tx.household.createMany({
      data: rows.map((r) => ({
        ...rowData(compoundId, buildingOf.get(r.stairwellId) ?? "", r.stairwellId, r),
        createdById: viewer.id,
      })),
    });
    await recordEvent(tx, {
      actorId: viewer.id,
      action: "survey.import",
      entityType: "Compound",
      entityId: compoundId,
      data: { households: rows.length },
    });
  });
  return { ok: true, imported: rows.length };
}

const HOUSEHOLD_SELECT = {
  id: true,
  room: true,
  headName: true,
  phone: true,
  occupancy: true,
  residents: true,
  elderly: true,
  disabled: true,
  needs: true,
  consent: true,
  note: true,
  createdAt: true,
  stairwellId: true,
} as const;

function parseNeeds(json: string): Need[] {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.filter((n): n is Need => typeof n === "string" && n in NEEDS) : [];
  } catch {
    return [];
  }
}

async function registerRows(db: Db, compoundId: string, page?: number) {
  const [rows, total, stairwells] = await Promise.all([
    db.household.findMany({
      where: { compoundId },
      select: HOUSEHOLD_SELECT,
      orderBy: [{ buildingId: "asc" }, { stairwellId: "asc" }, { room: "asc" }],
      ...(page ? { skip: (page - 1) * SURVEY_PAGE_SIZE, take: SURVEY_PAGE_SIZE } : {}),
    }),
    db.household.count({ where: { compoundId } }),
    db.stairwell.findMany({
      where: { building: { compoundId } },
      select: { id: true, name: true, seq: true, building: { select: { name: true, seq: true } } },
    }),
  ]);
  const place = new Map(stairwells.map((s) => [s.id, s]));
  const order = (id: string) => {
    const s = place.get(id);
    return s ? s.building.seq * 1000 + s.seq : 0;
  };
  const mapped = rows
    .map((r) => {
      const s = place.get(r.stairwellId);
      return {
        ...r,
        building: s?.building.name ?? "",
        stairwell: s?.name ?? "",
        needs: parseNeeds(r.needs),
        order: order(r.stairwellId),
      };
    })
    .sort((a, b) => a.order - b.order || a.room.localeCompare(b.room, "zh", { numeric: true }));
  return { rows: mapped, total };
}

/**
 * The 登记台账, one page; names and phones only when `personal` (community and bureau).
 * Sorted within the page by building and 单元 (cuid order is creation order).
 */
export async function surveyRegister(db: Db, compoundId: string, page: number, personal: boolean) {
  const { rows, total } = await registerRows(db, compoundId, page);
  return {
    total,
    page,
    pages: Math.max(1, Math.ceil(total / SURVEY_PAGE_SIZE)),
    rows: rows.map((r) => ({
      id: r.id,
      building: r.building,
      stairwell: r.stairwell,
      room: r.room,
      headName: personal ? r.headName : null,
      phone: personal ? r.phone : null,
      occupancyZh: OCCUPANCY[r.occupancy as Occupancy] ?? r.occupancy,
      residents: r.residents,
      elderly: r.elderly,
      disabled: r.disabled,
      needsZh: r.needs.map((n) => NEEDS[n]),
      consentZh: CONSENT[r.consent as Consent] ?? r.consent,
      note: r.note,
    })),
  };
}

/** The summary that feeds the plan: needs by 单元 and the consent tally. */
export async function compoundSurveySummary(db: Db, compoundId: string) {
  const { rows } = await registerRows(db, compoundId);
  return surveySummary(
    rows.map((r) => ({
      stairwellId: r.stairwellId,
      placeLabel: `${r.building}${r.stairwell}`,
      needs: r.needs,
      consent: r.consent,
      elderly: r.elderly,
      disabled: r.disabled,
    })),
  );
}

/** The whole ledger as Excel in the import's column order (names only when `personal`). */
export async function surveyXlsx(
  db: Db,
  compound: { id: string; name: string },
  personal: boolean,
) {
  const { rows } = await registerRows(db, compound.id);
  type Row = (typeof rows)[number];
  const col = (header: string, width: number, value: (r: Row) => string | number | null) => ({
    header,
    width,
    value,
  });
  return xlsxBuffer({
    sheetName: "登记台账",
    title: `${compound.name} 入户调查登记台账`,
    filterNote: personal ? `共 ${rows.length} 户` : `共 ${rows.length} 户（不含姓名及联系电话）`,
    columns: [
      col("楼栋", 8, (r) => r.building),
      col("单元", 8, (r) => r.stairwell),
      col("房号", 8, (r) => r.room),
      col("户主姓名", 10, (r) => (personal ? r.headName : "")),
      col("联系电话", 14, (r) => (personal ? r.phone : "")),
      col("居住情况", 8, (r) => OCCUPANCY[r.occupancy as Occupancy] ?? r.occupancy),
      col("常住人数", 8, (r) => r.residents),
      col("60岁以上老人", 10, (r) => r.elderly),
      col("残疾人", 8, (r) => r.disabled),
      col("改造需求", 30, (r) => r.needs.map((n) => NEEDS[n]).join("、")),
      col("是否同意改造方案", 12, (r) => CONSENT[r.consent as Consent] ?? r.consent),
      col("备注", 24, (r) => r.note),
    ],
    rows,
  });
}
