import type { Db } from "~/infra/db.server";
import { type Scope, scopeFor } from "~/modules/auth/permissions";
import type { CurrentUser } from "~/modules/auth/session.server";
import { listWorkTypes } from "~/modules/checklist/queries.server";
import { isoDay } from "~/modules/i18n/dates";
import { drawingRegister } from "./drawings.server";
import { DEFAULT_NUMBER_PREFIX } from "./labels";
import { nextFreeStart } from "./plan";

/**
 * The drawing register page of a compound: its sheets filtered by work type and discipline (the
 * choices are what the register holds), and, for an uploader, what the upload form offers.
 * Null when the compound does not exist or the viewer may not see it.
 */
export async function drawingRegisterPage(
  db: Db,
  user: CurrentUser,
  scope: Scope,
  compoundId: string,
  search: URLSearchParams,
) {
  const register = await drawingRegister(db, user, scope, compoundId);
  if (!register) return null;
  const canUpload = scopeFor(user.role, "drawing.upload") !== null;
  const workTypes = canUpload
    ? (await listWorkTypes(db)).map((w) => ({ id: w.id, nameZh: w.nameZh, nameEn: w.nameEn }))
    : [];
  const workType = search.get("workType") || null;
  const discipline = search.get("discipline") || null;
  const sheets = register.sheets.filter(
    (s) =>
      (!workType || s.workType?.code === workType) && (!discipline || s.discipline === discipline),
  );
  const filters = {
    workType,
    discipline,
    workTypes: [
      ...new Map(
        register.sheets.flatMap((s) => (s.workType ? [[s.workType.code, s.workType]] : [])),
      ).values(),
    ],
    disciplines: [...new Set(register.sheets.map((s) => s.discipline))],
    total: register.sheets.length,
  };
  // The default numbers continue after the register's 电施- sheets, never onto an existing one.
  const defaultStart = nextFreeStart(
    register.sheets.map((s) => s.number),
    DEFAULT_NUMBER_PREFIX,
  );
  return {
    ...register,
    sheets,
    filters,
    canUpload,
    workTypes,
    defaultStart,
    today: isoDay(new Date()),
  };
}
