import type { Db } from "~/infra/db.server";
import type { Action, Scope } from "~/modules/auth/permissions";
import { notFound, requireUser, type Thing } from "~/modules/auth/require-user.server";
import type { CurrentUser } from "~/modules/auth/session.server";
import type { ResidentsT } from "./i18n";
import { residentsT } from "./i18n.server";

type Gate = { user: CurrentUser; scope: Scope; db: Db };

/**
 * The loader of a residents page: authorise, load its view model (null: 404 naming `missing`),
 * add the page title in the reader's language.
 */
export async function residentsPageLoader<P extends object>(
  request: Request,
  action: Action,
  missing: Thing,
  title: (t: ResidentsT) => string,
  load: (gate: Gate) => Promise<P | null>,
): Promise<P & { title: string }> {
  const gate = await requireUser(request, action);
  const page = await load(gate);
  if (!page) notFound(missing);
  const { t } = await residentsT(request);
  return { ...page, title: title(t) };
}
