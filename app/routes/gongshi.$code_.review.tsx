import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { db } from "~/infra/db.server";
import { parseForm } from "~/infra/forms";
import { clientAddress } from "~/infra/http.server";
import { notFound } from "~/modules/auth/require-user.server";
import { ResidentsError } from "~/modules/residents/access.server";
import { publicResidents } from "~/modules/residents/public.server";
import { OPINION_MAX, PublicReviewSchema, REVIEW_TOPICS } from "~/modules/residents/review-rules";
import { submitPublicReview } from "~/modules/residents/reviews.server";

export const meta: MetaFunction = () => [{ title: "居民评议" }];

const TopicQuery = z.object({ topic: z.enum(["plan", "work"]).catch("plan") });

/** Public, no sign-in: a household gives its opinion with the code the community handed out. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const code = (params.code ?? "").toUpperCase();
  const residents = await publicResidents(db(), code);
  if (!residents) notFound("compound");
  const { topic } = TopicQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  const open = topic === "plan" ? residents.plan !== null : residents.passed;
  return { code, topic, open };
}

type Result =
  | { ok: true; message: string }
  | { ok: false; message: string; errors?: Record<string, string> };

export async function action({ request, params, context }: ActionFunctionArgs) {
  const code = (params.code ?? "").toUpperCase();
  if (Number(request.headers.get("content-length") ?? "0") > 16 * 1024)
    return data<Result>({ ok: false, message: "提交的内容过长" }, { status: 413 });
  const parsed = parseForm(PublicReviewSchema, await request.formData());
  if (!parsed.ok)
    return data<Result>(
      { ok: false, message: "请检查填写的内容", errors: parsed.errors },
      { status: 400 },
    );
  // A robot filled the hidden field: answer as if accepted, store nothing.
  if (parsed.data.website) return { ok: true, message: "已收到您的意见，谢谢！" } satisfies Result;
  try {
    await submitPublicReview(db(), code, clientAddress(context), parsed.data);
  } catch (e) {
    if (e instanceof ResidentsError)
      return data<Result>({ ok: false, message: e.message }, { status: e.status });
    throw e;
  }
  return { ok: true, message: "已收到您的意见，社区审核后公开，谢谢！" } satisfies Result;
}

export default function PublicReview() {
  const { code, topic, open } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const err = (name: string) =>
    result && !result.ok && result.errors?.[name] ? (
      <span className="field-error">{result.errors[name]}</span>
    ) : null;
  return (
    <main className="public-notice">
      <h1>{REVIEW_TOPICS[topic]}</h1>
      <p className="muted">
        每户一次，凭社区发放的评议码提交。请勿填写姓名、电话等个人信息；意见经社区审核后公开。
      </p>
      {result ? (
        <div
          className={result.ok ? "alert" : "alert alert-error"}
          role="status"
          data-testid="review-result"
        >
          {result.message}
        </div>
      ) : null}
      {!open ? (
        <p className="panel">
          {topic === "plan" ? "改造方案尚未公示，暂不能评议。" : "工程尚未竣工验收，暂不能评价。"}
        </p>
      ) : result?.ok ? null : (
        <Form method="post" className="panel public-form">
          <input type="hidden" name="topic" value={topic} />
          <label className="field">
            <span>评议码</span>
            <input
              name="code"
              required
              maxLength={20}
              autoComplete="off"
              autoCapitalize="characters"
              placeholder="例如 ABCDE-FGHJK"
            />
            {err("code")}
          </label>
          {topic === "plan" ? (
            <fieldset className="field">
              <legend>对改造方案的意见</legend>
              <div className="residents-checks">
                <label>
                  <input type="radio" name="rating" value="1" required /> 同意
                </label>
                <label>
                  <input type="radio" name="rating" value="0" /> 不同意
                </label>
              </div>
              {err("rating")}
            </fieldset>
          ) : (
            <label className="field">
              <span>满意度</span>
              <select name="rating" required defaultValue="">
                <option value="" disabled>
                  请选择
                </option>
                <option value="5">很满意（5 分）</option>
                <option value="4">满意（4 分）</option>
                <option value="3">一般（3 分）</option>
                <option value="2">不满意（2 分）</option>
                <option value="1">很不满意（1 分）</option>
              </select>
              {err("rating")}
            </label>
          )}
          <label className="field">
            <span>意见和建议（选填，{OPINION_MAX} 字以内）</span>
            <textarea name="opinion" rows={4} maxLength={OPINION_MAX} />
            {err("opinion")}
          </label>
          <div className="hp-field" aria-hidden="true">
            <label>
              网址（请勿填写）
              <input name="website" tabIndex={-1} autoComplete="off" />
            </label>
          </div>
          <button type="submit" className="button button-primary" disabled={busy}>
            提交
          </button>
        </Form>
      )}
      <p>
        <Link to={`/gongshi/${code}`}>返回小区公示</Link>
      </p>
    </main>
  );
}
