/**
 * The register exports a user may ask for (docs/decisions/0038-exports-as-jobs.md): for each, the
 * permission over its rows (besides report.export), its filter, how many rows a filter matches,
 * the builder (the same as the direct download's), the file's name and type, and the direct
 * download's address.
 */
import type { TFunction } from "i18next";
import type { Db } from "~/infra/db.server";
import { z } from "~/infra/zod";
import type { Action, Actor, Scope } from "~/modules/auth/permissions";
import { FilterSchema } from "~/modules/defect/forms";
import { type DefectFilter, defectListWhere } from "~/modules/defect/read.server";
import type { Lng } from "~/modules/i18n/config";
import { type LotFilter, LotFilterSchema, lotRegisterCount } from "~/modules/lot/list.server";
import { XLSX_TYPE } from "./excel.server";
import { defectRegisterPdf, defectRegisterXlsx, lotListXlsx } from "./registers.server";

export const EXPORT_KINDS = ["defects.xlsx", "defects.pdf", "lots.xlsx"] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];
export const isExportKind = (v: unknown): v is ExportKind =>
  (EXPORT_KINDS as readonly unknown[]).includes(v);

type Filter = Record<string, string | undefined>;

export type ExportKindSpec = {
  view: Action;
  schema: z.ZodType<Filter>;
  count: (db: Db, viewer: Actor, scope: Scope, filter: Filter) => Promise<number>;
  build: (db: Db, viewer: Actor, scope: Scope, filter: Filter, lng: Lng) => Promise<Buffer>;
  filename: (t: TFunction) => string;
  contentType: string;
  /** the synchronous download (GET), for exports under the threshold */
  direct: string;
};

const countDefects = (db: Db, viewer: Actor, scope: Scope, filter: Filter) =>
  db.defect.count({ where: defectListWhere(viewer, scope, filter as DefectFilter) });

export const EXPORT_KIND_SPECS: Record<ExportKind, ExportKindSpec> = {
  "defects.xlsx": {
    view: "defect.view",
    schema: FilterSchema,
    count: countDefects,
    build: (db, viewer, scope, filter, lng) =>
      defectRegisterXlsx(db, viewer, scope, filter as DefectFilter, lng),
    filename: (t) => `${t("register.file", { ns: "defect" })}.xlsx`,
    contentType: XLSX_TYPE,
    direct: "/reports/defects.xlsx",
  },
  "defects.pdf": {
    view: "defect.view",
    schema: FilterSchema,
    count: countDefects,
    build: (db, viewer, scope, filter, lng) =>
      defectRegisterPdf(db, viewer, scope, filter as DefectFilter, undefined, lng),
    filename: (t) => `${t("register.file", { ns: "defect" })}.pdf`,
    contentType: "application/pdf",
    direct: "/reports/defects.pdf",
  },
  "lots.xlsx": {
    view: "lot.view",
    schema: LotFilterSchema,
    count: (db, viewer, scope, filter) => lotRegisterCount(db, viewer, scope, filter as LotFilter),
    build: (db, viewer, scope, filter, lng) =>
      lotListXlsx(db, viewer, scope, filter as LotFilter, lng),
    filename: (t) => `${t("lotRegister.title", { ns: "defect" })}.xlsx`,
    contentType: XLSX_TYPE,
    direct: "/reports/lots.xlsx",
  },
};

/** The export form: which register, and the register page's query string (its filter). */
export const ExportRequestSchema = z.object({
  kind: z.enum(EXPORT_KINDS),
  query: z.string().max(2000).default(""),
});

/** The filter of a query string, as the kind's register reads it (unknown fields dropped). */
export function exportFilter(kind: ExportKind, query: string): Filter {
  const parsed = EXPORT_KIND_SPECS[kind].schema.parse(
    Object.fromEntries(new URLSearchParams(query)),
  );
  return Object.fromEntries(Object.entries(parsed).filter(([, v]) => v !== undefined)) as Filter;
}

/** The direct download's address for this filter. */
export function directExportUrl(kind: ExportKind, filter: Filter) {
  const search = new URLSearchParams(filter as Record<string, string>).toString();
  return `${EXPORT_KIND_SPECS[kind].direct}${search ? `?${search}` : ""}`;
}
