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
import { parseForm } from "~/infra/forms";
import type { Actor } from "~/modules/auth/permissions";
import { notFound, requireUser } from "~/modules/auth/require-user.server";
import { createDefect, DefectError, defectPrefillFromItem } from "~/modules/defect/defects.server";
import { CreateFromItemSchema, CreateFromPinSchema } from "~/modules/defect/forms";
import {
  DEFAULT_DUE_DAYS,
  defaultDueOn,
  dueOnIso,
  SEVERITIES,
  SEVERITY_LABELS_ZH,
  type Severity,
} from "~/modules/defect/workflow";
import { DrawingError } from "~/modules/drawing/errors";
import { pinPrefill } from "~/modules/drawing/pins.server";
import drawingStyles from "~/styles/drawings.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: drawingStyles }];

export const meta: MetaFunction = () => [{ title: "登记质量问题 · 验收" }];

const dueBy = (now: Date) =>
  Object.fromEntries(SEVERITIES.map((s) => [s, dueOnIso(defaultDueOn(s, now))])) as Record<
    Severity,
    string
  >;

/** From a point on a sheet (?revisionId&x&y): a compound-level defect with its pin. */
async function pinLoader(user: Actor, url: URL) {
  const revision = await pinPrefill(db(), user, "any", url.searchParams.get("revisionId") ?? "");
  if (!revision) notFound("图纸");
  const x = Number(url.searchParams.get("x"));
  const y = Number(url.searchParams.get("y"));
  if (!(x >= 0 && x <= 1 && y >= 0 && y <= 1))
    throw data({ kind: "not-found", message: "标注位置不在图纸范围内" }, { status: 400 });
  const { sheet } = revision;
  return {
    mode: "pin" as const,
    pin: {
      revisionId: revision.id,
      x,
      y,
      superseded: revision.status === "superseded",
      previewWidth: revision.previewWidth,
      previewHeight: revision.previewHeight,
    },
    compound: { id: sheet.compound.id, name: sheet.compound.name },
    contractors: sheet.compound.contracts.map((c) => ({
      id: c.contractor.id,
      name: `${c.contractor.name}（${c.name}）`,
    })),
    sheetLabel: `${sheet.number} ${sheet.title}（${revision.revision}版）`,
    title: "",
    description: "",
    dueBySeverity: dueBy(new Date()),
  };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requireUser(request, "defect.create");
  const url = new URL(request.url);
  if (url.searchParams.has("revisionId")) return pinLoader(user, url);
  const lotId = url.searchParams.get("lotId") ?? "";
  const itemId = url.searchParams.get("itemId") ?? "";
  try {
    const prefill = await defectPrefillFromItem(db(), user, "any", lotId, itemId);
    const now = new Date();
    return {
      mode: "lot" as const,
      lot: { id: prefill.lot.id, number: prefill.lot.number, placeLabel: prefill.lot.placeLabel },
      contractor: prefill.lot.contractor.name,
      itemId,
      title: prefill.title,
      description: prefill.description,
      dueBySeverity: Object.fromEntries(
        SEVERITIES.map((s) => [s, dueOnIso(defaultDueOn(s, now))]),
      ) as Record<Severity, string>,
    };
  } catch (error) {
    if (error instanceof DefectError && error.status === 404) notFound("检查项目");
    if (error instanceof DefectError)
      throw data({ kind: "not-found", message: error.message }, { status: 400 });
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
    const parsed = parseForm(CreateFromItemSchema, form);
    if (!parsed.ok) return data({ message: Object.values(parsed.errors)[0] }, { status: 400 });
    const defect = await createDefect(db(), user, { from: "lot", ...parsed.data });
    return redirect(`/defects/${defect.id}`);
  } catch (error) {
    if (error instanceof DefectError || error instanceof DrawingError)
      return data({ message: error.message }, { status: error.status });
    throw error;
  }
}

export default function NewDefectPage() {
  const loaded = useLoaderData<typeof loader>();
  const { title, description, dueBySeverity } = loaded;
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const [due, setDue] = useState(dueBySeverity.general);
  const back =
    loaded.mode === "lot" ? `/lots/${loaded.lot.id}` : `/drawings/${loaded.pin.revisionId}`;
  return (
    <>
      {loaded.mode === "lot" ? (
        <PageHeader
          title="登记质量问题"
          crumbs={[{ to: back, label: `检验批 ${loaded.lot.number}` }]}
          subtitle={`${loaded.lot.placeLabel} · 整改单位：${loaded.contractor}`}
        />
      ) : (
        <PageHeader
          title="登记质量问题"
          crumbs={[
            { to: `/compounds/${loaded.compound.id}`, label: loaded.compound.name },
            { to: back, label: loaded.sheetLabel },
          ]}
          subtitle={`标注在图纸 ${loaded.sheetLabel}`}
        />
      )}
      {result?.message ? (
        <p className="alert alert-error" role="alert">
          {result.message}
        </p>
      ) : null}
      <Form method="post" className="panel form-stack">
        {loaded.mode === "lot" ? (
          <>
            <input type="hidden" name="lotId" value={loaded.lot.id} />
            <input type="hidden" name="itemId" value={loaded.itemId} />
          </>
        ) : (
          <>
            <input type="hidden" name="revisionId" value={loaded.pin.revisionId} />
            <input type="hidden" name="x" value={loaded.pin.x} />
            <input type="hidden" name="y" value={loaded.pin.y} />
            <PinCrop pin={loaded.pin} />
            {loaded.pin.superseded ? (
              <p className="alert alert-error">注意：此图纸版次已作废，问题将标注在作废版次上。</p>
            ) : null}
            <label>
              整改单位
              <select name="contractorOrgId" required defaultValue={loaded.contractors[0]?.id}>
                {loaded.contractors.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </select>
            </label>
            <label>
              部位
              <input name="placeLabel" required maxLength={200} placeholder="如 3栋2单元 配电间" />
            </label>
          </>
        )}
        <label>
          问题标题
          <input name="title" defaultValue={title} required maxLength={200} />
        </label>
        <label>
          严重程度
          <select
            name="severity"
            defaultValue="general"
            onChange={(e) => setDue(dueBySeverity[e.target.value as Severity])}
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
          <textarea name="description" rows={6} defaultValue={description} maxLength={4000} />
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
