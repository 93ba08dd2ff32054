import type { Db } from "~/infra/db.server";
import { requestTranslators } from "~/modules/auth/language.server";
import type { Scope } from "~/modules/auth/permissions";
import { notFound, requireUser } from "~/modules/auth/require-user.server";
import type { CurrentUser } from "~/modules/auth/session.server";

/**
 * The loader of a place page (building, stairwell, outdoor area): authorise, build the view
 * model, 404 when the place is not the viewer's to see, and add the page title.
 */
export async function placePageData<P extends object>(
  request: Request,
  kind: "building" | "stairwell" | "zone",
  id: string | undefined,
  page: (db: Db, user: CurrentUser, scope: Scope, id: string) => Promise<P | null>,
) {
  const { user, scope, db } = await requireUser(request, "compound.view");
  const found = await page(db, user, scope, id ?? "");
  if (!found) notFound(kind);
  const { t } = await requestTranslators(request, "site");
  return { title: t(`${kind}.title`), ...found };
}
