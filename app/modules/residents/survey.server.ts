import { Prisma } from "~/generated/prisma/client";
import type { Db } from "~/infra/db.server";
import { DomainError } from "~/infra/domain-error";
import { recordEvent } from "~/modules/audit/record.server";
import type { Actor } from "~/modules/auth/permissions";
import { LANGUAGES } from "~/modules/i18n/config";
import type { ResidentsT } from "./i18n";
import { residentsTFor } from "./i18n.server";
import {
  type HouseholdFields,
  NEED_CODES,
  type Need,
  type PlaceIndex,
  parseSurveyRows,
  type RowError,
  surveySummary,
} from "./survey";
import { readSurveyWorkbook } from "./survey-sheet.server";

/** An import is read in any UI language: headers and labels of either catalogue. */
export const READERS = LANGUAGES.map((lng) => residentsTFor(lng).t);

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
  if (!stairwell)
    throw new DomainError("residents:errors.chooseOwnStairwell", {
      status: 400,
      field: "stairwellId",
    });
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
    if (duplicate(e))
      throw new DomainError("residents:errors.householdTaken", {
        status: 409,
        params: { room: h.room },
        field: "room",
      });
    throw e;
  }
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
  t: ResidentsT,
): Promise<{ ok: true; imported: number } | { ok: false; errors: RowError[] }> {
  if (bytes.length > MAX_SURVEY_FILE_BYTES)
    throw new DomainError("residents:errors.fileTooLarge", { status: 413, field: "file" });
  const raw = await readSurveyWorkbook(bytes, READERS);
  const places = await placeIndex(db, compoundId);
  const { rows, errors } = parseSurveyRows(raw, places, t, READERS);
  const existing = await db.household.findMany({
    where: { compoundId },
    select: { stairwellId: true, room: true },
  });
  const taken = new Set(existing.map((h) => `${h.stairwellId}/${h.room}`));
  for (const r of rows)
    if (taken.has(`${r.stairwellId}/${r.room}`))
      errors.push({ line: r.line, message: t("survey.rows.taken", { room: r.room }) });
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
    return Array.isArray(v)
      ? v.filter((n): n is Need => (NEED_CODES as readonly unknown[]).includes(n))
      : [];
  } catch {
    return [];
  }
}

export async function registerRows(db: Db, compoundId: string, page?: number) {
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
      occupancy: r.occupancy,
      residents: r.residents,
      elderly: r.elderly,
      disabled: r.disabled,
      needs: r.needs,
      consent: r.consent,
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
