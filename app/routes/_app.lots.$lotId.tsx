import type {
  ActionFunctionArgs,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node";
import { data } from "@remix-run/node";
import type { ShouldRevalidateFunction } from "@remix-run/react";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect, useMemo, useState } from "react";
import { LotDrawings } from "~/components/lot-drawings";
import {
  type ItemPhotos,
  LotItemCard,
  type LotItemView,
  useEntryAutosave,
} from "~/components/lot-item-card";
import { LotJump } from "~/components/lot-jump";
import { LotPhotosSection, usePhotoViewer } from "~/components/lot-photos";
import { LotPlaceForm } from "~/components/lot-place-form";
import { LotSignForm } from "~/components/lot-sign-form";
import { NeedsNetwork, useOnline } from "~/components/needs-network";
import { PageHeader } from "~/components/page-header";
import { db } from "~/infra/db.server";
import { env } from "~/infra/env.server";
import { parseForm } from "~/infra/forms";
import { parseSignatureDataUrl } from "~/modules/acceptance/signature-image.server";
import { scopeFor } from "~/modules/auth/permissions";
import { notFound, requireSignedIn, requireUser } from "~/modules/auth/require-user.server";
import {
  DEFECT_STATE_LABELS_ZH,
  dueOnIso,
  isDefectState,
  isOverdue,
} from "~/modules/defect/workflow";
import { LotDrawingSchema } from "~/modules/drawing/forms";
import {
  acknowledgeLotDrawingRef,
  addLotDrawingRef,
  lotDrawingRefs,
  referenceableRevisions,
  removeLotDrawingRef,
} from "~/modules/drawing/lot-refs.server";
import { livePoints, type RecordedPoint } from "~/modules/lot/corrections";
import type { EntryInput } from "~/modules/lot/entry-types";
import {
  EntrySchema,
  LotSignSchema,
  PlaceDataSchema,
  RecordsSchema,
  TransitionSchema,
} from "~/modules/lot/forms";
import { saveItemForm } from "~/modules/lot/item-form.server";
import {
  getLot,
  LotError,
  normalizedPoint,
  numericOf,
  openDefectsMessageZh,
  saveEntry,
  saveLotPlaceData,
  saveLotRecords,
  signatureStatus,
  transitionLot,
} from "~/modules/lot/lots.server";
import { lotNextStepZh } from "~/modules/lot/next-step";
import { placeDataFromForm, placeFieldsFor } from "~/modules/lot/place";
import { lotHistory } from "~/modules/lot/queries.server";
import { RECORD_DIVISIONS } from "~/modules/lot/record-division";
import { DEFAULT_CONCLUSION_ZH, signLot } from "~/modules/lot/sign.server";
import { setLotSubItem } from "~/modules/lot/subitem.server";
import {
  computeLotVerdict,
  type LotItemInput,
  type LotQuantities,
  type LotRules,
  type PlaceAttributes,
} from "~/modules/lot/verdict";
import { verdictTextZh } from "~/modules/lot/verdict-text";
import { allowedLotActions, isLotState, LOT_STATE_LABELS_ZH } from "~/modules/lot/workflow";
import { usePendingEntries } from "~/modules/offline/hooks";
import { withAnnotationVersions } from "~/modules/photo/annotation.server";
import { lotPhotos } from "~/modules/photo/photos.server";
import type { PhotoView } from "~/modules/photo/view";
import { formatDateTime } from "~/modules/site/labels";
import drawingStyles from "~/styles/drawings.css?url";
export const links: LinksFunction = () => [{ rel: "stylesheet", href: drawingStyles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `检验批 ${data?.lot.number ?? ""} · 验收` },
];

const ACTION_LABELS: Record<string, string> = {
  "lot.create": "新建检验批",
  "lot.records.save": "更新资料完整情况",
  "lot.submit": "提交施工自检",
  "lot.accept": "监理验收签认",
  "lot.reject": "监理退回",
  "lot.reopen": "撤销验收（重新打开）",
  "lot.drawing.add": "添加依据图纸",
  "lot.drawing.remove": "移除依据图纸",
  "lot.drawing.acknowledge": "监理确认图纸版次变更",
  "lot.point.correct": "更正实测值",
};

/** An autosaved entry changes nothing the page does not already show. */
export const shouldRevalidate: ShouldRevalidateFunction = ({
  formData,
  defaultShouldRevalidate,
}) => (formData?.get("intent") === "entry" ? false : defaultShouldRevalidate);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, scope } = await requireUser(request, "lot.view");
  const detail = await getLot(db(), params.lotId ?? "", user, scope);
  if (!detail) notFound("lot");
  const { lot, items, verdict, rules, standards } = detail;
  const state = isLotState(lot.status) ? lot.status : "draft";
  const isOwnContractor = user.organizationId === lot.contractorOrgId;
  const actions = allowedLotActions(state, user.role, isOwnContractor);
  const canRecord = actions.includes("save") && scopeFor(user.role, "lot.record") !== null;
  const canUpload = actions.includes("save") && scopeFor(user.role, "photo.upload") !== null;
  const itemViews: LotItemView[] = lot.template.items.map((item, i) => ({
    id: item.id,
    code: item.code,
    kind: item.kind === "main" ? "main" : "general",
    seq: items[i]?.seq ?? i + 1,
    textZh: item.textZh,
    tolerance: item.tolerance,
    samplePlan: item.samplePlan,
    source: item.source,
    numeric: numericOf(item),
    numericFields: item,
    numericCondition: item.numericCondition,
    requiredSamples: detail.verdict.items.find((v) => v.itemId === item.id)?.requiredPoints || null,
    spec: items[i]?.spec ?? null,
  }));
  // Independent reads, at once; photos and drawing references only when the record has any,
  // and the signed hash comes with the history (one read of the lot's events).
  const [photos, history, defects, refs, options] = await Promise.all([
    lot.photos.length > 0
      ? lotPhotos(db(), lot.id).then((list) => withAnnotationVersions(db(), list))
      : [],
    lotHistory(db(), lot.id),
    lotDefects(user, scope, lot.id),
    lot.drawingRefs.length > 0 ? lotDrawingRefs(db(), lot.id) : [],
    canRecord ? referenceableRevisions(db(), lot.id, lot.compound.id) : [],
  ]);
  const signature = await signatureStatus(db(), detail, history.signedHash);
  return {
    lot: {
      id: lot.id,
      number: lot.number,
      status: state,
      placeLabel: lot.placeLabel,
      capacity: lot.capacity,
      capacityUnit: lot.capacityUnit,
      recordsComplete: lot.recordsComplete,
      selfCheckNote: lot.selfCheckNote,
      lastReason: lot.lastReason,
      compound: lot.compound,
      workType: { code: lot.workType.code, nameZh: lot.workType.nameZh },
      templateVersion: lot.template.version,
      contractor: lot.contractor.name,
      submittedBy: lot.submittedBy,
      submittedAt: lot.submittedAt,
      acceptedBy: lot.acceptedBy,
      acceptedAt: lot.acceptedAt,
    },
    standards,
    rules,
    itemViews,
    verdictInputs: items,
    place: detail.place,
    placeFields: placeFieldsFor(
      items.map((i) => i.spec),
      detail.place,
      lot,
    ),
    notes: Object.fromEntries(lot.entries.map((e) => [e.itemId, e.note])),
    // Every recorded point, corrected and withdrawn ones included (the verdict inputs hold live ones).
    recordedPoints: Object.fromEntries(
      lot.entries.map((e) => [e.itemId, e.points.map((p) => normalizedPoint(p))]),
    ),
    serverVerdict: verdict,
    subItem: {
      value: lot.subItem,
      choices: RECORD_DIVISIONS[lot.workType.code]?.subItems.map((x) => x.name) ?? [],
    },
    signDefaults: {
      submit: lot.selfCheckNote?.trim() || DEFAULT_CONCLUSION_ZH.selfcheck,
      accept: DEFAULT_CONCLUSION_ZH.accept,
      signerTitle: user.role === "supervisor" ? "专业监理工程师" : "项目专业质量检查员",
    },
    actions: actions.filter((a) => a !== "save"),
    canRecord,
    canUpload,
    viewerIsContractor: isOwnContractor,
    photoMaxFileBytes: env().photoMaxFileBytes,
    photos,
    history: [...history],
    signature,
    defects,
    drawings: {
      refs,
      options,
      canEdit: canRecord,
      canAcknowledge: user.role === "supervisor" && state !== "accepted",
    },
    failingItems:
      scopeFor(user.role, "defect.create") !== null
        ? verdict.items
            .filter((v) => v.status === "fail")
            .map((v) => {
              const item = lot.template.items.find((i) => i.id === v.itemId);
              return { id: v.itemId, code: item?.code ?? "", textZh: item?.textZh ?? "" };
            })
        : [],
  };
}

/** The lot's defects the viewer may see, and the message that blocks acceptance while any is open. */
async function lotDefects(
  user: { role: Parameters<typeof scopeFor>[0]; organizationId: string },
  lotScope: "any" | "own",
  lotId: string,
) {
  const defectScope = scopeFor(user.role, "defect.view");
  const rows = await db().defect.findMany({
    where: { lotId },
    select: {
      id: true,
      number: true,
      title: true,
      status: true,
      dueOn: true,
      contractorOrgId: true,
    },
    orderBy: { number: "asc" },
  });
  const now = new Date();
  const open = rows.filter((d) => d.status !== "closed");
  const visible =
    defectScope === "any"
      ? rows
      : defectScope === "own" && lotScope === "own"
        ? rows.filter((d) => d.contractorOrgId === user.organizationId)
        : [];
  return {
    blockingZh:
      open.length === 0
        ? null
        : defectScope === null
          ? `本检验批还有 ${open.length} 个未关闭的质量问题`
          : openDefectsMessageZh(open),
    list: visible.map((d) => {
      const status = isDefectState(d.status) ? d.status : "open";
      return {
        id: d.id,
        number: d.number,
        title: d.title,
        statusZh: DEFECT_STATE_LABELS_ZH[status],
        dueOn: dueOnIso(d.dueOn),
        overdue: isOverdue(d.dueOn, status, now),
      };
    }),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const lotId = params.lotId ?? "";
  await requireSignedIn(request); // before the body: the intent inside picks the permission
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  try {
    if (intent === "entry") {
      const { user, scope } = await requireUser(request, "lot.record");
      const parsed = EntrySchema.safeParse(JSON.parse(String(form.get("entry") ?? "null")));
      if (!parsed.success) {
        return data(
          { ok: false, message: parsed.error.issues[0]?.message ?? "数据无效" },
          { status: 400 },
        );
      }
      await saveEntry(db(), user, scope, lotId, parsed.data);
      return { ok: true };
    }
    if (intent === "item") {
      // One item's plain form post: the page without JavaScript (it reloads and shows the record).
      const { user, scope } = await requireUser(request, "lot.record");
      const field = (name: string) => {
        const v = form.get(name);
        return typeof v === "string" ? v : null;
      };
      const itemId = field("itemId") ?? "";
      await saveItemForm(db(), user, scope, lotId, itemId, {
        result: field("result"),
        op: field("op"),
        point: field("point"),
        pointDesign: field("pointDesign"),
        remove: field("remove"),
        note: field("note"),
        designValue: field("designValue"),
      });
      return { ok: true, message: "已保存检查记录" };
    }
    if (intent === "place") {
      const { user, scope } = await requireUser(request, "lot.record");
      const parsed = PlaceDataSchema.safeParse(placeDataFromForm(form));
      if (!parsed.success)
        return data({ ok: false, message: "容量或属性必须是有效数字" }, { status: 400 });
      await saveLotPlaceData(db(), user, scope, lotId, parsed.data);
      return { ok: true, message: "已保存容量与属性" };
    }
    if (intent === "records") {
      const { user, scope } = await requireUser(request, "lot.record");
      const parsed = parseForm(RecordsSchema, form);
      if (!parsed.ok)
        return data({ ok: false, message: Object.values(parsed.errors)[0] }, { status: 400 });
      await saveLotRecords(db(), user, scope, lotId, parsed.data);
      return { ok: true, message: "已保存" };
    }
    if (intent === "subitem") {
      const { user, scope } = await requireUser(request, "lot.record");
      await setLotSubItem(db(), user, scope, lotId, String(form.get("subItem") ?? ""));
      return { ok: true, message: "已保存分项工程" };
    }
    if (intent.startsWith("drawing-")) {
      const parsed = parseForm(LotDrawingSchema, form);
      if (!parsed.ok)
        return data({ ok: false, message: Object.values(parsed.errors)[0] }, { status: 400 });
      const { revisionId } = parsed.data;
      if (parsed.data.intent === "drawing-ack") {
        const { user, scope } = await requireUser(request, "lot.review");
        await acknowledgeLotDrawingRef(db(), user, scope, lotId, revisionId);
        return { ok: true, message: "已确认图纸版次变更" };
      }
      const { user, scope } = await requireUser(request, "lot.record");
      if (parsed.data.intent === "drawing-add")
        await addLotDrawingRef(db(), user, scope, lotId, revisionId);
      else await removeLotDrawingRef(db(), user, scope, lotId, revisionId);
      return { ok: true, message: "依据图纸已更新" };
    }
    if (intent === "submit" || intent === "accept") {
      const { user, scope } = await requireUser(
        request,
        intent === "submit" ? "lot.submit" : "lot.review",
      );
      const signed = LotSignSchema.safeParse(Object.fromEntries(form));
      if (!signed.success)
        return data(
          { ok: false, message: signed.error.issues[0]?.message ?? "数据无效" },
          { status: 400 },
        );
      const image = await parseSignatureDataUrl(signed.data.signature);
      if ("error" in image) return data({ ok: false, message: image.error }, { status: 400 });
      const next = await signLot(db(), user, scope, lotId, signed.data.intent, {
        password: signed.data.password,
        image,
        conclusion: signed.data.conclusion,
        foreman: signed.data.foreman ?? null,
        confirmed: signed.data.confirm === "on",
      });
      return { ok: true, message: `已签字，状态：${LOT_STATE_LABELS_ZH[next]}` };
    }
    const parsed = parseForm(TransitionSchema, form);
    if (!parsed.ok) return data({ ok: false, message: "未知操作" }, { status: 400 });
    const { intent: step, reason } = parsed.data;
    const { user, scope } = await requireUser(request, "lot.review");
    const next = await transitionLot(db(), user, scope, lotId, step, reason);
    return {
      ok: true,
      message: next === "draft" ? "已重新打开" : `已更新为：${LOT_STATE_LABELS_ZH[next]}`,
    };
  } catch (error) {
    if (error instanceof LotError)
      return data({ ok: false, message: error.message }, { status: error.status });
    if (error instanceof SyntaxError)
      return data({ ok: false, message: "数据格式错误" }, { status: 400 });
    throw error;
  }
}

function emptyEntry(
  itemId: string,
  input: LotItemInput | undefined,
  note: string | null = null,
  recorded?: RecordedPoint[],
): EntryInput {
  return {
    itemId,
    result: input?.result ?? null,
    note,
    designValue: input?.designValue ?? null,
    points: (recorded ?? []).map((p) => ({
      value: p.value,
      serious: p.serious ?? false,
      text: p.text ?? null,
      design: p.design ?? null,
      ...(p.was && p.was.length > 0 ? { was: p.was } : {}),
      ...(p.removed ? { removed: true } : {}),
    })),
  };
}

export default function LotPage() {
  const loaderData = useLoaderData<typeof loader>();
  const {
    lot,
    itemViews,
    verdictInputs,
    notes,
    recordedPoints,
    rules,
    actions,
    canRecord,
    canUpload,
    photoMaxFileBytes,
    photos,
    history,
    standards,
    signature,
    defects,
    failingItems,
    drawings,
    place,
    placeFields,
    signDefaults,
    subItem,
  } = loaderData;
  const [signing, setSigning] = useState<"submit" | "accept" | null>(null);
  const { openViewer, viewer } = usePhotoViewer({ canMarkup: canUpload });
  const photosOf = (itemId: string | null): PhotoView[] =>
    photos.filter((p) => p.itemId === itemId);
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const online = useOnline();
  const [entries, setEntries] = useState<Record<string, EntryInput>>(() =>
    Object.fromEntries(
      itemViews.map((item, i) => [
        item.id,
        emptyEntry(item.id, verdictInputs[i], notes[item.id] ?? null, recordedPoints[item.id]),
      ]),
    ),
  );
  // Records still in the outbox (recorded offline, page reloaded) are shown over the page's data.
  const pending = usePendingEntries(lot.id);
  const [overlaid, setOverlaid] = useState(false);
  useEffect(() => {
    if (!pending || Object.keys(pending).length === 0) return;
    setEntries((prev) => ({ ...prev, ...pending }));
    setOverlaid(true); // remounts the items, so their fields show the outbox's values
  }, [pending]);
  const verdict = useMemo(
    () =>
      computeLotVerdict({
        rules: rules as LotRules,
        attributes: place.attributes as PlaceAttributes,
        quantities: place.quantities as LotQuantities,
        recordsComplete: lot.recordsComplete,
        items: verdictInputs.map((input) => {
          const e = entries[input.itemId];
          return e
            ? {
                ...input,
                result: e.result,
                designValue: e.designValue,
                points: livePoints(e.points),
              }
            : input;
        }),
      }),
    [entries, verdictInputs, rules, place, lot.recordsComplete],
  );
  const itemVerdicts = new Map(verdict.items.map((v) => [v.itemId, v]));
  const done = verdict.items.filter((v) => v.status !== "incomplete").length;
  const failing = verdict.items.filter((v) => v.status === "fail").flatMap((v) => v.reasons);
  const tone =
    verdict.status === "pass" ? "pass" : verdict.status === "fail" ? "fail" : "incomplete";

  return (
    <>
      <PageHeader
        title={`${lot.workType.nameZh} · ${lot.placeLabel}`}
        crumbs={[
          { to: `/projects/${lot.compound.project.id}`, label: lot.compound.project.name },
          { to: `/compounds/${lot.compound.id}`, label: lot.compound.name },
        ]}
        subtitle={`检验批 ${lot.number} · ${lot.contractor} · 检查表第 ${lot.templateVersion} 版 · ${standards[0] ?? ""}${lot.capacity ? ` · 容量 ${lot.capacity} ${lot.capacityUnit ?? ""}` : ""}`}
        actions={
          <>
            <span className={`badge status-${lot.status} lot-status`}>
              {LOT_STATE_LABELS_ZH[lot.status]}
            </span>
            <Link className="button" to={`/lots/${lot.id}/record`}>
              验收记录表
            </Link>
          </>
        }
      />
      {lot.lastReason && (lot.status === "rejected" || lot.status === "draft") ? (
        <p className="alert alert-error">
          {lot.status === "rejected" ? "监理退回原因" : "重新打开原因"}：{lot.lastReason}
        </p>
      ) : null}
      {result?.message ? (
        <p
          className={result.ok ? "alert" : "alert alert-error"}
          role={result.ok ? "status" : "alert"}
        >
          {result.message}
        </p>
      ) : null}

      <p className="alert next-step" data-testid="next-step">
        下一步：
        {lotNextStepZh({
          state: lot.status,
          verdict: verdict.status,
          done,
          total: verdict.items.length,
          viewerIsContractor: loaderData.viewerIsContractor,
        })}
      </p>
      <section className={`verdict verdict-${tone}`} aria-label="验收结论">
        <div className="verdict-head">
          <strong className="verdict-status">
            {verdict.status === "pass" ? "合格" : verdict.status === "fail" ? "不合格" : "未完成"}
          </strong>
          <span className="verdict-summary">{verdictTextZh(verdict.summary)}</span>
          <span className="muted verdict-done">
            {done} / {verdict.items.length} 项
          </span>
        </div>
        <progress max={verdict.items.length} value={done} aria-label="完成进度" />
        {failing.length > 0 ? (
          <ul className="verdict-reasons">
            {failing.map(verdictTextZh).map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        ) : null}
      </section>

      <LotDrawings
        refs={drawings.refs}
        options={drawings.options}
        canEdit={drawings.canEdit}
        canAcknowledge={drawings.canAcknowledge}
        compoundId={lot.compound.id}
        busy={busy}
      />

      {defects.blockingZh || defects.list.length > 0 || failingItems.length > 0 ? (
        <section className="panel lot-defects" aria-label="质量问题">
          <h2>质量问题</h2>
          {defects.blockingZh ? (
            <p className="alert alert-error" data-testid="lot-open-defects">
              {defects.blockingZh}（关闭后才能验收签认）
            </p>
          ) : null}
          {defects.list.length > 0 ? (
            <ul className="defect-links">
              {defects.list.map((d) => (
                <li key={d.id}>
                  <Link to={`/defects/${d.id}`}>{d.number}</Link> {d.title} · {d.statusZh} · 期限{" "}
                  <span className={d.overdue ? "overdue" : undefined}>
                    {d.dueOn}
                    {d.overdue ? "（已逾期）" : ""}
                  </span>
                </li>
              ))}
            </ul>
          ) : null}
          {failingItems.length > 0 ? (
            <ul className="defect-from-items">
              {failingItems.map((item) => (
                <li key={item.id}>
                  <span>
                    不合格：{item.code} {item.textZh.slice(0, 40)}
                  </span>{" "}
                  <Link
                    className="button"
                    to={`/defects/new?lotId=${lot.id}&itemId=${item.id}`}
                    data-testid={`raise-defect-${item.code}`}
                  >
                    登记质量问题
                  </Link>
                </li>
              ))}
            </ul>
          ) : null}
        </section>
      ) : null}

      {signature ? (
        <p
          className={signature.matches ? "alert signature-ok" : "alert alert-error"}
          data-testid="signature"
        >
          {signature.matches
            ? `签认内容校验：一致 ✓（签认哈希 ${signature.current.slice(0, 16)}…）`
            : `签认内容校验：不一致 ✗ 签认后记录被修改（签认时 ${signature.signed?.slice(0, 16) ?? "无"}…，现在 ${signature.current.slice(0, 16)}…）`}
        </p>
      ) : null}
      {!canRecord ? (
        <p className="alert">
          {lot.status === "accepted"
            ? "本检验批已验收签认，记录只读。"
            : "当前状态下您不能修改检查记录。"}
        </p>
      ) : null}

      {(["main", "general"] as const).map((kind) => (
        <section key={kind}>
          <h2>{kind === "main" ? "主控项目" : "一般项目"}</h2>
          <ol className="lot-items">
            {itemViews
              .filter((i) => i.kind === kind)
              .map((item) => (
                <AutosavedItem
                  key={`${item.id}-${overlaid ? "outbox" : "page"}`}
                  lotId={lot.id}
                  lotLabel={`${lot.number} ${lot.workType.nameZh}`}
                  baseVersion={lot.status}
                  item={item}
                  entry={entries[item.id] ?? emptyEntry(item.id, undefined)}
                  verdict={itemVerdicts.get(item.id)}
                  rules={rules as LotRules}
                  editable={canRecord}
                  onLocalChange={(next) => setEntries((prev) => ({ ...prev, [item.id]: next }))}
                  photos={{
                    lotId: lot.id,
                    list: photosOf(item.id),
                    canUpload,
                    maxFileBytes: photoMaxFileBytes,
                    onOpen: openViewer,
                  }}
                />
              ))}
          </ol>
        </section>
      ))}

      {canRecord ? (
        <LotJump
          items={itemViews}
          incomplete={
            new Set(verdict.items.filter((v) => v.status === "incomplete").map((v) => v.itemId))
          }
          startHere={done === 0}
        />
      ) : null}
      <LotPhotosSection
        lotId={lot.id}
        photos={photosOf(null)}
        canUpload={canUpload}
        maxFileBytes={photoMaxFileBytes}
        onOpen={openViewer}
      />

      <LotPlaceForm fields={placeFields} editable={canRecord} />
      <section className="panel lot-records">
        <h2>资料与自检</h2>
        {subItem.choices.length > 1 ? (
          <Form method="post" className="records-form subitem-form">
            <input type="hidden" name="intent" value="subitem" />
            <label>
              分项工程（本类别含多个分项，验收记录须注明）
              <select name="subItem" defaultValue={subItem.value ?? ""} disabled={!canRecord}>
                <option value="" disabled>
                  请选择
                </option>
                {subItem.choices.map((c) => (
                  <option key={c} value={c}>
                    {c}
                  </option>
                ))}
              </select>
            </label>
            {canRecord ? (
              <button className="button" type="submit" disabled={busy}>
                保存分项工程
              </button>
            ) : null}
          </Form>
        ) : null}
        <Form method="post" className="records-form">
          <input type="hidden" name="intent" value="records" />
          <label className="check">
            <input
              type="checkbox"
              name="recordsComplete"
              value="on"
              defaultChecked={lot.recordsComplete}
              disabled={!canRecord}
            />
            施工操作依据、质量验收记录齐全
          </label>
          <textarea
            name="selfCheckNote"
            rows={2}
            placeholder="施工单位检查结果说明"
            defaultValue={lot.selfCheckNote ?? ""}
            disabled={!canRecord}
            aria-label="施工单位检查结果说明"
          />
          {canRecord ? (
            <button className="button" type="submit" disabled={busy}>
              保存资料情况
            </button>
          ) : null}
        </Form>
      </section>

      {actions.length > 0 ? (
        <section className="panel workflow">
          <h2>流程</h2>
          {actions.includes("accept") || actions.includes("submit") ? (
            <NeedsNetwork
              what={actions.includes("accept") ? "验收签认" : "提交施工自检"}
              online={online}
            />
          ) : null}
          <Form method="post" className="workflow-form">
            {actions.includes("reject") || actions.includes("reopen") ? (
              <textarea
                name="reason"
                rows={2}
                placeholder="退回或撤销验收的原因（必填）"
                aria-label="原因"
              />
            ) : null}
            <div className="workflow-buttons">
              {actions.includes("submit") ? (
                <button
                  type="button"
                  className="button button-primary"
                  aria-expanded={signing === "submit"}
                  onClick={() => setSigning("submit")}
                  disabled={busy || !online}
                >
                  提交施工自检
                </button>
              ) : null}
              {actions.includes("accept") ? (
                <button
                  type="button"
                  className="button button-primary"
                  aria-expanded={signing === "accept"}
                  onClick={() => setSigning("accept")}
                  disabled={busy || !online || !verdict.canAccept}
                  title={verdict.canAccept ? undefined : verdictTextZh(verdict.summary)}
                >
                  验收签认
                </button>
              ) : null}
              {actions.includes("reject") ? (
                <button
                  type="submit"
                  className="button button-danger"
                  name="intent"
                  value="reject"
                  disabled={busy}
                >
                  退回
                </button>
              ) : null}
              {actions.includes("reopen") ? (
                <button
                  type="submit"
                  className="button button-danger"
                  name="intent"
                  value="reopen"
                  disabled={busy}
                >
                  撤销验收
                </button>
              ) : null}
            </div>
            {actions.includes("accept") && !verdict.canAccept ? (
              <p className="muted accept-blocked">不能签认：{verdictTextZh(verdict.summary)}</p>
            ) : null}
          </Form>
          {signing && actions.includes(signing) ? (
            <LotSignForm
              key={signing}
              step={signing}
              defaultConclusion={signing === "submit" ? signDefaults.submit : signDefaults.accept}
              signerTitle={signDefaults.signerTitle}
              busy={busy}
              onCancel={() => setSigning(null)}
            />
          ) : null}
        </section>
      ) : null}

      <section>
        <h2>操作记录</h2>
        <ol className="history">
          {history.map((h) => (
            <li key={h.seq}>
              <span className="muted">{formatDateTime(h.at)}</span> {h.actor} ·{" "}
              {ACTION_LABELS[h.action] ?? h.action}
              {h.reason ? `：${h.reason}` : ""}
              {h.corrections ? (
                <span className="history-correction">
                  {" "}
                  {h.corrections.code}
                  {h.corrections.list.map((c) => (
                    <span key={c.seq}>
                      {" "}
                      第 {c.seq} 点 <s className="point-was">{c.from.text ?? c.from.value}</s>
                      {c.to ? ` → ${c.to.text ?? c.to.value}` : " 已作废"}
                    </span>
                  ))}
                </span>
              ) : null}
              {h.conclusion ? `：${h.conclusion}` : ""}
              {h.foreman ? `（专业工长 ${h.foreman}）` : ""}
              {h.verdict && h.action !== "lot.create" ? (
                <span className="muted">（{h.verdict}）</span>
              ) : null}
            </li>
          ))}
        </ol>
      </section>
      {viewer}
    </>
  );
}

function AutosavedItem({
  lotId,
  lotLabel,
  baseVersion,
  item,
  entry,
  verdict,
  rules,
  editable,
  onLocalChange,
  photos,
}: {
  lotId: string;
  lotLabel: string;
  baseVersion: string;
  item: LotItemView;
  entry: EntryInput;
  verdict: ReturnType<typeof computeLotVerdict>["items"][number] | undefined;
  rules: LotRules;
  editable: boolean;
  onLocalChange: (next: EntryInput) => void;
  photos: ItemPhotos;
}) {
  const { save, state } = useEntryAutosave({
    lotId,
    lotLabel,
    itemId: item.id,
    itemCode: item.code,
    baseVersion,
  });
  return (
    <LotItemCard
      item={item}
      entry={entry}
      verdict={verdict}
      rules={rules}
      editable={editable}
      saveState={state}
      photos={photos}
      onChange={(next, mode) => {
        onLocalChange(next);
        save(next, mode);
      }}
    />
  );
}
