import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { db } from "~/infra/db.server";
import { requireSameOrigin } from "~/infra/http.server";
import { destroySession } from "~/modules/auth/session.server";

export async function loader() {
  return redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  requireSameOrigin(request);
  return redirect("/login", { headers: { "Set-Cookie": await destroySession(db(), request) } });
}
