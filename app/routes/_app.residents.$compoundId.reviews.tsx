import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { PageHeader } from "~/components/page-header";
import { ReviewCodeSheet } from "~/components/review-code-sheet";
import { db } from "~/infra/db.server";
import { parseForm } from "~/infra/forms";
import { scopeFor } from "~/modules/auth/permissions";
import { notFound, requireUser } from "~/modules/auth/require-user.server";
import { dueOnIso } from "~/modules/defect/workflow";
import { ResidentsError, visibleCompound } from "~/modules/residents/access.server";
import { ModerateSchema, PlanSchema } from "~/modules/residents/forms";
import {
  getPlan,
  issueHouseholdCodes,
  moderateReview,
  reviewSummary,
  reviewsForModeration,
  savePlan,
} from "~/modules/residents/reviews.server";
import { formatDate } from "~/modules/site/labels";

export const meta: MetaFunction = () => [{ title: "公示与评议" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, scope } = await requireUser(request, "review.view");
  const compound = await visibleCompound(db(), user, scope, params.compoundId ?? "");
  if (!compound) notFound("compound");
  const [plan, summary, reviews] = await Promise.all([
    getPlan(db(), compound.id),
    reviewSummary(db(), compound.id),
    reviewsForModeration(db(), compound.id),
  ]);
  const canManage = scopeFor(user.role, "review.manage") !== null;
  return { compound, plan, summary, reviews, canManage };
}

type Result =
  | { ok: true; message: string; codes?: { place: string; room: string; code: string }[] }
  | { ok: false; message: string; errors?: Record<string, string> };

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, scope } = await requireUser(request, "review.manage");
  const compound = await visibleCompound(db(), user, scope, params.compoundId ?? "");
  if (!compound) notFound("compound");
  const form = await request.formData();
  const intent = form.get("intent");
  try {
    if (intent === "plan") {
      const parsed = parseForm(PlanSchema, form);
      if (!parsed.ok)
        return data<Result>(
          { ok: false, message: "请检查填写的内容", errors: parsed.errors },
          { status: 400 },
        );
      const p = parsed.data;
      await savePlan(db(), user, compound.id, {
        worksText: p.worksText,
        budgetYuan: Math.round(p.budgetWan * 10_000),
        startsOn: p.startsOn,
        endsOn: p.endsOn,
        publish: p.publish === "on",
      });
      return {
        ok: true,
        message: p.publish ? "改造方案已公示" : "改造方案已保存（未公示）",
      } satisfies Result;
    }
    if (intent === "codes") {
      const codes = await issueHouseholdCodes(db(), user, compound.id);
      return {
        ok: true,
        message: codes.length
          ? `已生成 ${codes.length} 个评议码，请立即打印：离开本页后无法再次查看`
          : "所有已登记住户都已有评议码",
        codes,
      } satisfies Result;
    }
    const parsed = parseForm(ModerateSchema, form);
    if (!parsed.ok) return data<Result>({ ok: false, message: "操作无效" }, { status: 400 });
    await moderateReview(db(), user, compound.id, parsed.data.reviewId, parsed.data.to);
    return {
      ok: true,
      message: parsed.data.to === "published" ? "已公开" : "已隐藏",
    } satisfies Result;
  } catch (e) {
    if (e instanceof ResidentsError)
      return data<Result>({ ok: false, message: e.message }, { status: e.status });
    throw e;
  }
}

const STATUS_ZH: Record<string, string> = {
  pending: "待审核",
  published: "已公开",
  hidden: "已隐藏",
};

export default function Reviews() {
  const { compound, plan, summary, reviews, canManage } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result && !result.ok ? (result.errors ?? {}) : {};
  if (result?.ok && result.codes?.length)
    return <ReviewCodeSheet compound={compound} codes={result.codes} message={result.message} />;
  return (
    <>
      <PageHeader
        title="公示与评议"
        crumbs={[{ to: "/residents", label: "居民工作" }]}
        subtitle={compound.name}
        actions={
          <a className="button" href={`/gongshi/${compound.code}`}>
            查看公示页
          </a>
        }
      />
      {result ? (
        <div className={result.ok ? "alert" : "alert alert-error"} role="status">
          {result.message}
        </div>
      ) : null}
      <section className="panel" data-testid="review-summary">
        <h2>评议汇总</h2>
        <p>
          已发放评议码 {summary.codes} 户。方案评议 {summary.plan.total} 户，同意{" "}
          {summary.plan.agree} 户。 完工满意度 {summary.work.total} 户
          {summary.work.average !== null
            ? `，平均 ${summary.work.average} 分，满意 ${summary.work.satisfied} 户`
            : ""}
          。
        </p>
        {summary.work.byBuilding.map((b) => (
          <p key={b.building} className="muted">
            {b.building}：{b.count} 户，平均 {b.average} 分
          </p>
        ))}
      </section>
      {canManage ? (
        <section className="panel">
          <h2>
            改造方案
            {plan?.publishedAt ? `（已于 ${formatDate(plan.publishedAt)} 公示）` : "（未公示）"}
          </h2>
          <Form method="post" className="residents-form">
            <input type="hidden" name="intent" value="plan" />
            <label className="field wide">
              <span>改造内容（每行一项）</span>
              <textarea name="worksText" rows={5} defaultValue={plan?.worksText ?? ""} required />
              {errors.worksText ? <span className="field-error">{errors.worksText}</span> : null}
            </label>
            <label className="field">
              <span>投资估算（万元）</span>
              <input
                name="budgetWan"
                type="number"
                step="0.01"
                min={0}
                defaultValue={plan ? plan.budgetYuan / 10_000 : ""}
                required
              />
              {errors.budgetWan ? <span className="field-error">{errors.budgetWan}</span> : null}
            </label>
            <label className="field">
              <span>计划开工</span>
              <input
                name="startsOn"
                type="date"
                defaultValue={plan ? dueOnIso(new Date(plan.startsOn)) : ""}
                required
              />
            </label>
            <label className="field">
              <span>计划完工</span>
              <input
                name="endsOn"
                type="date"
                defaultValue={plan ? dueOnIso(new Date(plan.endsOn)) : ""}
                required
              />
            </label>
            <label className="residents-checks">
              <label>
                <input type="checkbox" name="publish" defaultChecked={Boolean(plan?.publishedAt)} />{" "}
                在公示页公开
              </label>
            </label>
            <button type="submit" className="button button-primary">
              保存
            </button>
          </Form>
        </section>
      ) : null}
      {canManage ? (
        <section className="panel">
          <h2>评议码</h2>
          <p className="muted">
            为已登记但还没有评议码的住户生成评议码（随机、只保存其摘要），打印后由社区逐户发放。
          </p>
          <Form method="post">
            <input type="hidden" name="intent" value="codes" />
            <button type="submit" className="button">
              生成评议码并打印
            </button>
          </Form>
        </section>
      ) : null}
      <section className="panel">
        <h2>居民意见（{reviews.length}）</h2>
        <ul className="public-opinions" data-testid="moderation">
          {reviews.map((r) => (
            <li key={r.id}>
              <span className="muted">
                {r.topic === "plan" ? "方案评议" : "满意度"} · {r.building} · {r.ratingZh} ·{" "}
                {formatDate(r.createdAt)} · {STATUS_ZH[r.status] ?? r.status}
              </span>
              <p>{r.opinion || "（无文字意见）"}</p>
              {canManage ? (
                <Form method="post" className="residents-links">
                  <input type="hidden" name="intent" value="moderate" />
                  <input type="hidden" name="reviewId" value={r.id} />
                  {r.status !== "published" ? (
                    <button type="submit" name="to" value="published" className="button">
                      公开
                    </button>
                  ) : null}
                  {r.status !== "hidden" ? (
                    <button type="submit" name="to" value="hidden" className="button">
                      隐藏
                    </button>
                  ) : null}
                </Form>
              ) : null}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
