import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { FundGaps } from "~/components/fund-gaps";
import { PageHeader } from "~/components/page-header";
import { db } from "~/infra/db.server";
import { scopeFor } from "~/modules/auth/permissions";
import { notFound, requireUser } from "~/modules/auth/require-user.server";
import { FundError, fundErrorView } from "~/modules/fund/access.server";
import { parseQuantity } from "~/modules/fund/money";
import { applyPayment } from "~/modules/fund/payments.server";
import { contractOverview } from "~/modules/fund/queries.server";
import { formatDate } from "~/modules/site/labels";
import fundStyles from "~/styles/funds.css?url";

export const links = () => [{ rel: "stylesheet", href: fundStyles }];
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.contract.name ?? "合同"} · 资金监管 · 验收` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, scope } = await requireUser(request, "fund.view");
  const overview = await contractOverview(db(), params.contractId ?? "", user, scope);
  if (!overview) notFound("contract");
  return {
    ...overview,
    canApply: scopeFor(user.role, "fund.apply") !== null && !overview.hasOpenApplication,
  };
}

const ApplySchema = z.object({
  period: z.string().trim().min(1, { error: "请填写计量期间，例如 2021年5月" }).max(40),
  password: z.string().min(1, { error: "请输入密码确认签字" }),
});

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, scope } = await requireUser(request, "fund.apply");
  const form = await request.formData();
  const parsed = ApplySchema.safeParse(Object.fromEntries(form));
  if (!parsed.success)
    return data(
      { ok: false as const, message: parsed.error.issues[0]?.message ?? "输入有误", gaps: [] },
      { status: 400 },
    );
  const lines: { billItemId: string; milli: number }[] = [];
  for (const [key, value] of form.entries()) {
    const id = /^qty-(.+)$/.exec(key)?.[1];
    if (!id || typeof value !== "string" || value.trim() === "") continue;
    const milli = parseQuantity(value);
    if (milli === null)
      return data(
        {
          ok: false as const,
          message: `工程量“${value}”无效：请填写不小于 0、最多三位小数的数字`,
          gaps: [],
        },
        { status: 400 },
      );
    lines.push({ billItemId: id, milli });
  }
  try {
    const app = await applyPayment(db(), user, scope, params.contractId ?? "", {
      period: parsed.data.period,
      lines,
      password: parsed.data.password,
    });
    throw redirect(`/funds/payments/${app.id}`);
  } catch (error) {
    if (error instanceof FundError) return data(fundErrorView(error), { status: error.status });
    throw error;
  }
}

export default function ContractPage() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const claimable = d.items.filter((i) => i.available !== "0");
  return (
    <>
      <PageHeader
        title={d.contract.name}
        crumbs={[{ to: "/funds", label: "资金监管" }]}
        subtitle={`${d.contract.compoundName} · ${d.contract.contractorName} · 质保金 ${d.contract.retention}${d.contract.warrantyEndsOn ? `，缺陷责任期至 ${formatDate(d.contract.warrantyEndsOn)}` : ""}`}
      />
      <h2>工程量清单（合同 / 已验收 / 已审核 / 已支付）</h2>
      <div className="fund-table-wrap">
        <table className="table fund-table" data-testid="bill">
          <thead>
            <tr>
              <th>编码</th>
              <th>项目名称</th>
              <th>工程类别</th>
              <th>单位</th>
              <th className="num">综合单价</th>
              <th className="num">合同量</th>
              <th className="num">已验收</th>
              <th className="num">已审核</th>
              <th className="num">已支付</th>
            </tr>
          </thead>
          <tbody>
            {d.items.map((i) => (
              <tr key={i.id}>
                <td>{i.code}</td>
                <td>{i.name}</td>
                <td>{i.workTypeName}</td>
                <td>{i.unit}</td>
                <td className="num">{i.unitPrice}</td>
                <td className="num">{i.quantity}</td>
                <td className="num" title={`${i.lots} 个已验收检验批`}>
                  {i.accepted}
                  {i.beyondContract ? <span className="badge badge-warn">超合同量</span> : null}
                </td>
                <td className="num">{i.certified}</td>
                <td className="num">{i.paid}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>计量支付申请</h2>
      {d.applications.length === 0 ? (
        <p className="empty">尚无计量支付申请</p>
      ) : (
        <table className="table fund-table">
          <thead>
            <tr>
              <th>编号</th>
              <th>计量期间</th>
              <th>状态</th>
              <th className="num">审核金额</th>
              <th className="num">实付金额</th>
            </tr>
          </thead>
          <tbody>
            {d.applications.map((a) => (
              <tr key={a.id}>
                <td>
                  <Link to={`/funds/payments/${a.id}`}>{a.number}</Link>
                </td>
                <td>{a.period}</td>
                <td>{a.statusZh}</td>
                <td className="num">{a.gross}</td>
                <td className="num">{a.net}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {d.canApply ? (
        <section className="panel">
          <h2>申请本期计量支付</h2>
          <p className="muted">
            只能申报已验收检验批覆盖、且此前未审核的工程量（可计量）。提交即以本人密码签字。
          </p>
          {result && !result.ok ? <FundGaps message={result.message} gaps={result.gaps} /> : null}
          {claimable.length === 0 ? (
            <p className="empty">目前没有可计量的工程量：检验批经监理验收合格后才能申报</p>
          ) : null}
          <Form method="post" className="form-stack">
            <table className="table fund-table">
              <thead>
                <tr>
                  <th>编码</th>
                  <th>项目名称</th>
                  <th className="num">可计量</th>
                  <th className="num">本期申报</th>
                </tr>
              </thead>
              <tbody>
                {d.items.map((i) => (
                  <tr key={i.id}>
                    <td>{i.code}</td>
                    <td>{i.name}</td>
                    <td className="num">
                      {i.available} {i.unit}
                    </td>
                    <td className="num">
                      <input
                        className="fund-qty"
                        name={`qty-${i.id}`}
                        inputMode="decimal"
                        aria-label={`${i.code} 本期申报`}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <label className="field">
              <span>计量期间</span>
              <input name="period" required placeholder="例如 2021年5月" />
            </label>
            <label className="field">
              <span>密码（签字确认）</span>
              <input name="password" type="password" required autoComplete="current-password" />
            </label>
            <button type="submit" className="button button-primary" disabled={busy}>
              提交计量支付申请
            </button>
          </Form>
        </section>
      ) : null}
    </>
  );
}
