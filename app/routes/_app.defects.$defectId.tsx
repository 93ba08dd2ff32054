import type {
  ActionFunctionArgs,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { HistoryPhotos } from "~/components/defect/history-photos";
import { DefectPhotos } from "~/components/defect-photos";
import { usePhotoViewer } from "~/components/lot-photos";
import { PageHeader } from "~/components/page-header";
import { PinCrop } from "~/components/pin-crop";
import { db } from "~/infra/db.server";
import { isDomainError } from "~/infra/domain-error";
import { env } from "~/infra/env.server";
import { parseForm } from "~/infra/forms";
import { requestT } from "~/modules/auth/language.server";
import { scopeFor } from "~/modules/auth/permissions";
import { notFound, requireSignedIn, requireUser } from "~/modules/auth/require-user.server";
import {
  defectHistory,
  getDefect,
  isOwnContractor,
  transitionDefect,
  unrepliedAfterPhotos,
} from "~/modules/defect/defects.server";
import { TransitionSchema } from "~/modules/defect/forms";
import {
  allowedDefectActions,
  DEFECT_ACTION_LABELS_ZH,
  DEFECT_STATE_LABELS_ZH,
  type DefectState,
  dueOnIso,
  isDefectState,
  isOverdue,
  isSeverity,
  SEVERITY_LABELS_ZH,
} from "~/modules/defect/workflow";
import { pinOfDefect } from "~/modules/drawing/pins.server";
import { withAnnotationVersions } from "~/modules/photo/annotation.server";
import { defectPhotoRefusal, defectPhotos } from "~/modules/photo/defect-photos.server";
import type { PhotoView } from "~/modules/photo/view";
import { formatDateTime } from "~/modules/site/labels";
import drawingStyles from "~/styles/drawings.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: drawingStyles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `质量问题 ${data?.defect.number ?? ""} · 验收` },
];

const EVENT_LABELS: Record<string, string> = {
  "defect.create": "监理登记质量问题",
  "defect.acknowledge": "施工单位确认整改",
  "defect.reply": "施工单位提交整改回复",
  "defect.return": "监理复查退回",
  "defect.close": "监理复查通过，关闭",
};

const LAST_COMMENT_ZH: Record<DefectState, string> = {
  open: "说明",
  in_progress: "监理退回原因",
  submitted: "整改回复",
  closed: "复查意见",
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, scope } = await requireUser(request, "defect.view");
  const defect = await getDefect(db(), params.defectId ?? "", user, scope);
  if (!defect) notFound("defect");
  const status = isDefectState(defect.status) ? defect.status : "open";
  const own = isOwnContractor(user, defect);
  const actions = allowedDefectActions(status, user.role, own).filter((a) =>
    a === "close" || a === "return"
      ? scopeFor(user.role, "defect.review") !== null
      : scopeFor(user.role, "defect.rectify") !== null,
  );
  const photos = await defectPhotos(db(), defect.id);
  // Whoever may add a side's photos now may also mark them up (标注); the original stays as is.
  const may = (action: "defect.create" | "defect.rectify", role: "before" | "after") =>
    scopeFor(user.role, action) !== null && defectPhotoRefusal(user, defect, role) === null;
  return {
    photos: {
      before: {
        photos: await withAnnotationVersions(db(), photos.before),
        canUpload: may("defect.create", "before"),
      },
      after: {
        photos: await withAnnotationVersions(db(), photos.after),
        canUpload: may("defect.rectify", "after"),
      },
      maxFileBytes: env().photoMaxFileBytes,
      unreplied: actions.includes("reply")
        ? (await unrepliedAfterPhotos(db(), defect.id)).length
        : 0,
    },
    defect: {
      id: defect.id,
      number: defect.number,
      title: defect.title,
      description: defect.description,
      severityZh: isSeverity(defect.severity) ? SEVERITY_LABELS_ZH[defect.severity] : "",
      severity: defect.severity,
      status,
      dueOn: dueOnIso(defect.dueOn),
      overdue: isOverdue(defect.dueOn, status, new Date()),
      placeLabel: defect.placeLabel,
      lastComment: defect.lastComment,
      compound: defect.compound,
      lot: defect.lot,
      item: defect.item,
      workType: defect.workType?.nameZh ?? null,
      contractor: defect.contractor.name,
      createdBy: defect.createdBy.displayName,
      createdAt: defect.createdAt,
    },
    actions,
    history: await defectHistory(db(), defect.id),
    pin: await pinOfDefect(db(), defect.id),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  await requireSignedIn(request); // before the body: the intent inside picks the permission
  const form = await request.formData();
  const parsed = parseForm(TransitionSchema, form);
  if (!parsed.ok)
    return data(
      { ok: false, message: Object.values(parsed.errors)[0] ?? "未知操作" },
      { status: 400 },
    );
  const { intent, comment } = parsed.data;
  const { user, scope } = await requireUser(
    request,
    intent === "close" || intent === "return" ? "defect.review" : "defect.rectify",
  );
  try {
    const next = await transitionDefect(db(), user, scope, params.defectId ?? "", intent, comment);
    return { ok: true, message: `已更新为：${DEFECT_STATE_LABELS_ZH[next]}` };
  } catch (error) {
    if (isDomainError(error)) {
      if (error.status === 404) notFound("defect");
      return data(
        { ok: false, message: error.text(await requestT(request)) },
        { status: error.status },
      );
    }
    throw error;
  }
}

export default function DefectPage() {
  const { defect, actions, history, photos, pin } = useLoaderData<typeof loader>();
  const markable = new Set(
    [photos.before, photos.after].flatMap((side) =>
      side.canUpload ? side.photos.map((p) => p.id) : [],
    ),
  );
  const { openViewer, viewer } = usePhotoViewer({ canMarkup: (id) => markable.has(id) });
  const bySha = new Map<string, PhotoView>(
    [...photos.before.photos, ...photos.after.photos].map((p) => [p.sha256, p]),
  );
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const needsComment = actions.includes("reply") || actions.includes("return");
  return (
    <>
      <PageHeader
        title={defect.title}
        crumbs={[
          { to: "/defects", label: "质量问题" },
          { to: `/compounds/${defect.compound.id}`, label: defect.compound.name },
        ]}
        subtitle={`质量问题 ${defect.number} · ${defect.contractor}`}
        actions={
          <span
            className={`badge defect-status defect-${defect.status}`}
            data-testid="defect-status"
          >
            {DEFECT_STATE_LABELS_ZH[defect.status]}
          </span>
        }
      />
      {result?.message ? (
        <p
          className={result.ok ? "alert" : "alert alert-error"}
          role={result.ok ? "status" : "alert"}
        >
          {result.message}
        </p>
      ) : null}
      <section className="panel">
        <dl className="defect-facts">
          <dt>部位</dt>
          <dd>{defect.placeLabel}</dd>
          {defect.workType ? (
            <>
              <dt>工程类别</dt>
              <dd>{defect.workType}</dd>
            </>
          ) : null}
          {defect.lot ? (
            <>
              <dt>检验批</dt>
              <dd>
                <Link to={`/lots/${defect.lot.id}`}>{defect.lot.number}</Link>
                {defect.item ? ` · ${defect.item.code}` : ""}
              </dd>
            </>
          ) : null}
          <dt>严重程度</dt>
          <dd>{defect.severityZh}</dd>
          <dt>整改期限</dt>
          <dd className={defect.overdue ? "overdue" : undefined} data-testid="due">
            {defect.dueOn}
            {defect.overdue ? "（已逾期）" : ""}
          </dd>
          <dt>登记</dt>
          <dd>
            {defect.createdBy} · {formatDateTime(defect.createdAt)}
          </dd>
        </dl>
        {pin ? (
          <div className="defect-pin">
            <h3>图纸位置</h3>
            <Link to={`/drawings/${pin.revision.id}`} aria-label="在图纸上查看">
              <PinCrop
                pin={{
                  revisionId: pin.revision.id,
                  x: pin.x,
                  y: pin.y,
                  previewWidth: pin.revision.previewWidth,
                  previewHeight: pin.revision.previewHeight,
                }}
                status={defect.status}
              />
            </Link>
            <p>
              <Link to={`/drawings/${pin.revision.id}`}>
                {pin.revision.sheet.number} {pin.revision.sheet.title}（{pin.revision.revision}版）
              </Link>
              {pin.revision.status === "superseded" ? (
                <span className="badge revision-superseded">该版次已作废，图钉仍在原版次上</span>
              ) : null}
            </p>
          </div>
        ) : null}
        {defect.description ? <p className="defect-description">{defect.description}</p> : null}
        {defect.lastComment && defect.status !== "open" ? (
          <p className={defect.status === "in_progress" ? "alert alert-error" : "alert"}>
            {LAST_COMMENT_ZH[defect.status]}：{defect.lastComment}
          </p>
        ) : null}
      </section>

      <DefectPhotos
        defectId={defect.id}
        before={photos.before}
        after={photos.after}
        maxFileBytes={photos.maxFileBytes}
        onOpen={openViewer}
      />

      {actions.length > 0 ? (
        <section className="panel workflow">
          <h2>整改</h2>
          {actions.includes("reply") ? (
            <p className={photos.unreplied > 0 ? "muted" : "alert"} data-testid="reply-photos">
              {photos.unreplied > 0
                ? `本次回复将附 ${photos.unreplied} 张整改后照片`
                : "请先在“整改后”一栏上传整改后照片，再提交整改回复"}
            </p>
          ) : null}
          <Form method="post" className="workflow-form">
            {needsComment ? (
              <textarea
                name="comment"
                rows={3}
                aria-label={actions.includes("reply") ? "整改情况说明" : "说明或退回原因"}
                placeholder={
                  actions.includes("reply")
                    ? "整改情况说明（必填）"
                    : "退回原因（退回时必填），关闭时可填写复查意见"
                }
              />
            ) : null}
            <div className="workflow-buttons">
              {actions.map((a) => (
                <button
                  key={a}
                  type="submit"
                  name="intent"
                  value={a}
                  className={a === "return" ? "button" : "button button-primary"}
                  disabled={busy}
                >
                  {DEFECT_ACTION_LABELS_ZH[a]}
                </button>
              ))}
            </div>
          </Form>
        </section>
      ) : null}

      <section className="panel">
        <h2>处理记录</h2>
        <ol className="history" data-testid="defect-history">
          {history.map((h) => (
            <li key={h.seq}>
              <span className="muted">{formatDateTime(h.at)}</span>{" "}
              {h.actor ? `${h.actor.name}（${h.actor.org}）` : "系统"}：
              {EVENT_LABELS[h.action] ?? h.action}
              {h.comment ? `——${h.comment}` : ""}
              <HistoryPhotos
                photos={h.photos.flatMap((sha) => bySha.get(sha) ?? [])}
                onOpen={openViewer}
              />
            </li>
          ))}
        </ol>
      </section>
      {viewer}
    </>
  );
}
