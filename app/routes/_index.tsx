import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { db } from "~/infra/db.server";
import { optionalUser } from "~/modules/auth/require-user.server";
import { listProjects } from "~/modules/site/queries.server";

export async function loader({ request }: LoaderFunctionArgs) {
  if (!(await optionalUser(request))) throw redirect("/login");
  const [first, ...rest] = await listProjects(db());
  throw redirect(first && rest.length === 0 ? `/projects/${first.id}` : "/projects");
}
