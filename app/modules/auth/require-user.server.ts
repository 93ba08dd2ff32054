import { data, redirect } from "@remix-run/node";
import { db } from "~/infra/db.server";
import { ACTIONS, type Action, type Scope, scopeFor } from "./permissions";
import { type CurrentUser, getCurrentUser } from "./session.server";

export type Forbidden = { kind: "forbidden"; action: Action; actionLabel: string };

export function forbidden(action: Action): never {
  throw data<Forbidden>(
    { kind: "forbidden", action, actionLabel: ACTIONS[action] },
    { status: 403 },
  );
}

export function notFound(what = "页面"): never {
  throw data({ kind: "not-found", message: `${what}不存在或您无权查看` }, { status: 404 });
}

function signInRedirect(request: Request): never {
  const url = new URL(request.url);
  const back = `${url.pathname}${url.search}`;
  throw redirect(back === "/" ? "/login" : `/login?redirectTo=${encodeURIComponent(back)}`);
}

/**
 * The one gate for every loader and action: signed in, and allowed to do `action`.
 * Returns the scope, which the domain query must apply (own = the user's organization only).
 */
/**
 * The signed-in user, looked up once per request: a page's layout and route loaders run for
 * the same Request and would otherwise each read the session.
 */
const usersByRequest = new WeakMap<Request, Promise<CurrentUser | null>>();
function currentUserOnce(request: Request): Promise<CurrentUser | null> {
  let found = usersByRequest.get(request);
  if (!found) {
    found = getCurrentUser(db(), request);
    usersByRequest.set(request, found);
  }
  return found;
}

export async function requireUser(
  request: Request,
  action: Action,
): Promise<{ user: CurrentUser; scope: Scope }> {
  const user = await currentUserOnce(request);
  if (!user) signInRedirect(request);
  const scope = scopeFor(user.role, action);
  if (scope === null) forbidden(action);
  return { user, scope };
}

export async function optionalUser(request: Request): Promise<CurrentUser | null> {
  return currentUserOnce(request);
}
