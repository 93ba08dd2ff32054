import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { PageHeader } from "~/components/page-header";
import { db } from "~/infra/db.server";
import { isDomainError } from "~/infra/domain-error";
import { parseForm } from "~/infra/forms";
import { requestT } from "~/modules/auth/language.server";
import { notFound, requireUser } from "~/modules/auth/require-user.server";
import { IssueNoticeSchema, NoticeTargetSchema } from "~/modules/defect/forms";
import { issueNotice, noticeCandidates } from "~/modules/defect/notices.server";
import {
  DEFECT_STATE_LABELS_ZH,
  dueOnIso,
  isDefectState,
  isSeverity,
  SEVERITY_LABELS_ZH,
} from "~/modules/defect/workflow";

export const meta: MetaFunction = () => [{ title: "签发监理通知单 · 验收" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, "notice.issue");
  const target = NoticeTargetSchema.safeParse(
    Object.fromEntries(new URL(request.url).searchParams),
  );
  if (!target.success) notFound("compoundOrContractor");
  const { compoundId, contractorOrgId } = target.data;
  const contract = await db().contract.findFirst({
    where: { compoundId, contractorOrgId },
    select: { compound: { select: { name: true } }, contractor: { select: { name: true } } },
  });
  if (!contract) notFound("contractSection");
  const candidates = await noticeCandidates(db(), compoundId, contractorOrgId);
  return {
    compoundId,
    contractorOrgId,
    compound: contract.compound.name,
    contractor: contract.contractor.name,
    candidates: candidates.map((d) => ({
      id: d.id,
      number: d.number,
      title: d.title,
      placeLabel: d.placeLabel,
      severityZh: isSeverity(d.severity) ? SEVERITY_LABELS_ZH[d.severity] : d.severity,
      statusZh: isDefectState(d.status) ? DEFECT_STATE_LABELS_ZH[d.status] : d.status,
      dueOn: dueOnIso(d.dueOn),
      onOpenNotice: d.onOpenNotice,
    })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const { user } = await requireUser(request, "notice.issue");
  const form = await request.formData();
  const parsed = parseForm(IssueNoticeSchema, form, { arrays: ["defectIds"] });
  if (!parsed.ok) return data({ message: Object.values(parsed.errors)[0] }, { status: 400 });
  try {
    const notice = await issueNotice(db(), user, parsed.data);
    return redirect(`/notices/${notice.id}`);
  } catch (error) {
    if (isDomainError(error))
      return data({ message: error.text(await requestT(request)) }, { status: error.status });
    throw error;
  }
}

export default function NewNoticePage() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const selectable = page.candidates.filter((d) => !d.onOpenNotice);
  return (
    <>
      <PageHeader
        title="签发监理通知单"
        crumbs={[{ to: "/notices", label: "监理通知单" }]}
        subtitle={`${page.compound} · 致 ${page.contractor}`}
      />
      {result?.message ? (
        <p className="alert alert-error" role="alert">
          {result.message}
        </p>
      ) : null}
      <Form method="post" className="panel form-stack">
        <input type="hidden" name="compoundId" value={page.compoundId} />
        <input type="hidden" name="contractorOrgId" value={page.contractorOrgId} />
        <label>
          事由
          <input
            name="subject"
            required
            maxLength={200}
            defaultValue={`${page.compound}质量问题整改`}
          />
        </label>
        <label>
          通知内容
          <textarea
            name="content"
            rows={4}
            maxLength={4000}
            defaultValue="经检查，下列部位存在质量问题，请按规范及设计要求在整改期限内完成整改，整改完成后逐项提交整改回复并填写回复单。"
          />
        </label>
        <fieldset className="notice-defects">
          <legend>通知的质量问题（{selectable.length} 项可选）</legend>
          {page.candidates.length === 0 ? (
            <p className="muted">该施工单位在本小区没有未关闭的质量问题。</p>
          ) : null}
          {page.candidates.map((d) => (
            <label key={d.id} className="check notice-defect">
              <input
                type="checkbox"
                name="defectIds"
                value={d.id}
                defaultChecked={!d.onOpenNotice}
                disabled={d.onOpenNotice}
              />
              <span>
                <strong>{d.number}</strong> {d.title} · {d.placeLabel} · {d.severityZh} ·{" "}
                {d.statusZh} · 期限 {d.dueOn}
                {d.onOpenNotice ? "（已在待回复的通知单中）" : ""}
              </span>
            </label>
          ))}
        </fieldset>
        <div className="workflow-buttons">
          <button
            type="submit"
            className="button button-primary"
            disabled={busy || selectable.length === 0}
          >
            签发
          </button>
          <Link className="button" to="/notices">
            取消
          </Link>
        </div>
      </Form>
    </>
  );
}
