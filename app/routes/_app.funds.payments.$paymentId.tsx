import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { FundGaps } from "~/components/fund-gaps";
import { PageHeader } from "~/components/page-header";
import { db } from "~/infra/db.server";
import { type Action, scopeFor } from "~/modules/auth/permissions";
import { forbidden, notFound, requireUser } from "~/modules/auth/require-user.server";
import { FundError, fundErrorView } from "~/modules/fund/access.server";
import { parseQuantity } from "~/modules/fund/money";
import {
  approvePayment,
  certifyPayment,
  recordPayment,
  reversePayment,
} from "~/modules/fund/payments.server";
import { getApplication } from "~/modules/fund/queries.server";
import { FUND_SOURCE_LABELS_ZH, FUND_SOURCES } from "~/modules/fund/rules";
import { formatDateTime } from "~/modules/site/labels";
import fundStyles from "~/styles/funds.css?url";

export const links = () => [{ rel: "stylesheet", href: fundStyles }];
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `计量支付 ${data?.app.number ?? ""} · 验收` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, scope } = await requireUser(request, "fund.view");
  const app = await getApplication(db(), params.paymentId ?? "", user, scope);
  if (!app) notFound("payment");
  const may = (a: Action) => scopeFor(user.role, a) !== null;
  return {
    app,
    can: {
      certify: may("fund.certify") && app.status === "applied",
      approve: may("fund.approve") && app.status === "certified",
      pay: may("fund.pay") && app.status === "approved",
      reverse: may("fund.reverse") && (app.status === "approved" || app.status === "paid"),
      lots: may("lot.view"),
    },
    sources: FUND_SOURCES.map((s) => ({ value: s, label: FUND_SOURCE_LABELS_ZH[s] })),
  };
}

const Password = z.string().min(1, { error: "请输入密码确认签字" });
const Opinion = z.string().max(200).default("");
const ActionSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("certify"), password: Password, opinion: Opinion }),
    z.object({ intent: z.literal("approve"), password: Password, opinion: Opinion }),
    z.object({
      intent: z.literal("pay"),
      password: Password,
      opinion: Opinion,
      source: z.enum(FUND_SOURCES, { error: "请选择资金来源" }),
      voucherNo: z.string().trim().min(1, { error: "请填写支付凭证号" }).max(60),
    }),
    z.object({
      intent: z.literal("reverse"),
      password: Password,
      reason: z.string().trim().min(1, { error: "请填写冲正原因" }).max(500),
    }),
  ],
  { error: "未知操作" },
);

const ACTION_OF = {
  certify: "fund.certify",
  approve: "fund.approve",
  pay: "fund.pay",
  reverse: "fund.reverse",
} as const;

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, scope } = await requireUser(request, "fund.view");
  const form = await request.formData();
  const step = ACTION_OF[String(form.get("intent")) as keyof typeof ACTION_OF];
  if (step && scopeFor(user.role, step) === null) forbidden(step);
  const bad = (message: string) => data({ ok: false as const, message, gaps: [] }, { status: 400 });
  const parsed = ActionSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return bad(parsed.error.issues[0]?.message ?? "未知操作");
  const input = parsed.data;
  // The application must be one the viewer may see at all.
  const app = await getApplication(db(), params.paymentId ?? "", user, scope);
  if (!app) notFound("payment");
  try {
    if (input.intent === "certify") {
      const quantities: Record<string, number> = {};
      for (const line of app.lines) {
        const raw = form.get(`cert-${line.id}`);
        if (typeof raw !== "string" || raw.trim() === "") continue;
        const milli = parseQuantity(raw);
        if (milli === null) return bad(`清单 ${line.code} 的审核量“${raw}”无效`);
        quantities[line.id] = milli;
      }
      await certifyPayment(db(), user, app.id, {
        quantities,
        password: input.password,
        opinion: input.opinion,
      });
      return { ok: true as const, message: "已审核签认", gaps: [] };
    }
    if (input.intent === "approve") {
      await approvePayment(db(), user, app.id, input);
      return { ok: true as const, message: "已审批，等待财政局支付", gaps: [] };
    }
    if (input.intent === "pay") {
      await recordPayment(db(), user, app.id, input);
      return { ok: true as const, message: "已登记支付", gaps: [] };
    }
    await reversePayment(db(), user, app.id, input);
    return { ok: true as const, message: "已冲正", gaps: [] };
  } catch (error) {
    if (error instanceof FundError) return data(fundErrorView(error), { status: error.status });
    throw error;
  }
}

function SignFields({
  busy,
  label,
  danger = false,
}: {
  busy: boolean;
  label: string;
  danger?: boolean;
}) {
  return (
    <>
      <label className="field">
        <span>密码（签字确认）</span>
        <input name="password" type="password" required autoComplete="current-password" />
      </label>
      <button
        type="submit"
        className={`button ${danger ? "button-danger" : "button-primary"}`}
        disabled={busy}
      >
        {label}
      </button>
    </>
  );
}

export default function PaymentPage() {
  const { app, can, sources } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  return (
    <>
      <PageHeader
        title={`计量支付 ${app.number}`}
        crumbs={[
          { to: "/funds", label: "资金监管" },
          { to: `/funds/contracts/${app.contract.id}`, label: app.contract.name },
        ]}
        subtitle={`${app.period} · ${app.statusZh}`}
      />
      {result?.ok ? <p className="alert">{result.message}</p> : null}
      {result && !result.ok ? <FundGaps message={result.message} gaps={result.gaps} /> : null}
      {app.reversed ? (
        <p className="alert alert-error">
          已于 {formatDateTime(app.reversed.at)} 冲正：{app.reversed.reason}
        </p>
      ) : null}
      <div className="stats">
        <div className="stat">
          <span className="stat-label">审核金额</span>
          <span className="stat-value">{app.gross || "—"}</span>
        </div>
        <div className="stat">
          <span className="stat-label">质保金（{app.retention}）</span>
          <span className="stat-value">{app.retentionAmount || "—"}</span>
        </div>
        <div className="stat">
          <span className="stat-label">实付金额</span>
          <span className="stat-value" data-testid="net">
            {app.net || "—"}
          </span>
        </div>
      </div>
      {app.paid ? (
        <p>
          财政局已于 {formatDateTime(app.paid.at)} 支付，资金来源：{app.paid.source}，凭证号{" "}
          {app.paid.voucherNo}
        </p>
      ) : null}
      <Form method="post">
        <input type="hidden" name="intent" value="certify" />
        <h2>计量明细及依据（已验收检验批）</h2>
        <div className="fund-table-wrap">
          <table className="table fund-table" data-testid="lines">
            <thead>
              <tr>
                <th>清单</th>
                <th className="num">单价</th>
                <th className="num">申报</th>
                <th className="num">审核</th>
                <th className="num">金额</th>
                <th>依据检验批</th>
              </tr>
            </thead>
            <tbody>
              {app.lines.map((l) => (
                <tr key={l.id} data-testid={`line-${l.code}`}>
                  <td>
                    {l.code} {l.name}（{l.unit}）
                  </td>
                  <td className="num">{l.unitPrice}</td>
                  <td className="num">{l.claimed}</td>
                  <td className="num">
                    {can.certify ? (
                      <input
                        className="fund-qty"
                        name={`cert-${l.id}`}
                        defaultValue={l.claimed}
                        inputMode="decimal"
                        aria-label={`${l.code} 审核量`}
                      />
                    ) : (
                      <span className={l.reduced ? "fund-reduced" : undefined}>
                        {l.certified || "—"}
                        {l.reduced ? "（核减）" : ""}
                      </span>
                    )}
                  </td>
                  <td className="num">{l.amount || "—"}</td>
                  <td>
                    {l.lots.length === 0 ? (
                      <span className="muted">审核后列出</span>
                    ) : (
                      <ul className="fund-trace">
                        {l.lots.map((lot) => (
                          <li key={lot.id}>
                            {can.lots ? (
                              <Link to={`/lots/${lot.id}`}>{lot.number}</Link>
                            ) : (
                              lot.number
                            )}{" "}
                            {lot.placeLabel} · {lot.capacity} · 照片 {lot.photos} 张 ·{" "}
                            {lot.acceptedBy}
                            {lot.acceptedAt ? ` ${formatDateTime(lot.acceptedAt)} 验收` : ""}
                            {lot.statusNow !== "accepted" ? (
                              <span className="badge badge-danger">现已撤销验收</span>
                            ) : null}
                            {can.lots ? (
                              <>
                                {" "}
                                <a href={`/lots/${lot.id}/record`}>验收记录</a>
                              </>
                            ) : null}
                            <div className="fund-hash" title="监理验收签认时的内容哈希">
                              签认哈希 {lot.lotHash}
                            </div>
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {can.certify ? (
          <section className="panel form-stack">
            <h2>监理审核</h2>
            <p className="muted">审核量可核减，不能超过申报量及已验收检验批覆盖的工程量。</p>
            <label className="field">
              <span>审核意见</span>
              <input name="opinion" placeholder="同意计量" />
            </label>
            <SignFields busy={busy} label="审核签认" />
          </section>
        ) : null}
      </Form>
      <div className="fund-steps">
        {can.approve ? (
          <Form method="post" className="panel form-stack">
            <input type="hidden" name="intent" value="approve" />
            <h2>建设单位审批</h2>
            <label className="field">
              <span>审批意见</span>
              <input name="opinion" placeholder="同意支付" />
            </label>
            <SignFields busy={busy} label="审批签字" />
          </Form>
        ) : null}
        {can.pay ? (
          <Form method="post" className="panel form-stack">
            <input type="hidden" name="intent" value="pay" />
            <h2>财政局登记支付</h2>
            <label className="field">
              <span>资金来源</span>
              <select name="source" required defaultValue="">
                <option value="" disabled>
                  请选择
                </option>
                {sources.map((s) => (
                  <option key={s.value} value={s.value}>
                    {s.label}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              <span>支付凭证号</span>
              <input name="voucherNo" required />
            </label>
            <SignFields busy={busy} label="登记支付" />
          </Form>
        ) : null}
        {can.reverse ? (
          <Form method="post" className="panel form-stack">
            <input type="hidden" name="intent" value="reverse" />
            <h2>冲正</h2>
            <p className="muted">
              已审批的计量支付不可修改；如有错误，以签字的冲正记录撤销，工程量退回可再申报。
            </p>
            <label className="field">
              <span>冲正原因</span>
              <input name="reason" required />
            </label>
            <SignFields busy={busy} label="冲正签字" danger />
          </Form>
        ) : null}
      </div>
      <h2>签字记录</h2>
      <table className="table fund-table" data-testid="signatures">
        <thead>
          <tr>
            <th>环节</th>
            <th>签字人</th>
            <th>意见</th>
            <th>时间</th>
            <th>签署内容哈希</th>
          </tr>
        </thead>
        <tbody>
          {app.signatures.map((s) => (
            <tr key={s.step}>
              <td>{s.stepZh}</td>
              <td>
                {s.name}（{s.organization}）
              </td>
              <td>{s.opinion}</td>
              <td>{formatDateTime(s.signedAt)}</td>
              <td className="fund-hash">{s.contentHash}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
