import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { PageHeader } from "~/components/page-header";
import { SurveyHouseholdForm } from "~/components/survey-household-form";
import { db } from "~/infra/db.server";
import { parseForm } from "~/infra/forms";
import { scopeFor } from "~/modules/auth/permissions";
import { notFound, requireUser } from "~/modules/auth/require-user.server";
import { ResidentsError, visibleCompound } from "~/modules/residents/access.server";
import { AddHouseholdSchema, PageSchema } from "~/modules/residents/forms";
import type { RowError } from "~/modules/residents/survey";
import {
  addHousehold,
  compoundSurveySummary,
  importSurvey,
  MAX_SURVEY_FILE_BYTES,
  surveyPlaces,
  surveyRegister,
} from "~/modules/residents/survey.server";

export const meta: MetaFunction = () => [{ title: "调查摸底 · 登记台账" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, scope } = await requireUser(request, "survey.view");
  const compound = await visibleCompound(db(), user, scope, params.compoundId ?? "");
  if (!compound) notFound("compound");
  const { page } = PageSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const personal = scopeFor(user.role, "survey.personal") !== null;
  const canEdit = scopeFor(user.role, "survey.edit") !== null;
  const [register, summary, places] = await Promise.all([
    surveyRegister(db(), compound.id, page, personal),
    compoundSurveySummary(db(), compound.id),
    canEdit ? surveyPlaces(db(), compound.id) : [],
  ]);
  return { compound, register, summary, places, personal, canEdit };
}

type ActionResult =
  | { ok: true; message: string }
  | { ok: false; message?: string; errors?: Record<string, string>; rowErrors?: RowError[] };

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, scope } = await requireUser(request, "survey.edit");
  const compound = await visibleCompound(db(), user, scope, params.compoundId ?? "");
  if (!compound) notFound("compound");
  const length = Number(request.headers.get("content-length") ?? "0");
  if (length > MAX_SURVEY_FILE_BYTES + 64 * 1024)
    return data<ActionResult>({ ok: false, message: "文件不能超过 5 MB" }, { status: 413 });
  const form = await request.formData();
  try {
    if (form.get("intent") === "import") {
      const file = form.get("file");
      if (!(file instanceof File) || file.size === 0)
        return data<ActionResult>({ ok: false, message: "请选择 Excel 文件" }, { status: 400 });
      const result = await importSurvey(
        db(),
        user,
        compound.id,
        Buffer.from(await file.arrayBuffer()),
      );
      if (!result.ok)
        return data<ActionResult>(
          {
            ok: false,
            message: `有 ${result.errors.length} 行有误，未导入任何住户；请改正后重新导入`,
            rowErrors: result.errors,
          },
          { status: 422 },
        );
      return { ok: true, message: `已导入 ${result.imported} 户` } satisfies ActionResult;
    }
    const parsed = parseForm(AddHouseholdSchema, form, { arrays: ["needs"] });
    if (!parsed.ok)
      return data<ActionResult>({ ok: false, errors: parsed.errors }, { status: 400 });
    const { stairwellId, ...fields } = parsed.data;
    await addHousehold(db(), user, compound.id, stairwellId, fields);
    return { ok: true, message: `已登记 ${fields.room} 室` } satisfies ActionResult;
  } catch (e) {
    if (e instanceof ResidentsError)
      return data<ActionResult>({ ok: false, message: e.message }, { status: e.status });
    throw e;
  }
}

export default function Survey() {
  const { compound, register, summary, places, personal, canEdit } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const base = `/residents/${compound.id}/survey`;
  return (
    <>
      <PageHeader
        title="调查摸底 · 登记台账"
        crumbs={[{ to: "/residents", label: "居民工作" }]}
        subtitle={`${compound.name}：已登记 ${register.total} 户（全小区 ${compound.households} 户）`}
        actions={
          <a className="button" href={`/reports/residents/${compound.id}/survey.xlsx`}>
            导出 Excel
          </a>
        }
      />
      {result ? (
        <div className={result.ok ? "alert" : "alert alert-error"} role="status">
          {result.message ?? "请检查填写的内容"}
          {!result.ok && result.rowErrors ? (
            <ul className="row-errors" data-testid="row-errors">
              {result.rowErrors.map((e) => (
                <li key={`${e.line}-${e.message}`}>
                  {e.line > 0 ? `第 ${e.line} 行：` : ""}
                  {e.message}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      <section className="panel">
        <h2>汇总（供改造方案）</h2>
        <p>
          已调查 {summary.households} 户：同意改造方案 {summary.consent.agree} 户，不同意{" "}
          {summary.consent.disagree} 户，未表态 {summary.consent.undecided} 户；60岁以上老人{" "}
          {summary.elderly} 人，残疾人 {summary.disabled} 人。
        </p>
        <ul data-testid="needs-summary">
          {summary.needs.map((n) => (
            <li key={n.code}>
              <strong>{n.labelZh}</strong>：{n.households} 户（
              {n.places.map((p) => `${p.place} ${p.households} 户`).join("、")}）
            </li>
          ))}
        </ul>
      </section>
      {canEdit ? (
        <section className="panel">
          <h2>从 Excel 导入</h2>
          <p className="muted">
            列：楼栋、单元、房号、户主姓名、联系电话、居住情况、常住人数、60岁以上老人、残疾人、改造需求（用“、”分隔）、是否同意改造方案、备注。
            导出的台账可直接作为模板。任一行有误时不导入任何住户。
          </p>
          <Form method="post" encType="multipart/form-data" className="residents-form">
            <input type="hidden" name="intent" value="import" />
            <label className="field">
              <span>调查表文件（.xlsx）</span>
              <input type="file" name="file" accept=".xlsx" required />
            </label>
            <button type="submit" className="button button-primary" disabled={busy}>
              导入
            </button>
          </Form>
        </section>
      ) : null}
      {canEdit ? (
        <SurveyHouseholdForm
          places={places}
          errors={result && !result.ok ? (result.errors ?? {}) : {}}
          busy={busy}
        />
      ) : null}
      <section className="panel">
        <h2>登记台账</h2>
        {!personal ? <p className="muted">姓名及联系电话仅社区和住建局可见。</p> : null}
        <div className="table-wrap">
          <table className="table" data-testid="survey-register">
            <thead>
              <tr>
                <th>楼栋单元</th>
                <th>房号</th>
                {personal ? <th>户主</th> : null}
                {personal ? <th>电话</th> : null}
                <th>居住</th>
                <th>人数/老人/残疾</th>
                <th>改造需求</th>
                <th>意见</th>
              </tr>
            </thead>
            <tbody>
              {register.rows.map((r) => (
                <tr key={r.id}>
                  <td>
                    {r.building}
                    {r.stairwell}
                  </td>
                  <td>{r.room}</td>
                  {personal ? <td>{r.headName}</td> : null}
                  {personal ? <td>{r.phone ?? "—"}</td> : null}
                  <td>{r.occupancyZh}</td>
                  <td>
                    {r.residents}/{r.elderly}/{r.disabled}
                  </td>
                  <td>{r.needsZh.join("、") || "—"}</td>
                  <td>{r.consentZh}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <nav className="pager" aria-label="分页">
          {register.page > 1 ? (
            <Link className="button" to={`${base}?page=${register.page - 1}`}>
              上一页
            </Link>
          ) : null}
          <span>
            第 {register.page} / {register.pages} 页
          </span>
          {register.page < register.pages ? (
            <Link className="button" to={`${base}?page=${register.page + 1}`}>
              下一页
            </Link>
          ) : null}
        </nav>
      </section>
    </>
  );
}
