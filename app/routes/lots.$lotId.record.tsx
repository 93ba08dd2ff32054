import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { db } from "~/infra/db.server";
import { notFound, requireUser } from "~/modules/auth/require-user.server";
import { lotDrawingRefs } from "~/modules/drawing/lot-refs.server";
import { getLot, signatureStatus } from "~/modules/lot/lots.server";
import { lotRecordView, RESULT_ZH } from "~/modules/lot/record-view";
import { formatDate } from "~/modules/site/labels";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `检验批质量验收记录 ${data?.lot.number ?? ""}` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, scope } = await requireUser(request, "lot.view");
  const detail = await getLot(db(), params.lotId ?? "", user, scope);
  if (!detail) notFound("检验批");
  return {
    ...lotRecordView(detail),
    drawings: await lotDrawingRefs(db(), detail.lot.id),
    signature: await signatureStatus(db(), detail),
  };
}

export default function LotRecord() {
  const { lot, standards, verdict, rows, drawings, signature } = useLoaderData<typeof loader>();
  return (
    <main className="record">
      <p className="record-tools">
        <Link className="button" to={`/lots/${lot.id}`}>
          返回检验批
        </Link>
        <button className="button" type="button" onClick={() => window.print()}>
          打印
        </button>
        <a className="button" href={`/reports/lots/${lot.id}/record.pdf`} download>
          下载 PDF
        </a>
      </p>
      <h1>检验批质量验收记录</h1>
      {signature && !signature.matches ? (
        <p className="record-tamper" role="alert">
          注意：本记录的当前内容与验收签认时的内容不一致（签认哈希 {signature.signed?.slice(0, 16)}
          …，现在 {signature.current.slice(0, 16)}…），签认不再覆盖当前内容。
        </p>
      ) : null}
      <p className="record-no">
        编号：{lot.number}　状态：{lot.status}
      </p>
      <table className="record-table record-head">
        <tbody>
          <tr>
            <th>单位（子单位）工程名称</th>
            <td>{lot.compound}</td>
            <th>分部（子分部）/ 分项工程</th>
            <td>{lot.division}</td>
          </tr>
          <tr>
            <th>施工单位</th>
            <td>{lot.contractor}</td>
            <th>检验批容量</th>
            <td>{lot.capacity}</td>
          </tr>
          <tr>
            <th>依据图纸</th>
            <td colSpan={3} data-testid="record-drawings">
              {drawings.length === 0
                ? "—"
                : drawings.map((d, i) => (
                    <span key={d.revisionId}>
                      {i > 0 ? "；" : ""}
                      {d.number} {d.title}（{d.revision} 版，出图 {formatDate(d.issuedOn)}，图像
                      SHA-256 {d.imageSha256.slice(0, 12)}…）
                      {d.acknowledgedAt
                        ? `，已有新版次 ${d.newer?.revision ?? ""}，${d.acknowledgedBy ?? ""}确认`
                        : ""}
                    </span>
                  ))}
            </td>
          </tr>
          <tr>
            <th>检验批部位</th>
            <td>{lot.place}</td>
            <th>验收依据</th>
            <td>
              {standards.join("、")}（检查表第 {lot.templateVersion} 版）
            </td>
          </tr>
        </tbody>
      </table>
      <table className="record-table record-items">
        <thead>
          <tr>
            <th colSpan={2}>验收项目</th>
            <th>设计要求及规范规定</th>
            <th>最小/实际抽样数量</th>
            <th>检查记录</th>
            <th>检查结果</th>
          </tr>
        </thead>
        <tbody>
          {(["main", "general"] as const).map((kind) =>
            rows
              .filter((r) => r.kind === kind)
              .map((r, i, all) => (
                <tr
                  key={r.id}
                  data-code={r.code}
                  className={r.status === "fail" ? "row-fail" : undefined}
                >
                  {i === 0 ? (
                    <th rowSpan={all.length} className="record-kind">
                      {kind === "main" ? "主控项目" : "一般项目"}
                    </th>
                  ) : null}
                  <td>
                    {r.seq}. {r.text}
                  </td>
                  <td>{r.requirement}</td>
                  <td>
                    {r.required ?? "—"} / {r.points.length || "—"}
                  </td>
                  <td>
                    {r.record}
                    {r.status === "fail" ? (
                      <div className="record-reason">{r.reasons.join("；")}</div>
                    ) : null}
                  </td>
                  <td>{RESULT_ZH[r.status]}</td>
                </tr>
              )),
          )}
        </tbody>
      </table>
      <table className="record-table record-sign">
        <tbody>
          <tr>
            <th>施工单位检查结果</th>
            <td>
              <p>
                {lot.submittedBy
                  ? `自检完成，${lot.recordsComplete ? "施工操作依据、质量验收记录齐全" : "资料不全"}。${lot.selfCheckNote ?? ""}`
                  : "尚未提交自检"}
              </p>
              <p className="sign-line">
                项目专业质量检查员：{lot.submittedBy?.displayName ?? "　　　　"}　日期：
                {lot.submittedAt ? formatDate(lot.submittedAt) : "　　　　"}
              </p>
            </td>
          </tr>
          <tr>
            <th>监理单位验收结论</th>
            <td>
              <p>{lot.accepted ? "合格，同意验收。" : `尚未验收。当前结论：${verdict.summary}`}</p>
              <p className="sign-line">
                专业监理工程师：{lot.accepted ? lot.acceptedBy?.displayName : "　　　　"}　日期：
                {lot.accepted && lot.acceptedAt ? formatDate(lot.acceptedAt) : "　　　　"}
              </p>
            </td>
          </tr>
        </tbody>
      </table>
    </main>
  );
}
