import { redirect } from "@remix-run/node";
import { type Db, db } from "~/infra/db.server";
import { requireSameOrigin } from "~/infra/http.server";
import type { Resources } from "~/locales/resources";
import { DEFAULT_LNG, type Lng } from "~/modules/i18n/config";
import { fixedT, resolveLanguage } from "~/modules/i18n/i18n.server";
import { type Action, type Scope, scopeFor } from "./permissions";
import { type CurrentUser, getCurrentUser } from "./session.server";

export type Forbidden = { kind: "forbidden"; action: Action; actionLabel: string; message: string };

/**
 * 403 for an action the user's role may not do. Thrown as a real Response, so a resource route
 * (photo, drawing, report, upload) answers with this status and JSON message too. The page names
 * the action in `lng`, the reader's language when the gate (requireUser) refuses: the error page
 * shows `actionLabel`, JSON readers `message`.
 */
export function forbidden(action: Action, lng: Lng = DEFAULT_LNG): never {
  const t = fixedT(lng);
  const actionLabel = t(`actions.${action}`, { ns: "auth" });
  throw Response.json(
    {
      kind: "forbidden",
      action,
      actionLabel,
      message: t("forbidden", { ns: "auth", action: actionLabel }),
    } satisfies Forbidden,
    { status: 403 },
  );
}

export type Thing = keyof Resources["common"]["things"];

/**
 * 404 for a missing row or one the user may not see (never 403: a guessed id learns nothing).
 * The page names the thing in the reader's language; JSON readers get the Chinese message too.
 */
export function notFound(what: Thing = "page"): never {
  const t = fixedT(DEFAULT_LNG);
  throw Response.json(
    { kind: "not-found", what, message: t("error.notFound", { what: t(`things.${what}`) }) },
    { status: 404 },
  );
}

function signInRedirect(request: Request): never {
  const url = new URL(request.url);
  const back = `${url.pathname}${url.search}`;
  throw redirect(back === "/" ? "/login" : `/login?redirectTo=${encodeURIComponent(back)}`);
}

/**
 * The signed-in user, looked up once per request. Remix hands each loader of a page (root,
 * layout, route: run at once) its own copy of the Request, so besides the Request itself the
 * lookup is shared by cookie while it is in flight: the loaders of one page read the session
 * once. A lookup that has settled is never reused by a later request.
 */
const usersByRequest = new WeakMap<Request, Promise<CurrentUser | null>>();
const lookupsInFlight = new Map<string, Promise<CurrentUser | null>>();
function currentUserOnce(request: Request): Promise<CurrentUser | null> {
  let found = usersByRequest.get(request);
  if (found) return found;
  const cookie = request.headers.get("cookie") ?? "";
  found = lookupsInFlight.get(cookie);
  if (!found) {
    const lookup = getCurrentUser(db(), request);
    found = lookup;
    lookupsInFlight.set(cookie, lookup);
    const done = () => {
      if (lookupsInFlight.get(cookie) === lookup) lookupsInFlight.delete(cookie);
    };
    lookup.then(done, done);
  }
  usersByRequest.set(request, found);
  return found;
}

/**
 * The one gate for every loader and action: signed in, and allowed to do `action`.
 * Returns the scope, which the domain query must apply (own = the user's organization only).
 */
export async function requireUser(
  request: Request,
  action: Action,
): Promise<{ user: CurrentUser; scope: Scope; db: Db }> {
  const user = await requireSignedIn(request);
  const scope = scopeFor(user.role, action);
  if (scope === null) forbidden(action, await resolveLanguage(request, user));
  // Routes get the database handle from the gate and pass it to modules; they never import it.
  return { user, scope, db: db() };
}

/** requireSignedIn with the database handle, for actions whose permission the body names. */
export async function requireSignedInContext(
  request: Request,
): Promise<{ user: CurrentUser; db: Db }> {
  return { user: await requireSignedIn(request), db: db() };
}

/** The database handle for requests nobody signs in for (sign-in, public 公示 pages). */
export function publicContext(): { db: Db } {
  return { db: db() };
}

/**
 * Signed in, whatever the role, and (for POST/PUT/PATCH/DELETE) a request from this site. For
 * actions whose permission depends on a form field: call this before reading the body, then
 * requireUser with the action the body names.
 */
export async function requireSignedIn(request: Request): Promise<CurrentUser> {
  requireSameOrigin(request);
  const user = await currentUserOnce(request);
  if (!user) signInRedirect(request);
  return user;
}

export async function optionalUser(request: Request): Promise<CurrentUser | null> {
  return currentUserOnce(request);
}
