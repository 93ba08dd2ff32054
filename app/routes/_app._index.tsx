import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { HomeCompounds, HomeDefectList, HomeLotList, HomeProgress } from "~/components/home-lists";
import { PlacePicker } from "~/components/place-picker";
import { Worded } from "~/components/worded";
import { requestTranslators } from "~/modules/auth/language.server";
import { requireUser } from "~/modules/auth/require-user.server";
import { homePage } from "~/modules/home/home.server";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";

// The place picker speaks "lot", the lists' work-type names come from checklist data.
export const handle = { i18n: ["site", "lot", "checklist"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, db } = await requireUser(request, "account.view");
  const { t } = await requestTranslators(request, "site");
  const q = new URL(request.url).searchParams.get("q") ?? "";
  return {
    title: t("home.title"),
    user: { displayName: user.displayName },
    ...(await homePage(db, user, q)),
  };
}

export default function Home() {
  const { home, picker, user, compounds } = useLoaderData<typeof loader>();
  const { t } = useTranslation("site");
  const list = (key: keyof typeof LISTS) => ({
    title: t(`home.lists.${key}.title`),
    empty: t(`home.lists.${key}.empty`),
    nextStep: t(`home.lists.${key}.next`),
    testId: LISTS[key],
  });
  return (
    <div className="home">
      <h1 className="home-title">
        <Worded ns="site" k="home.heading" values={{ name: user.displayName }} />
      </h1>
      {home.kind === "contractor" ? (
        <>
          <HomeDefectList {...list("myDefects")} list={home.defects} more="/defects?status=open" />
          <HomeLotList {...list("returned")} list={home.returned} />
        </>
      ) : null}
      {home.kind === "supervisor" && picker ? <PlacePicker {...picker} /> : null}
      {home.kind === "supervisor" ? (
        <>
          <HomeLotList {...list("reinspect")} list={home.reinspect} />
          <HomeLotList {...list("submitted")} list={home.submitted} />
          <HomeDefectList {...list("review")} list={home.review} more="/defects?status=submitted" />
        </>
      ) : null}
      {home.kind !== "supervisor" && picker ? <PlacePicker {...picker} /> : null}
      {home.kind !== "overview" ? (
        <HomeLotList
          {...list(home.kind === "supervisor" ? "myDrafts" : "orgDrafts")}
          list={home.drafts}
        />
      ) : null}
      {home.kind === "overview" ? (
        <>
          <HomeProgress progress={home.progress} showDefects={home.showDefects} />
          {home.showDefects ? (
            <HomeDefectList {...list("overdue")} list={home.overdue} more="/defects" />
          ) : null}
          <HomeLotList {...list("rejected")} list={home.returned} />
        </>
      ) : null}
      {home.kind !== "overview" ? <HomeCompounds compounds={compounds} /> : null}
    </div>
  );
}

/** Each home list's words (site:home.lists.<key>) and its test id. */
const LISTS = {
  myDefects: "home-my-defects",
  returned: "home-returned",
  reinspect: "home-reinspect",
  submitted: "home-submitted",
  review: "home-review",
  myDrafts: "home-drafts",
  orgDrafts: "home-drafts",
  overdue: "home-overdue",
  rejected: "home-returned",
} as const;
