import type {
  ActionFunctionArgs,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node";
import type { ClientActionFunctionArgs, ShouldRevalidateFunction } from "@remix-run/react";
import { useActionData, useLoaderData } from "@remix-run/react";
import { LotPage } from "~/components/lot/lot-page";
import { env } from "~/infra/env.server";
import { requestT } from "~/modules/auth/language.server";
import { notFound, requireUser } from "~/modules/auth/require-user.server";
import { lotPage } from "~/modules/lot/page.server";
import { lotPageAction } from "~/modules/lot/page-actions.server";
import { answeredOffline } from "~/modules/offline/revalidate";
import drawingStyles from "~/styles/drawings.css?url";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";

export const handle = {
  i18n: ["lot", "checklist", "photo", "drawing", "nonconformance", "concealed"],
};

export const links: LinksFunction = () => [{ rel: "stylesheet", href: drawingStyles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

/** An autosaved entry changes nothing the page does not already show; an offline post, nothing. */
export const shouldRevalidate: ShouldRevalidateFunction = ({
  formData,
  actionResult,
  defaultShouldRevalidate,
}) =>
  formData?.get("intent") === "entry" || answeredOffline(actionResult)
    ? false
    : defaultShouldRevalidate;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, scope, db } = await requireUser(request, "lot.view");
  const page = await lotPage(db, user, scope, params.lotId ?? "", env().photoMaxFileBytes);
  if (!page) notFound("lot");
  const t = await requestT(request);
  return { ...page, title: t("page.title", { ns: "lot", number: page.lot.number }) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  return lotPageAction(request, params.lotId ?? "", await requestT(request));
}

/**
 * Offline, a 退回 / 撤销验收 is queued and any other post says it was not saved (issue 17). Its
 * code loads on the first post (precached by the service worker), not with the page.
 */
export async function clientAction({ request, params, serverAction }: ClientActionFunctionArgs) {
  // Its code not to be had (offline before the service worker kept it): the post goes as before.
  const post = await import("~/modules/lot/offline-post.client").catch(() => null);
  if (!post) return serverAction<typeof action>();
  return post.lotPagePost(request, params.lotId ?? "", serverAction<typeof action>);
}

export default function LotRoute() {
  return (
    <LotPage data={useLoaderData<typeof loader>()} result={useActionData<typeof clientAction>()} />
  );
}
