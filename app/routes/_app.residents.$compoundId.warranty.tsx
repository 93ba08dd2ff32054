import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { PageHeader } from "~/components/page-header";
import { db } from "~/infra/db.server";
import { env } from "~/infra/env.server";
import { parseForm } from "~/infra/forms";
import { parseMultipart } from "~/infra/multipart.server";
import { UploadError } from "~/infra/upload-error";
import { scopeFor } from "~/modules/auth/permissions";
import { notFound, requireUser } from "~/modules/auth/require-user.server";
import { DEFECT_STATE_LABELS_ZH, type DefectState } from "~/modules/defect/workflow";
import { photoMessages } from "~/modules/photo/errors";
import { photoStorage } from "~/modules/photo/storage.server";
import { ResidentsError, visibleCompound } from "~/modules/residents/access.server";
import { WarrantyReportSchema } from "~/modules/residents/forms";
import {
  listWarranty,
  passedAcceptance,
  reportWarranty,
  warrantyFormOptions,
} from "~/modules/residents/warranty.server";
import { formatDate } from "~/modules/site/labels";

export const meta: MetaFunction = () => [{ title: "保修报修" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, scope } = await requireUser(request, "warranty.view");
  const compound = await visibleCompound(db(), user, scope, params.compoundId ?? "");
  if (!compound) notFound("compound");
  const [rows, accepted, options] = await Promise.all([
    listWarranty(db(), user, scope, compound.id),
    passedAcceptance(db(), compound.id),
    warrantyFormOptions(db(), compound.id),
  ]);
  const canReport = scopeFor(user.role, "warranty.report") !== null && Boolean(accepted);
  return { compound, rows, acceptedAt: accepted?.closedAt ?? null, options, canReport };
}

type Result = { ok: false; message: string; errors?: Record<string, string> };

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, scope } = await requireUser(request, "warranty.report");
  const compound = await visibleCompound(db(), user, scope, params.compoundId ?? "");
  if (!compound) notFound("compound");
  const e = env();
  try {
    const { fields, files } = await parseMultipart(request, {
      messages: photoMessages,
      fileBytes: e.photoMaxFileBytes,
      requestBytes: e.photoMaxRequestBytes,
      files: 1,
    });
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.set(k, v);
    const parsed = parseForm(WarrantyReportSchema, form);
    if (!parsed.ok)
      return data<Result>(
        { ok: false, message: "请检查填写的内容", errors: parsed.errors },
        { status: 400 },
      );
    const photo = files[0];
    if (!photo)
      return data<Result>({ ok: false, message: "请拍摄或选择一张照片" }, { status: 400 });
    const report = await reportWarranty(
      db(),
      photoStorage(),
      user,
      { compoundId: compound.id, ...parsed.data },
      photo,
    );
    throw redirect(`/warranty/${report.id}`);
  } catch (err) {
    if (err instanceof ResidentsError || err instanceof UploadError)
      return data<Result>({ ok: false, message: err.message }, { status: err.status });
    throw err;
  }
}

export default function WarrantyList() {
  const { compound, rows, acceptedAt, options, canReport } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  return (
    <>
      <PageHeader
        title="保修报修"
        crumbs={[{ to: "/residents", label: "居民工作" }]}
        subtitle={`${compound.name}：${acceptedAt ? `${formatDate(acceptedAt)} 竣工验收合格，长效管理中` : "尚未竣工验收"}`}
      />
      {result ? (
        <div className="alert alert-error" role="alert">
          {result.message}
        </div>
      ) : null}
      {canReport ? (
        <section className="panel">
          <h2>报告问题</h2>
          <Form method="post" encType="multipart/form-data" className="residents-form">
            <label className="field">
              <span>问题</span>
              <input name="title" required maxLength={60} placeholder="例如 声控灯不亮" />
              {result?.errors?.title ? (
                <span className="field-error">{result.errors.title}</span>
              ) : null}
            </label>
            <label className="field">
              <span>楼栋</span>
              <select name="buildingId">
                <option value="">（室外）</option>
                {options.buildings.map((b) => (
                  <option key={b.id} value={b.id}>
                    {b.name}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              <span>部位</span>
              <input name="placeLabel" maxLength={60} placeholder="例如 2单元 3 楼" />
            </label>
            <label className="field">
              <span>属于哪项改造</span>
              <select name="workTypeCode">
                <option value="">不清楚</option>
                {options.workTypes.map((w) => (
                  <option key={w.code} value={w.code}>
                    {w.nameZh}
                  </option>
                ))}
              </select>
            </label>
            <label className="field wide">
              <span>说明</span>
              <textarea name="description" rows={2} maxLength={500} />
            </label>
            <label className="field wide">
              <span>照片</span>
              <input type="file" name="photo" accept="image/*" capture="environment" required />
            </label>
            <button type="submit" className="button button-primary" disabled={busy}>
              {busy ? "正在上传…" : "提交报修"}
            </button>
          </Form>
        </section>
      ) : null}
      <ul className="card-list" data-testid="warranty-list">
        {rows.length === 0 ? <li className="empty">暂无报修</li> : null}
        {rows.map((w) => (
          <li key={w.id}>
            <Link className="card card-link" to={`/warranty/${w.id}`}>
              <strong>
                {w.number} {w.title}
              </strong>
              <span className="muted">
                {w.placeLabel} · {w.route === "contractor" ? "施工单位保修" : "物业/社区维修"} ·{" "}
                {DEFECT_STATE_LABELS_ZH[w.status as DefectState] ?? w.status} ·{" "}
                {formatDate(w.createdAt)}
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
