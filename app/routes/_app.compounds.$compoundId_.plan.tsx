import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { PageHeader } from "~/components/page-header";
import { db } from "~/infra/db.server";
import { scopeFor } from "~/modules/auth/permissions";
import { notFound, requireUser } from "~/modules/auth/require-user.server";
import { isChiefSupervisor, PLACE_STATE_ZH, PLAN_STATUS_ZH } from "~/modules/plan/plan";
import {
  addablePlaces,
  addPlannedLot,
  approvePlan,
  generateCompoundPlan,
  PlanError,
  planOverview,
  removePlannedLot,
} from "~/modules/plan/plan.server";
import { formatDateTime } from "~/modules/site/labels";
import { getCompound } from "~/modules/site/queries.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `检验批划分方案 · ${data?.compound.name ?? ""} · 验收` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, scope } = await requireUser(request, "compound.view");
  const compound = await getCompound(db(), params.compoundId ?? "", user, scope);
  if (!compound) notFound("compound");
  const overview = await planOverview(db(), compound.id);
  const canManage = scopeFor(user.role, "plan.manage") !== null;
  const addable = overview && canManage ? await addablePlaces(db(), overview.plan) : null;
  return {
    compound: { id: compound.id, name: compound.name },
    plan: overview && {
      status: overview.plan.status,
      statusZh: PLAN_STATUS_ZH[overview.plan.status] ?? overview.plan.status,
      approvedAt: overview.plan.approvedAt ? formatDateTime(overview.plan.approvedAt) : null,
      totals: overview.totals,
      coverage: overview.coverage.map((s) => ({
        ...s,
        addable: (addable?.get(s.id) ?? []).map(({ value, label }) => ({ value, label })),
      })),
    },
    canManage,
    canApprove: canManage && isChiefSupervisor(user) && overview?.plan.status === "draft",
    canOpenLots: scopeFor(user.role, "lot.create") !== null,
  };
}

const ActionSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("generate") }),
    z.object({ intent: z.literal("approve") }),
    z.object({
      intent: z.literal("add"),
      subItemId: z.string().min(1, { error: "请选择分项" }),
      place: z.string().min(1, { error: "请选择部位" }),
    }),
    z.object({
      intent: z.literal("remove"),
      plannedLotId: z.string().min(1),
      reason: z.string().max(500).default(""),
    }),
  ],
  { error: "未知操作" },
);

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, scope } = await requireUser(request, "plan.manage");
  const parsed = ActionSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success)
    return data(
      { ok: false, message: parsed.error.issues[0]?.message ?? "未知操作" },
      { status: 400 },
    );
  const compound = await getCompound(db(), params.compoundId ?? "", user, scope);
  if (!compound) notFound("compound");
  const input = parsed.data;
  try {
    if (input.intent === "generate") {
      await generateCompoundPlan(db(), user, compound.id);
      return { ok: true, message: "已按场地台账生成检验批划分方案，待总监理工程师批准" };
    }
    if (input.intent === "approve") {
      await approvePlan(db(), user, compound.id);
      return { ok: true, message: "检验批划分方案已批准" };
    }
    if (input.intent === "add") {
      await addPlannedLot(db(), user, compound.id, input);
      return { ok: true, message: "已增加计划检验批，方案待重新批准" };
    }
    await removePlannedLot(db(), user, compound.id, input.plannedLotId, input.reason);
    return { ok: true, message: "已移除计划检验批，方案待重新批准" };
  } catch (error) {
    if (error instanceof PlanError)
      return data({ ok: false, message: error.message }, { status: error.status });
    throw error;
  }
}

export default function PlanPage() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const plan = d.plan;
  return (
    <>
      <PageHeader
        title="检验批划分方案"
        crumbs={[{ to: `/compounds/${d.compound.id}`, label: d.compound.name }]}
        subtitle={
          plan
            ? `${plan.statusZh}${plan.approvedAt ? ` · 批准于 ${plan.approvedAt}` : ""} · 计划 ${plan.totals.planned} 批，已开 ${plan.totals.opened}，已验收 ${plan.totals.accepted}`
            : "尚未编制（GB 50300 第4.0.7条：施工前划分，监理审核）"
        }
      />
      {result ? (
        <p
          className={result.ok ? "alert" : "alert alert-error"}
          role={result.ok ? "status" : "alert"}
        >
          {result.message}
        </p>
      ) : null}
      {!plan && d.canManage ? (
        <Form method="post" className="panel">
          <p>
            按小区楼栋、单元及室外区域台账和各工程类别的分项，生成分部—子分部—分项及计划检验批。
          </p>
          <button
            type="submit"
            name="intent"
            value="generate"
            className="button button-primary"
            disabled={busy}
          >
            生成检验批划分方案
          </button>
        </Form>
      ) : null}
      {d.canApprove ? (
        <Form method="post" className="panel">
          <p>总监理工程师审核后批准；批准后调整计划检验批须重新批准。</p>
          <button
            type="submit"
            name="intent"
            value="approve"
            className="button button-primary"
            disabled={busy}
          >
            批准方案
          </button>
        </Form>
      ) : null}
      {plan?.coverage.map((s) => (
        <section key={s.id} className="panel plan-sub-item" data-testid={`sub-item-${s.name}`}>
          <h2>
            <span className="muted">
              {s.division}
              {s.subDivision ? ` › ${s.subDivision}` : ""} ›
            </span>{" "}
            {s.name}
          </h2>
          <p className="coverage-line">
            计划 {s.planned} · 已开 {s.opened} · 已验收 {s.accepted}
          </p>
          <table className="table">
            <thead>
              <tr>
                <th>部位</th>
                <th>容量</th>
                <th>状态</th>
                {d.canManage ? <th>调整</th> : null}
              </tr>
            </thead>
            <tbody>
              {s.places.map((p) => (
                <tr key={p.id} className={`place-${p.state}`}>
                  <td>{p.placeLabel}</td>
                  <td>{p.capacity}</td>
                  <td>
                    {p.state === "missing" && !d.canOpenLots ? (
                      PLACE_STATE_ZH[p.state]
                    ) : (
                      <Link to={p.href}>
                        {p.state === "missing"
                          ? "未开检验批 · 去开"
                          : `${p.lot?.number ?? ""} ${PLACE_STATE_ZH[p.state]}`}
                      </Link>
                    )}
                  </td>
                  {d.canManage ? (
                    <td>
                      <Form method="post" className="inline-form">
                        <input type="hidden" name="intent" value="remove" />
                        <input type="hidden" name="plannedLotId" value={p.id} />
                        <input
                          name="reason"
                          placeholder="移除原因"
                          aria-label={`移除${p.placeLabel}的原因`}
                          maxLength={500}
                          required
                        />
                        <button type="submit" className="button" disabled={busy}>
                          移除
                        </button>
                      </Form>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
          {d.canManage && s.addable.length > 0 ? (
            <Form method="post" className="inline-form">
              <input type="hidden" name="intent" value="add" />
              <input type="hidden" name="subItemId" value={s.id} />
              <select name="place" aria-label={`为${s.name}增加部位`} required>
                {s.addable.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
              <button type="submit" className="button" disabled={busy}>
                增加计划检验批
              </button>
            </Form>
          ) : null}
        </section>
      ))}
    </>
  );
}
