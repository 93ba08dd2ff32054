import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { requireSameOrigin } from "~/infra/http.server";
import { publicContext } from "~/modules/auth/require-user.server";
import { destroySession } from "~/modules/auth/session.server";

export async function loader() {
  return redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  requireSameOrigin(request);
  return redirect("/login", {
    headers: { "Set-Cookie": await destroySession(publicContext().db, request) },
  });
}
