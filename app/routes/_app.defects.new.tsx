import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useState } from "react";
import { PageHeader } from "~/components/page-header";
import { db } from "~/infra/db.server";
import { parseForm } from "~/infra/forms";
import { notFound, requireUser } from "~/modules/auth/require-user.server";
import { createDefect, DefectError, defectPrefillFromItem } from "~/modules/defect/defects.server";
import { CreateFromItemSchema } from "~/modules/defect/forms";
import {
  DEFAULT_DUE_DAYS,
  defaultDueOn,
  dueOnIso,
  SEVERITIES,
  SEVERITY_LABELS_ZH,
  type Severity,
} from "~/modules/defect/workflow";

export const meta: MetaFunction = () => [{ title: "登记质量问题 · 验收" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requireUser(request, "defect.create");
  const url = new URL(request.url);
  const lotId = url.searchParams.get("lotId") ?? "";
  const itemId = url.searchParams.get("itemId") ?? "";
  try {
    const prefill = await defectPrefillFromItem(db(), user, "any", lotId, itemId);
    const now = new Date();
    return {
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
  const parsed = parseForm(CreateFromItemSchema, await request.formData());
  if (!parsed.ok) return data({ message: Object.values(parsed.errors)[0] }, { status: 400 });
  try {
    const defect = await createDefect(db(), user, { from: "lot", ...parsed.data });
    return redirect(`/defects/${defect.id}`);
  } catch (error) {
    if (error instanceof DefectError)
      return data({ message: error.message }, { status: error.status });
    throw error;
  }
}

export default function NewDefectPage() {
  const { lot, contractor, itemId, title, description, dueBySeverity } =
    useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const [due, setDue] = useState(dueBySeverity.general);
  return (
    <>
      <PageHeader
        title="登记质量问题"
        crumbs={[{ to: `/lots/${lot.id}`, label: `检验批 ${lot.number}` }]}
        subtitle={`${lot.placeLabel} · 整改单位：${contractor}`}
      />
      {result?.message ? (
        <p className="alert alert-error" role="alert">
          {result.message}
        </p>
      ) : null}
      <Form method="post" className="panel form-stack">
        <input type="hidden" name="lotId" value={lot.id} />
        <input type="hidden" name="itemId" value={itemId} />
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
          <Link className="button" to={`/lots/${lot.id}`}>
            取消
          </Link>
        </div>
      </Form>
    </>
  );
}
