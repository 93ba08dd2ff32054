import type {
  ActionFunctionArgs,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useState } from "react";
import { PageHeader } from "~/components/page-header";
import { PinCrop } from "~/components/pin-crop";
import { db } from "~/infra/db.server";
import { isDomainError } from "~/infra/domain-error";
import { parseForm } from "~/infra/forms";
import { requestT } from "~/modules/auth/language.server";
import { notFound, requireUser } from "~/modules/auth/require-user.server";
import {
  createDefect,
  defectPrefillFromItem,
  standaloneDefectOptions,
} from "~/modules/defect/defects.server";
import {
  CreateFromItemSchema,
  CreateFromPinSchema,
  CreateStandaloneSchema,
} from "~/modules/defect/forms";
import {
  DEFAULT_DUE_DAYS,
  defaultDueOn,
  dueOnIso,
  SEVERITIES,
  SEVERITY_LABELS_ZH,
  type Severity,
} from "~/modules/defect/workflow";
import { pinPrefill } from "~/modules/drawing/pins.server";
import drawingStyles from "~/styles/drawings.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: drawingStyles }];

export const meta: MetaFunction = () => [{ title: "登记质量问题 · 验收" }];

/**
 * ?lotId&itemId: from a lot's failing item (prefilled); ?compoundId: on its own;
 * ?revisionId&x&y: on its own, pinned at that point of a drawing sheet (图钉).
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requireUser(request, "defect.create");
  const url = new URL(request.url);
  const now = new Date();
  const dueBySeverity = Object.fromEntries(
    SEVERITIES.map((s) => [s, dueOnIso(defaultDueOn(s, now))]),
  ) as Record<Severity, string>;
  const revisionId = url.searchParams.get("revisionId");
  if (revisionId) {
    const revision = await pinPrefill(db(), user, "any", revisionId);
    if (!revision) notFound("drawing");
    const x = Number(url.searchParams.get("x"));
    const y = Number(url.searchParams.get("y"));
    if (!(x >= 0 && x <= 1 && y >= 0 && y <= 1))
      throw data({ kind: "not-found", message: "标注位置不在图纸范围内" }, { status: 400 });
    const options = await standaloneDefectOptions(db(), user, revision.sheet.compound.id);
    if (!options) notFound("compound");
    const { sheet } = revision;
    return {
      mode: "standalone" as const,
      ...options,
      dueBySeverity,
      pin: {
        revisionId: revision.id,
        x,
        y,
        superseded: revision.status === "superseded",
        previewWidth: revision.previewWidth,
        previewHeight: revision.previewHeight,
        sheetLabel: `${sheet.number} ${sheet.title}（${revision.revision}版）`,
      },
    };
  }
  const compoundId = url.searchParams.get("compoundId");
  if (compoundId) {
    const options = await standaloneDefectOptions(db(), user, compoundId);
    if (!options) notFound("compound");
    return { mode: "standalone" as const, ...options, dueBySeverity, pin: null };
  }
  const itemId = url.searchParams.get("itemId") ?? "";
  try {
    const prefill = await defectPrefillFromItem(
      db(),
      user,
      "any",
      url.searchParams.get("lotId") ?? "",
      itemId,
    );
    return {
      mode: "item" as const,
      lot: { id: prefill.lot.id, number: prefill.lot.number, placeLabel: prefill.lot.placeLabel },
      contractor: prefill.lot.contractor.name,
      itemId,
      title: prefill.title,
      description: prefill.description,
      dueBySeverity,
    };
  } catch (error) {
    if (isDomainError(error) && error.status === 404) notFound("checklistItem");
    if (isDomainError(error))
      throw data(
        { kind: "not-found", message: error.text(await requestT(request)) },
        { status: 400 },
      );
    throw error;
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const { user } = await requireUser(request, "defect.create");
  const form = await request.formData();
  try {
    if (form.has("revisionId")) {
      const parsed = parseForm(CreateFromPinSchema, form);
      if (!parsed.ok) return data({ message: Object.values(parsed.errors)[0] }, { status: 400 });
      const { revisionId, x, y, ...rest } = parsed.data;
      const revision = await pinPrefill(db(), user, "any", revisionId);
      if (!revision) return data({ message: "图纸不存在或您无权查看" }, { status: 404 });
      const defect = await createDefect(db(), user, {
        from: "compound",
        compoundId: revision.sheet.compound.id,
        ...rest,
        pin: { revisionId, x, y },
      });
      return redirect(`/defects/${defect.id}`);
    }
    const parsed = form.has("lotId")
      ? parseForm(CreateFromItemSchema, form)
      : parseForm(CreateStandaloneSchema, form);
    if (!parsed.ok) return data({ message: Object.values(parsed.errors)[0] }, { status: 400 });
    const defect = await createDefect(
      db(),
      user,
      "lotId" in parsed.data
        ? { from: "lot", ...parsed.data }
        : { from: "compound", ...parsed.data },
    );
    return redirect(`/defects/${defect.id}`);
  } catch (error) {
    if (isDomainError(error))
      return data({ message: error.text(await requestT(request)) }, { status: error.status });
    throw error;
  }
}

export default function NewDefectPage() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const [due, setDue] = useState(page.dueBySeverity.general);
  const back =
    page.mode === "item"
      ? `/lots/${page.lot.id}`
      : page.pin
        ? `/drawings/${page.pin.revisionId}`
        : `/compounds/${page.compound.id}`;
  return (
    <>
      {page.mode === "item" ? (
        <PageHeader
          title="登记质量问题"
          crumbs={[{ to: back, label: `检验批 ${page.lot.number}` }]}
          subtitle={`${page.lot.placeLabel} · 整改单位：${page.contractor}`}
        />
      ) : (
        <PageHeader
          title="登记质量问题"
          crumbs={[
            { to: `/compounds/${page.compound.id}`, label: page.compound.name },
            ...(page.pin ? [{ to: back, label: page.pin.sheetLabel }] : []),
          ]}
          subtitle={
            page.pin
              ? `标注在图纸 ${page.pin.sheetLabel}；登记后可在问题页面拍摄整改前照片`
              : "巡查中发现的问题；登记后可在问题页面拍摄整改前照片"
          }
        />
      )}
      {result?.message ? (
        <p className="alert alert-error" role="alert">
          {result.message}
        </p>
      ) : null}
      <Form method="post" className="panel form-stack">
        {page.mode === "item" ? (
          <>
            <input type="hidden" name="lotId" value={page.lot.id} />
            <input type="hidden" name="itemId" value={page.itemId} />
          </>
        ) : (
          <>
            {page.pin ? (
              <>
                <input type="hidden" name="revisionId" value={page.pin.revisionId} />
                <input type="hidden" name="x" value={page.pin.x} />
                <input type="hidden" name="y" value={page.pin.y} />
                <PinCrop pin={page.pin} />
                {page.pin.superseded ? (
                  <p className="alert alert-error">
                    注意：此图纸版次已作废，问题将标注在作废版次上。
                  </p>
                ) : null}
              </>
            ) : (
              <input type="hidden" name="compoundId" value={page.compound.id} />
            )}
            <label>
              整改单位
              <select
                name="contractorOrgId"
                required
                defaultValue={page.contractors.length === 1 ? page.contractors[0]?.id : ""}
              >
                <option value="">请选择</option>
                {page.contractors.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </select>
            </label>
            <label>
              部位
              <input name="placeLabel" list="defect-places" required maxLength={100} />
              <datalist id="defect-places">
                {page.places.map((p) => (
                  <option key={p} value={p} />
                ))}
              </datalist>
            </label>
            <label>
              工程类别
              <select name="workTypeCode" defaultValue="">
                <option value="">（不限）</option>
                {page.workTypes.map((w) => (
                  <option key={w.code} value={w.code}>
                    {w.nameZh}
                  </option>
                ))}
              </select>
            </label>
          </>
        )}
        <label>
          问题标题
          <input
            name="title"
            defaultValue={page.mode === "item" ? page.title : ""}
            required
            maxLength={200}
          />
        </label>
        <label>
          严重程度
          <select
            name="severity"
            defaultValue="general"
            onChange={(e) => setDue(page.dueBySeverity[e.target.value as Severity])}
          >
            {SEVERITIES.map((s) => (
              <option key={s} value={s}>
                {SEVERITY_LABELS_ZH[s]}（默认 {DEFAULT_DUE_DAYS[s]} 天）
              </option>
            ))}
          </select>
        </label>
        <label>
          整改期限
          <input
            type="date"
            name="dueOn"
            value={due}
            onChange={(e) => setDue(e.target.value)}
            required
          />
        </label>
        <label>
          问题描述
          <textarea
            name="description"
            rows={6}
            defaultValue={page.mode === "item" ? page.description : ""}
            maxLength={4000}
          />
        </label>
        <div className="workflow-buttons">
          <button type="submit" className="button button-primary" disabled={busy}>
            登记
          </button>
          <Link className="button" to={back}>
            取消
          </Link>
        </div>
      </Form>
    </>
  );
}
