import type { TFunction } from "i18next";
import type { Db } from "~/infra/db.server";
import { isDomainError, refusalResponse } from "~/infra/domain-error";
import { parseQuery } from "~/infra/forms";
import { parseSubmission } from "~/infra/submission.server";
import type { z } from "~/infra/zod";
import type { Lng } from "~/modules/i18n/config";
import { fixedT } from "~/modules/i18n/i18n.server";
import { EXPORT_KIND_SPECS, ExportRequestSchema } from "~/modules/report/export-kinds.server";
import { requestLanguage } from "./language.server";
import { type Action, type Scope, scopeFor } from "./permissions";
import { forbidden, requireUser } from "./require-user.server";
import type { CurrentUser } from "./session.server";

/**
 * The loaders of the filtered registers (lots, defects) and of their exports: authorise, parse
 * the filter from the query string, then build the page or the file in the reader's language.
 */

type ExportContext<F> = {
  db: Db;
  user: CurrentUser;
  scope: Scope;
  filter: F;
  lng: Lng;
  t: TFunction;
};

/** A list page: the filter, the page after the `after` cursor, and the page title. */
export async function listPageData<S extends z.ZodType, P extends object>(
  request: Request,
  action: Action,
  schema: S,
  page: (db: Db, user: CurrentUser, scope: Scope, filter: z.infer<S>, after?: string) => Promise<P>,
  title: (t: TFunction) => string,
) {
  const { user, scope, db } = await requireUser(request, action);
  const filter = parseQuery(schema, request);
  const after = new URL(request.url).searchParams.get("after") ?? undefined;
  const t = fixedT(await requestLanguage(request));
  return { ...(await page(db, user, scope, filter, after)), title: title(t) };
}

/** The scope of a register export: report.export (the gate's) and `view` over its rows. */
function exportScope(user: CurrentUser, view: Action): Scope {
  return scopeFor(user.role, view) ?? forbidden(view);
}

/**
 * Asking for a register export (the register pages' export buttons, a POST): the same gate as
 * the direct download (report.export and `view` over the rows), the permission checked before
 * the body is read; the body names the register and carries the page's query string.
 */
export async function registerExportRequest(request: Request) {
  const { user, db } = await requireUser(request, "report.export");
  const lng = await requestLanguage(request);
  const t = fixedT(lng);
  const submission = parseSubmission(await request.formData(), ExportRequestSchema, t);
  if (submission.status !== "success")
    throw Response.json(
      { kind: "bad-request", message: t("exports.errors.unknownKind", { ns: "defect" }) },
      { status: 400 },
    );
  const { kind, query } = submission.value;
  const scope = exportScope(user, EXPORT_KIND_SPECS[kind].view);
  return { db, user, scope, kind, query, lng };
}

/**
 * A register file: needs report.export and `view` over the rows; a refusal of the builder
 * answers as a refusal (4xx with its message), not a 500.
 */
export async function registerExport<S extends z.ZodType>(
  request: Request,
  view: Action,
  schema: S,
  build: (c: ExportContext<z.infer<S>>) => Promise<Response>,
) {
  const { user, db } = await requireUser(request, "report.export");
  const scope = exportScope(user, view);
  const filter = parseQuery(schema, request);
  const lng = await requestLanguage(request);
  const t = fixedT(lng);
  try {
    return await build({ db, user, scope, filter, lng, t });
  } catch (error) {
    if (isDomainError(error)) return refusalResponse(error, t);
    throw error;
  }
}
