import ExcelJS from "exceljs";
import type { Db } from "~/infra/db.server";
import type { Role } from "~/modules/auth/permissions";
import { residentsTFor } from "~/modules/residents/i18n.server";
import { surveyColumns } from "~/modules/residents/survey";

/** A survey workbook as a community worker would fill it: header row, then one row per household. */
export async function surveyWorkbook(
  rows: (string | number)[][],
  lng: "zh-CN" | "en" = "zh-CN",
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("入户调查表");
  ws.addRow(surveyColumns(residentsTFor(lng).t));
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function demoUser(db: Db, username: string) {
  const u = await db.user.findUniqueOrThrow({
    where: { username },
    select: { id: true, role: true, organizationId: true },
  });
  return { ...u, role: u.role as Role };
}

export async function compoundByCode(db: Db, code: string) {
  return db.compound.findUniqueOrThrow({
    where: { code },
    select: { id: true, code: true, name: true },
  });
}
