import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { PageHeader } from "~/components/page-header";
import { db } from "~/infra/db.server";
import { env } from "~/infra/env.server";
import { parseForm } from "~/infra/forms";
import { parseMultipart } from "~/infra/multipart.server";
import { UploadError } from "~/infra/upload-error";
import { notFound, requireUser } from "~/modules/auth/require-user.server";
import {
  DEFECT_ACTION_LABELS_ZH,
  DEFECT_ACTIONS,
  DEFECT_STATE_LABELS_ZH,
  type DefectState,
  decideDefectTransition,
} from "~/modules/defect/workflow";
import { photoMessages } from "~/modules/photo/errors";
import { photoStorage } from "~/modules/photo/storage.server";
import { ResidentsError } from "~/modules/residents/access.server";
import { WarrantyActionSchema } from "~/modules/residents/forms";
import { residentPhotos } from "~/modules/residents/photos.server";
import {
  attachWarrantyPhoto,
  getWarranty,
  transitionWarranty,
  warrantyRoleFor,
} from "~/modules/residents/warranty.server";
import { formatDate } from "~/modules/site/labels";

export const meta: MetaFunction = () => [{ title: "保修问题" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, scope } = await requireUser(request, "warranty.view");
  const w = await getWarranty(db(), user, scope, params.id ?? "");
  if (!w) notFound("warrantyIssue");
  const state = w.status as DefectState;
  const actions = DEFECT_ACTIONS.filter((a) => {
    const { role, own } = warrantyRoleFor(user, w, a);
    return decideDefectTransition({
      state,
      action: a,
      role,
      isOwnContractor: own,
      comment: "-",
      newAfterPhotos: 1,
    }).ok;
  });
  const canUpload = warrantyRoleFor(user, w, "reply").own && state === "in_progress";
  return { w, photos: await residentPhotos(db(), "warranty", w.id), actions, canUpload };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, scope } = await requireUser(request, "warranty.view");
  const id = params.id ?? "";
  try {
    if ((request.headers.get("content-type") ?? "").startsWith("multipart/form-data")) {
      const e = env();
      const { files } = await parseMultipart(request, {
        messages: photoMessages,
        fileBytes: e.photoMaxFileBytes,
        requestBytes: e.photoMaxRequestBytes,
        files: 4,
      });
      if (files.length === 0) return data({ ok: false, message: "请选择照片" }, { status: 400 });
      for (const f of files) await attachWarrantyPhoto(db(), photoStorage(), user, scope, id, f);
      return { ok: true, message: `已上传 ${files.length} 张整改后照片` };
    }
    const parsed = parseForm(WarrantyActionSchema, await request.formData());
    if (!parsed.ok) return data({ ok: false, message: "操作无效" }, { status: 400 });
    await transitionWarranty(
      db(),
      user,
      scope,
      id,
      parsed.data.action,
      parsed.data.comment ?? null,
    );
    return { ok: true, message: `已${DEFECT_ACTION_LABELS_ZH[parsed.data.action]}` };
  } catch (err) {
    if (err instanceof ResidentsError || err instanceof UploadError)
      return data({ ok: false, message: err.message }, { status: err.status });
    throw err;
  }
}

function Photos({ title, ids }: { title: string; ids: { id: string }[] }) {
  return (
    <div>
      <h3>{title}</h3>
      <div className="photo-row">
        {ids.length === 0 ? <span className="muted">无</span> : null}
        {ids.map((p) => (
          <a key={p.id} href={`/resident-photos/${p.id}/display`}>
            <img src={`/resident-photos/${p.id}/thumb`} alt={title} />
          </a>
        ))}
      </div>
    </div>
  );
}

export default function WarrantyDetail() {
  const { w, photos, actions, canUpload } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  return (
    <>
      <PageHeader
        title={`${w.number} ${w.title}`}
        crumbs={[
          { to: `/residents/${w.compound.id}/warranty`, label: `${w.compound.name} 保修报修` },
        ]}
        subtitle={`${w.placeLabel} · ${DEFECT_STATE_LABELS_ZH[w.status as DefectState] ?? w.status}`}
      />
      {result ? (
        <div className={result.ok ? "alert" : "alert alert-error"} role="status">
          {result.message}
        </div>
      ) : null}
      <section className="panel" data-testid="warranty-detail">
        <p>
          <strong>
            {w.route === "contractor" ? "保修期内质量问题（施工单位保修）" : "由物业/社区维修"}
          </strong>
        </p>
        <p>
          工程类别：{w.workType?.nameZh ?? "未指明"}；保修期至：
          {w.warrantyEndsOn ? formatDate(w.warrantyEndsOn) : "—"}
          {w.contractorName ? `；施工单位：${w.contractorName}` : ""}
        </p>
        {w.description ? <p>{w.description}</p> : null}
        {w.lastComment ? <p className="muted">最近说明：{w.lastComment}</p> : null}
        <p className="muted">报修时间：{formatDate(w.createdAt)}</p>
      </section>
      <section className="panel">
        <Photos title="报修照片" ids={photos.before} />
        <Photos title="整改后照片" ids={photos.after} />
        {canUpload ? (
          <Form method="post" encType="multipart/form-data" className="residents-form">
            <label className="field">
              <span>上传整改后照片</span>
              <input type="file" name="photo" accept="image/*" capture="environment" required />
            </label>
            <button type="submit" className="button" disabled={busy}>
              上传
            </button>
          </Form>
        ) : null}
      </section>
      {actions.length > 0 ? (
        <section className="panel">
          <Form method="post" className="residents-form">
            <label className="field wide">
              <span>说明（提交整改回复、退回时必填）</span>
              <textarea name="comment" rows={2} maxLength={500} />
            </label>
            {actions.map((a) => (
              <button
                key={a}
                type="submit"
                name="action"
                value={a}
                className="button button-primary"
                disabled={busy}
              >
                {DEFECT_ACTION_LABELS_ZH[a]}
              </button>
            ))}
          </Form>
        </section>
      ) : null}
      <p>
        <Link to={`/residents/${w.compound.id}/warranty`}>返回列表</Link>
      </p>
    </>
  );
}
