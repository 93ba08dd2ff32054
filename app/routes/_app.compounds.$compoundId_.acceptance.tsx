import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { SupervisionPanel } from "~/components/acceptance-supervision";
import { NeedsNetwork, useOnline } from "~/components/needs-network";
import { PageHeader } from "~/components/page-header";
import { SignaturePad } from "~/components/signature-pad";
import { db } from "~/infra/db.server";
import {
  AcceptanceError,
  acceptanceOverview,
  openAcceptance,
  organiserRefusal,
  signAcceptance,
  voidAcceptance,
} from "~/modules/acceptance/acceptance.server";
import {
  acceptanceStatusZh,
  CONCLUSIONS,
  conclusionZh,
  isSupervisionStation,
  PARTY_LABELS_ZH,
  type Party,
  SUPERVISION_MAX,
} from "~/modules/acceptance/parties";
import { type Prerequisite, redactBlockers } from "~/modules/acceptance/prerequisites";
import { parseSignatureDataUrl } from "~/modules/acceptance/signature-image.server";
import { fileSupervisionRecord, supervisionRecord } from "~/modules/acceptance/supervision.server";
import { type Actor, scopeFor } from "~/modules/auth/permissions";
import { notFound, requireSignedIn, requireUser } from "~/modules/auth/require-user.server";
import { defectWhere } from "~/modules/defect/access.server";
import { lotWhere } from "~/modules/lot/access.server";
import { acceptanceReviewLines } from "~/modules/residents/reviews.server";
import { formatDateTime } from "~/modules/site/labels";
import { getCompound } from "~/modules/site/queries.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `竣工验收 · ${data?.compound.name ?? ""} · 验收` },
];

/** Blockers the viewer may open keep their names and links; the others become a count. */
async function visiblePrerequisites(user: Actor, compoundId: string, list: Prerequisite[]) {
  const lotScope = scopeFor(user.role, "lot.view");
  const defectScope = scopeFor(user.role, "defect.view");
  if (lotScope === "any" && defectScope === "any") return list;
  const [lots, defects] = await Promise.all([
    db().inspectionLot.findMany({
      where: { AND: [{ compoundId }, lotWhere(user, lotScope)] },
      select: { id: true },
    }),
    db().defect.findMany({
      where: { AND: [{ compoundId }, defectWhere(user, defectScope)] },
      select: { id: true },
    }),
  ]);
  const open = new Set([
    ...lots.map((l) => `/lots/${l.id}`),
    ...defects.map((d) => `/defects/${d.id}`),
  ]);
  return redactBlockers(list, (href) => open.has(href));
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, scope } = await requireUser(request, "acceptance.view");
  const compound = await getCompound(db(), params.compoundId ?? "", user, scope);
  if (!compound) notFound("compound");
  const overview = await acceptanceOverview(db(), compound.id);
  if (!overview) notFound("compound");
  const { acceptance, seats, prerequisites, hashCheck } = overview;
  const canManage =
    scopeFor(user.role, "acceptance.manage") !== null && organiserRefusal(user, seats) === null;
  const mine = acceptance?.participants.find((p) => p.userId === user.id);
  const supervision = acceptance ? await supervisionRecord(db(), acceptance.id) : null;
  const organiser = seats.find((s) => s.party === "owner");
  return {
    compound: { id: compound.id, name: compound.name },
    prerequisites: await visiblePrerequisites(user, compound.id, prerequisites),
    residentReviews: await acceptanceReviewLines(db(), compound.id),
    seats: seats.map((s) => ({
      seq: s.seq,
      party: PARTY_LABELS_ZH[s.party],
      organizationName: s.organizationName,
      // Candidate signatories are for the one who names them.
      people: canManage ? s.people : [],
    })),
    acceptance: acceptance && {
      id: acceptance.id,
      status: acceptance.status,
      statusZh: acceptanceStatusZh(acceptance.status),
      conclusionZh: conclusionZh(acceptance.conclusion),
      remarks: acceptance.remarks,
      openedAt: formatDateTime(acceptance.openedAt),
      openedBy: acceptance.openedBy.displayName,
      contentHash: acceptance.contentHash,
      participants: acceptance.participants.map((p) => ({
        id: p.id,
        party: PARTY_LABELS_ZH[p.party as Party] ?? p.party,
        organization: p.organization.name,
        name: p.user.displayName,
        title: p.user.title,
        signature: p.signature && {
          signedAt: formatDateTime(p.signature.signedAt),
          opinion: p.signature.opinion,
          image: `data:image/png;base64,${Buffer.from(p.signature.imagePng).toString("base64")}`,
        },
      })),
    },
    hashCheck,
    organiser: organiser?.organizationName ?? "",
    supervision: supervision && { ...supervision, filedAt: formatDateTime(supervision.filedAt) },
    canSupervise:
      !!acceptance &&
      acceptance.status !== "void" &&
      !supervision &&
      !mine &&
      scopeFor(user.role, "acceptance.supervise") !== null &&
      isSupervisionStation(user),
    canOpen: canManage && acceptance?.status !== "open" && acceptance?.status !== "passed",
    canVoid: canManage && acceptance?.status === "open",
    canSign: acceptance?.status === "open" && !!mine && !mine.signature,
    canExport: scopeFor(user.role, "report.export") !== null,
  };
}

const OpenSchema = z.object({
  intent: z.literal("open"),
  conclusion: z.enum(CONCLUSIONS, { error: "请选择验收结论" }),
  remarks: z.string().max(2000).default(""),
});
const SignSchema = z.object({
  intent: z.literal("sign"),
  acceptanceId: z.string().min(1),
  password: z.string().min(1, { error: "请输入密码确认签字" }),
  signature: z.string().default(""),
  opinion: z.string().max(200).default(""),
});
const VoidSchema = z.object({
  intent: z.literal("void"),
  acceptanceId: z.string().min(1),
  reason: z.string().max(500).default(""),
});
const SuperviseSchema = z.object({
  intent: z.literal("supervise"),
  acceptanceId: z.string().min(1),
  record: z.string().max(SUPERVISION_MAX, { error: `监督记录不超过 ${SUPERVISION_MAX} 字` }),
});
const ActionSchema = z.discriminatedUnion(
  "intent",
  [OpenSchema, SignSchema, VoidSchema, SuperviseSchema],
  { error: "未知操作" },
);
const PERMISSION = {
  open: "acceptance.manage",
  void: "acceptance.manage",
  sign: "acceptance.sign",
  supervise: "acceptance.supervise",
} as const;

export async function action({ request, params }: ActionFunctionArgs) {
  await requireSignedIn(request); // before the body: the intent inside picks the permission
  const form = await request.formData();
  const parsed = ActionSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success)
    return data(
      { ok: false, message: parsed.error.issues[0]?.message ?? "未知操作" },
      { status: 400 },
    );
  const input = parsed.data;
  const { user, scope } = await requireUser(request, PERMISSION[input.intent]);
  const compound = await getCompound(db(), params.compoundId ?? "", user, scope);
  if (!compound) notFound("compound");
  try {
    if (input.intent === "open") {
      const signatories: Record<number, string> = {};
      for (const [key, value] of form.entries()) {
        const seq = /^seat-(\d+)$/.exec(key)?.[1];
        if (seq && typeof value === "string") signatories[Number(seq)] = value;
      }
      await openAcceptance(db(), user, compound.id, {
        conclusion: input.conclusion,
        remarks: input.remarks,
        signatories,
      });
      return { ok: true, message: "已发起竣工验收，请各方签字人登录签字" };
    }
    if (input.intent === "supervise") {
      await fileSupervisionRecord(db(), user, compound.id, input.acceptanceId, input.record);
      return { ok: true, message: "监督记录已保存" };
    }
    if (input.intent === "void") {
      await voidAcceptance(db(), user, compound.id, input.acceptanceId, input.reason);
      return { ok: true, message: "本次竣工验收已作废" };
    }
    const image = await parseSignatureDataUrl(input.signature);
    if ("error" in image) return data({ ok: false, message: image.error }, { status: 400 });
    const result = await signAcceptance(db(), user, input.acceptanceId, {
      password: input.password,
      image,
      opinion: input.opinion,
    });
    return {
      ok: true,
      message: result.status === "open" ? "已签字" : `已签字，${acceptanceStatusZh(result.status)}`,
    };
  } catch (error) {
    if (error instanceof AcceptanceError)
      return data({ ok: false, message: error.message }, { status: error.status });
    throw error;
  }
}

/** Long lists (a plan's missing lots) show this many, the rest behind a disclosure. */
const BLOCKERS_SHOWN = 12;

export default function AcceptancePage() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const online = useOnline();
  const a = d.acceptance;
  return (
    <>
      <PageHeader
        title="单位工程竣工验收"
        crumbs={[{ to: `/compounds/${d.compound.id}`, label: d.compound.name }]}
        subtitle={a ? `状态：${a.statusZh}` : "尚未发起竣工验收"}
        actions={
          a && a.status !== "open" && d.canExport ? (
            <a
              className="button button-primary"
              href={`/reports/compounds/${d.compound.id}/acceptance.pdf`}
              download
            >
              下载竣工验收记录 PDF
            </a>
          ) : undefined
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
      {a ? (
        <p className={`acceptance-status acc-${a.status}`} data-testid="acceptance-status">
          {a.statusZh}
        </p>
      ) : null}

      <section className="panel">
        <h2>验收条件（实时核查）</h2>
        <ul className="prereq-list">
          {d.prerequisites.map((p) => (
            <li key={p.key} className={p.ok ? "prereq-ok" : "prereq-blocked"}>
              <strong>
                {p.ok ? "✓" : "✗"} {p.labelZh}
              </strong>
              {p.blockers.length > 0 ? (
                <ul>
                  {p.blockers.slice(0, BLOCKERS_SHOWN).map((b) => (
                    <li key={b.label}>{b.href ? <Link to={b.href}>{b.label}</Link> : b.label}</li>
                  ))}
                </ul>
              ) : null}
              {p.blockers.length > BLOCKERS_SHOWN ? (
                <details>
                  <summary>另有 {p.blockers.length - BLOCKERS_SHOWN} 项</summary>
                  <ul>
                    {p.blockers.slice(BLOCKERS_SHOWN).map((b) => (
                      <li key={b.label}>{b.href ? <Link to={b.href}>{b.label}</Link> : b.label}</li>
                    ))}
                  </ul>
                </details>
              ) : null}
            </li>
          ))}
        </ul>
      </section>

      <section className="panel">
        <h2>居民评议及满意度</h2>
        <ul>
          {d.residentReviews.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </section>

      {a ? (
        <section className="panel">
          <h2>
            验收结论：{a.conclusionZh}{" "}
            <small className="muted">
              由 {a.openedBy} 于 {a.openedAt} 发起
            </small>
          </h2>
          {a.remarks ? <p>{a.remarks}</p> : null}
          <table className="table signers">
            <thead>
              <tr>
                <th>参加验收单位</th>
                <th>签字人</th>
                <th>签字</th>
              </tr>
            </thead>
            <tbody>
              {a.participants.map((p) => (
                <tr key={p.id}>
                  <td>
                    {p.party}
                    <br />
                    <span className="muted">{p.organization}</span>
                  </td>
                  <td>
                    {p.name}
                    <br />
                    <span className="muted">{p.title}</span>
                  </td>
                  <td>
                    {p.signature ? (
                      <>
                        <img
                          className="signature-img"
                          src={p.signature.image}
                          alt={`${p.name}的签名`}
                        />
                        <br />
                        <span className="muted">
                          {p.signature.opinion} · {p.signature.signedAt}
                        </span>
                      </>
                    ) : (
                      <span className="muted">待签字</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {d.hashCheck ? (
            <p
              className={
                d.hashCheck.signaturesMatch && (d.hashCheck.matches || a.status === "failed")
                  ? "hash-ok"
                  : "hash-bad"
              }
            >
              签字内容哈希 <code>{a.contentHash.slice(0, 16)}…</code>：
              {d.hashCheck.matches && d.hashCheck.signaturesMatch
                ? "与当前记录一致"
                : a.status === "failed" && d.hashCheck.signaturesMatch
                  ? "验收不合格后小区继续整改，当前记录已变化；签字仍与签字时的内容一致"
                  : "与当前记录不一致（发起后检验批或质量问题有变化）"}
            </p>
          ) : null}
        </section>
      ) : null}

      {a ? (
        <SupervisionPanel
          acceptanceId={a.id}
          organiser={d.organiser}
          supervision={d.supervision}
          canSupervise={d.canSupervise}
          busy={busy}
        />
      ) : null}

      {d.canSign && a ? (
        <Form method="post" className="panel form-stack sign-form">
          <h2>签字确认</h2>
          <p className="muted">请在框内手写签名，并输入您的登录密码确认。签字后不可更改。</p>
          <input type="hidden" name="intent" value="sign" />
          <input type="hidden" name="acceptanceId" value={a.id} />
          <SignaturePad name="signature" />
          <label>
            意见
            <input name="opinion" defaultValue="同意验收" maxLength={200} />
          </label>
          <label>
            密码
            <input name="password" type="password" autoComplete="current-password" required />
          </label>
          <NeedsNetwork what="签字" online={online} />
          <button type="submit" className="button button-primary" disabled={busy || !online}>
            签字确认
          </button>
        </Form>
      ) : null}

      {d.canVoid && a ? (
        <Form method="post" className="panel form-stack">
          <h2>作废本次验收</h2>
          <input type="hidden" name="intent" value="void" />
          <input type="hidden" name="acceptanceId" value={a.id} />
          <label>
            作废原因
            <input name="reason" required maxLength={500} />
          </label>
          <button type="submit" className="button button-danger" disabled={busy}>
            作废
          </button>
        </Form>
      ) : null}

      {d.canOpen ? (
        <Form method="post" className="panel form-stack open-form">
          <h2>发起竣工验收</h2>
          <input type="hidden" name="intent" value="open" />
          {d.seats.map((s) => (
            <label key={s.seq}>
              {s.party}（{s.organizationName}）签字人
              <select name={`seat-${s.seq}`} defaultValue={s.people[0]?.id ?? ""} required>
                {s.people.length === 0 ? <option value="">无可签字的账号</option> : null}
                {s.people.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.displayName}（{p.title}）
                  </option>
                ))}
              </select>
            </label>
          ))}
          <fieldset className="conclusion">
            <legend>验收结论</legend>
            <label className="check">
              <input type="radio" name="conclusion" value="pass" defaultChecked /> 合格
            </label>
            <label className="check">
              <input type="radio" name="conclusion" value="fail" /> 不合格
            </label>
          </fieldset>
          <label>
            综合验收意见
            <textarea
              name="remarks"
              rows={3}
              maxLength={2000}
              defaultValue="工程质量符合设计及规范要求，同意验收。"
            />
          </label>
          <button type="submit" className="button button-primary" disabled={busy}>
            发起竣工验收
          </button>
        </Form>
      ) : null}
    </>
  );
}
