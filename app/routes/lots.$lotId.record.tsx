import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { notFound, requireUser } from "~/modules/auth/require-user.server";
import { lotRecordPage } from "~/modules/lot/record-page.server";
import { type LotRecordView, RESULT_ZH } from "~/modules/lot/record-view";
import { formatEntered } from "~/modules/lot/verdict";
import { formatDate } from "~/modules/site/labels";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `检验批质量验收记录 ${data?.lot.number ?? ""}` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, scope, db } = await requireUser(request, "lot.view");
  const page = await lotRecordPage(db, user, scope, params.lotId ?? "");
  if (!page) notFound("lot");
  return page;
}

export default function LotRecord() {
  const { lot, standards, verdict, rows, drawings, signature, parties, images } =
    useLoaderData<typeof loader>();
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
        编号：<span data-testid="record-appendix-b">{lot.appendixB}</span>　系统编号：{lot.number}
        　状态：{lot.status}
      </p>
      <table className="record-table record-head">
        <colgroup>
          <col style={{ width: "18%" }} />
          <col style={{ width: "32%" }} />
          <col style={{ width: "18%" }} />
          <col style={{ width: "32%" }} />
        </colgroup>
        <tbody>
          <tr>
            <th>单位（子单位）工程名称</th>
            <td>{lot.compound}</td>
            <th>分部（子分部）工程名称</th>
            <td data-testid="record-division">
              {lot.division}（{lot.subDivision}）
            </td>
          </tr>
          <tr>
            <th>分项工程名称</th>
            <td data-testid="record-subitem">{lot.subItem}</td>
            <th>检验批容量</th>
            <td>{lot.capacity}</td>
          </tr>
          <tr>
            <th>施工单位</th>
            <td>{lot.contractor}</td>
            <th>项目负责人</th>
            <td data-testid="record-pm">{parties.projectManager ?? "未填写"}</td>
          </tr>
          <tr>
            <th>分包单位</th>
            <td>{parties.subcontractorName ?? "无"}</td>
            <th>分包单位项目负责人</th>
            <td>{parties.subcontractorName ? (parties.subcontractorManager ?? "未填写") : "—"}</td>
          </tr>
          <tr>
            <th>检验批部位</th>
            <td data-testid="record-place">{lot.place}</td>
            <th>检查表版本</th>
            <td>第 {lot.templateVersion} 版</td>
          </tr>
          <tr>
            <th>施工依据</th>
            <td colSpan={3} data-testid="record-drawings">
              {drawings.length === 0
                ? "设计文件（未关联图纸）"
                : drawings.map((d) => d.text).join("；")}
            </td>
          </tr>
          <tr>
            <th>验收依据</th>
            <td colSpan={3} data-testid="record-standards">
              {standards.join("、")}
            </td>
          </tr>
        </tbody>
      </table>
      <table className="record-table record-items">
        <colgroup>
          <col style={{ width: "5%" }} />
          <col style={{ width: "22%" }} />
          <col style={{ width: "11%" }} />
          <col style={{ width: "19%" }} />
          <col style={{ width: "9%" }} />
          <col style={{ width: "24%" }} />
          <col style={{ width: "10%" }} />
        </colgroup>
        <thead>
          <tr>
            <th colSpan={2}>验收项目</th>
            <th>条款</th>
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
                  <td className="record-clause">{r.clause}</td>
                  <td>{r.requirement}</td>
                  <td>
                    {r.required ?? "全数"} /{" "}
                    {r.livePoints || (r.status === "incomplete" ? "—" : "全数")}
                  </td>
                  <td>
                    <CheckRecord row={r} />
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
        <colgroup>
          <col style={{ width: "18%" }} />
          <col style={{ width: "82%" }} />
        </colgroup>
        <tbody>
          <tr>
            <th>施工单位检查结果</th>
            <td>
              <p data-testid="record-selfcheck">
                {lot.selfCheck
                  ? lot.selfCheck.conclusion
                  : lot.submittedBy
                    ? `自检完成，${lot.recordsComplete ? "施工操作依据、质量验收记录齐全" : "资料不全"}。${lot.selfCheckNote ?? ""}`
                    : "尚未提交自检"}
              </p>
              <p className="sign-line">
                专业工长：{lot.foreman ?? "　　　　"}　项目专业质量检查员：
                {lot.selfCheck?.name ?? lot.submittedBy?.displayName ?? "　　　　"}
                {images.selfcheck ? (
                  <img className="record-sign-img" src={images.selfcheck} alt="施工单位签名" />
                ) : null}
                　日期：{lot.submittedAt ? formatDate(lot.submittedAt) : "　　　　"}
              </p>
            </td>
          </tr>
          <tr>
            <th>监理单位验收结论</th>
            <td>
              <p data-testid="record-conclusion">
                {lot.acceptance
                  ? lot.acceptance.conclusion
                  : lot.accepted
                    ? "合格，同意验收。"
                    : `尚未验收。当前结论：${verdict.summary}`}
              </p>
              <p className="sign-line">
                专业监理工程师：{lot.accepted ? lot.acceptedBy?.displayName : "　　　　"}
                {images.accept ? (
                  <img className="record-sign-img" src={images.accept} alt="监理签名" />
                ) : null}
                　日期：{lot.accepted && lot.acceptedAt ? formatDate(lot.acceptedAt) : "　　　　"}
              </p>
            </td>
          </tr>
        </tbody>
      </table>
    </main>
  );
}

/** 检查记录 with corrected values struck through before the value that counts. */
function CheckRecord({ row }: { row: LotRecordView["rows"][number] }) {
  if (row.points.length === 0) return <>{row.record}</>;
  return (
    <>
      实测{" "}
      {row.points.map((v, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: points are positional
        <span key={i} className="record-point">
          {i > 0 ? "、" : ""}
          {(row.pointWas[i] ?? []).map((w, k) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a point's history is positional
            <s key={k}>{formatEntered(w.value, row.unit, w.text)}</s>
          ))}
          {row.pointRemoved[i] ? (
            <s>{formatEntered(v, row.unit, row.pointTexts[i])}</s>
          ) : (
            formatEntered(v, row.unit, row.pointTexts[i])
          )}
          {row.pointRemoved[i] ? "（已作废）" : row.pointOk[i] === false ? "✗" : ""}
        </span>
      ))}
      {row.kind === "general" && row.passRate !== null
        ? `；合格率 ${Math.round(row.passRate * 1000) / 10}%`
        : ""}
      {row.note ? `；${row.note}` : ""}
    </>
  );
}
