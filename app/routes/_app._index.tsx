import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { HomeCompounds, HomeDefectList, HomeLotList, HomeProgress } from "~/components/home-lists";
import { PlacePicker } from "~/components/place-picker";
import { db } from "~/infra/db.server";
import { scopeFor } from "~/modules/auth/permissions";
import { requireUser } from "~/modules/auth/require-user.server";
import { compoundsOf, homeFor } from "~/modules/home/home.server";
import { recentPlaces, searchPlaces } from "~/modules/home/places.server";

export const meta: MetaFunction = () => [{ title: "我的工作 · 验收" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requireUser(request, "account.view");
  const q = (new URL(request.url).searchParams.get("q") ?? "").trim().slice(0, 40);
  const picker = scopeFor(user.role, "lot.create") !== null;
  return {
    user: { displayName: user.displayName },
    home: await homeFor(db(), user),
    compounds: await compoundsOf(db(), user),
    picker: picker
      ? {
          q,
          hits: q ? await searchPlaces(db(), user, q) : [],
          recent: await recentPlaces(db(), user),
        }
      : null,
  };
}

export default function Home() {
  const { home, picker, user, compounds } = useLoaderData<typeof loader>();
  return (
    <div className="home">
      <h1 className="home-title">{user.displayName}，今天的工作</h1>
      {home.kind === "contractor" ? (
        <>
          <HomeDefectList
            title="我的整改（按期限）"
            testId="home-my-defects"
            list={home.defects}
            empty="没有待整改的质量问题。"
            more="/defects?status=open"
            nextStepZh="整改后拍照回复，等监理复查"
          />
          <HomeLotList
            title="监理退回的检验批"
            testId="home-returned"
            list={home.returned}
            empty="没有被退回的检验批。"
            nextStepZh="按退回原因修改后重新提交施工自检"
          />
        </>
      ) : null}
      {home.kind === "supervisor" && picker ? <PlacePicker {...picker} /> : null}
      {home.kind === "supervisor" ? (
        <>
          <HomeLotList
            title="待复验的检验批"
            testId="home-reinspect"
            list={home.reinspect}
            empty="没有退回后重新提交的检验批。"
            nextStepZh="复验后验收签认或再次退回"
          />
          <HomeLotList
            title="待验收的检验批"
            testId="home-submitted"
            list={home.submitted}
            empty="没有等待验收的检验批。"
            nextStepZh="检查后验收签认或退回"
          />
          <HomeDefectList
            title="待复查的质量问题"
            testId="home-review"
            list={home.review}
            empty="没有等待复查的整改回复。"
            more="/defects?status=submitted"
            nextStepZh="复查后关闭或退回"
          />
        </>
      ) : null}
      {home.kind !== "supervisor" && picker ? <PlacePicker {...picker} /> : null}
      {home.kind !== "overview" ? (
        <HomeLotList
          title={home.kind === "supervisor" ? "我新建的草稿" : "本单位的草稿"}
          testId="home-drafts"
          list={home.drafts}
          empty="没有草稿。"
          nextStepZh={
            home.kind === "supervisor"
              ? "填写完成后由施工单位提交施工自检"
              : "填写完成、资料齐全后提交施工自检"
          }
        />
      ) : null}
      {home.kind === "overview" ? (
        <>
          <HomeProgress progress={home.progress} showDefects={home.showDefects} />
          {home.showDefects ? (
            <HomeDefectList
              title="已逾期的质量问题"
              testId="home-overdue"
              list={home.overdue}
              empty="没有逾期的质量问题。"
              more="/defects"
              nextStepZh="施工单位须尽快整改"
            />
          ) : null}
          <HomeLotList
            title="被退回的检验批"
            testId="home-returned"
            list={home.returned}
            empty="没有被退回的检验批。"
            nextStepZh="等施工单位修改后重新提交"
          />
        </>
      ) : null}
      {home.kind !== "overview" ? <HomeCompounds compounds={compounds} /> : null}
    </div>
  );
}
