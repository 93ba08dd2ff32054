import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { PageHeader } from "~/components/page-header";
import { db } from "~/infra/db.server";
import { env } from "~/infra/env.server";
import { parseForm } from "~/infra/forms";
import { parseMultipart } from "~/infra/multipart.server";
import { UploadError } from "~/infra/upload-error";
import { scopeFor } from "~/modules/auth/permissions";
import { notFound, requireUser } from "~/modules/auth/require-user.server";
import { photoMessages } from "~/modules/photo/errors";
import { photoStorage } from "~/modules/photo/storage.server";
import { ResidentsError, visibleCompound } from "~/modules/residents/access.server";
import { IllegalRegisterSchema, IllegalStepSchema } from "~/modules/residents/forms";
import {
  ILLEGAL_NEXT_ZH,
  ILLEGAL_STATE_LABELS_ZH,
  ILLEGAL_STATES,
  type IllegalState,
} from "~/modules/residents/illegal";
import {
  advanceIllegal,
  attachIllegalPhoto,
  listIllegal,
  registerIllegal,
} from "~/modules/residents/illegal.server";
import { residentPhotos } from "~/modules/residents/photos.server";
import { formatDate } from "~/modules/site/labels";

export const meta: MetaFunction = () => [{ title: "违建拆除" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, scope } = await requireUser(request, "illegal.view");
  const compound = await visibleCompound(db(), user, scope, params.compoundId ?? "");
  if (!compound) notFound("compound");
  const rows = await listIllegal(db(), user, scope, compound.id);
  const withPhotos = await Promise.all(
    rows.map(async (r) => ({ ...r, photos: await residentPhotos(db(), "illegal", r.id) })),
  );
  return { compound, rows: withPhotos, canManage: scopeFor(user.role, "illegal.manage") !== null };
}

type Result = { ok: boolean; message: string };

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, scope } = await requireUser(request, "illegal.manage");
  const compound = await visibleCompound(db(), user, scope, params.compoundId ?? "");
  if (!compound) notFound("compound");
  try {
    if ((request.headers.get("content-type") ?? "").startsWith("multipart/form-data")) {
      const e = env();
      const { fields, files } = await parseMultipart(request, {
        messages: photoMessages,
        fileBytes: e.photoMaxFileBytes,
        requestBytes: e.photoMaxRequestBytes,
        files: 1,
      });
      const photo = files[0];
      if (!photo)
        return data<Result>({ ok: false, message: "请拍摄或选择一张照片" }, { status: 400 });
      if (fields.intent === "photo") {
        await attachIllegalPhoto(db(), photoStorage(), user, scope, fields.id ?? "", photo);
        return { ok: true, message: "照片已上传" } satisfies Result;
      }
      const form = new FormData();
      for (const [k, v] of Object.entries(fields)) form.set(k, v);
      const parsed = parseForm(IllegalRegisterSchema, form);
      if (!parsed.ok)
        return data<Result>(
          { ok: false, message: Object.values(parsed.errors).join("；") },
          { status: 400 },
        );
      const r = await registerIllegal(
        db(),
        photoStorage(),
        user,
        { compoundId: compound.id, ...parsed.data },
        photo,
      );
      return { ok: true, message: `已登记 ${r.number}` } satisfies Result;
    }
    const parsed = parseForm(IllegalStepSchema, await request.formData());
    if (!parsed.ok) return data<Result>({ ok: false, message: "操作无效" }, { status: 400 });
    const s = parsed.data;
    await advanceIllegal(db(), user, scope, s.id, s.to, s.deadline, s.comment ?? null);
    return { ok: true, message: ILLEGAL_NEXT_ZH[s.to] } satisfies Result;
  } catch (err) {
    if (err instanceof ResidentsError || err instanceof UploadError)
      return data<Result>({ ok: false, message: err.message }, { status: err.status });
    throw err;
  }
}

export default function Illegal() {
  const { compound, rows, canManage } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  return (
    <>
      <PageHeader
        title="违建拆除"
        crumbs={[{ to: "/residents", label: "居民工作" }]}
        subtitle={compound.name}
      />
      {result ? (
        <div className={result.ok ? "alert" : "alert alert-error"} role="status">
          {result.message}
        </div>
      ) : null}
      {canManage ? (
        <section className="panel">
          <h2>登记违章建筑</h2>
          <Form method="post" encType="multipart/form-data" className="residents-form">
            <label className="field">
              <span>位置</span>
              <input name="placeLabel" required maxLength={60} placeholder="例如 3栋北侧绿地" />
            </label>
            <label className="field">
              <span>面积（m²，选填）</span>
              <input name="areaM2" type="number" step="0.1" min={0} />
            </label>
            <label className="field wide">
              <span>违建情况</span>
              <textarea name="description" rows={2} required maxLength={500} />
            </label>
            <label className="field wide">
              <span>拆除前照片</span>
              <input type="file" name="photo" accept="image/*" capture="environment" required />
            </label>
            <button type="submit" className="button button-primary" disabled={busy}>
              登记
            </button>
          </Form>
        </section>
      ) : null}
      <ul className="card-list" data-testid="illegal-list">
        {rows.length === 0 ? <li className="empty">暂无登记的违章建筑</li> : null}
        {rows.map((r) => {
          const state = r.status as IllegalState;
          const next = ILLEGAL_STATES[ILLEGAL_STATES.indexOf(state) + 1];
          return (
            <li key={r.id} className="card residents-card">
              <strong>
                {r.number} {r.placeLabel} · {ILLEGAL_STATE_LABELS_ZH[state] ?? r.status}
              </strong>
              <span>
                {r.description}
                {r.areaM2 ? `（约 ${r.areaM2} m²）` : ""}
              </span>
              <span className="muted">
                登记于 {formatDate(r.createdAt)}
                {r.deadlineOn ? ` · 限期 ${formatDate(r.deadlineOn)} 前拆除` : ""}
                {r.lastComment ? ` · ${r.lastComment}` : ""}
              </span>
              <div className="photo-row">
                {[
                  ...r.photos.before.map((p) => ({ ...p, label: "拆除前" })),
                  ...r.photos.after.map((p) => ({ ...p, label: "拆除后" })),
                ].map((p) => (
                  <a key={p.id} href={`/resident-photos/${p.id}/display`} title={p.label}>
                    <img src={`/resident-photos/${p.id}/thumb`} alt={p.label} />
                  </a>
                ))}
              </div>
              {canManage && next && next !== "registered" ? (
                <Form method="post" className="residents-form">
                  <input type="hidden" name="id" value={r.id} />
                  <input type="hidden" name="to" value={next} />
                  {next === "deadline" ? (
                    <label className="field">
                      <span>拆除期限</span>
                      <input type="date" name="deadline" required />
                    </label>
                  ) : null}
                  <label className="field">
                    <span>说明</span>
                    <input name="comment" maxLength={300} />
                  </label>
                  <button type="submit" className="button button-primary" disabled={busy}>
                    {ILLEGAL_NEXT_ZH[next]}
                  </button>
                </Form>
              ) : null}
              {canManage && state !== "demolished" ? (
                <Form method="post" encType="multipart/form-data" className="residents-form">
                  <input type="hidden" name="intent" value="photo" />
                  <input type="hidden" name="id" value={r.id} />
                  <label className="field">
                    <span>{state === "deadline" ? "拆除后照片" : "补充拆除前照片"}</span>
                    <input
                      type="file"
                      name="photo"
                      accept="image/*"
                      capture="environment"
                      required
                    />
                  </label>
                  <button type="submit" className="button" disabled={busy}>
                    上传
                  </button>
                </Form>
              ) : null}
            </li>
          );
        })}
      </ul>
    </>
  );
}
