import { Form, Link } from "@remix-run/react";
import { formatDate, formatDateTime } from "~/modules/site/labels";

type Ref = {
  revisionId: string;
  number: string;
  title: string;
  revision: string;
  status: string;
  issuedOn: string | Date;
  newer: { id: string; revision: string } | null;
  acknowledgedAt: string | Date | null;
  acknowledgedBy: string | null;
  needsAcknowledgement: boolean;
};

/** 依据图纸: the sheet revisions a lot is checked against, and the newer-revision warning. */
export function LotDrawings({
  refs,
  options,
  canEdit,
  canAcknowledge,
  compoundId,
  busy,
}: {
  refs: Ref[];
  options: { id: string; revision: string; sheet: { number: string; title: string } }[];
  canEdit: boolean;
  canAcknowledge: boolean;
  compoundId: string;
  busy: boolean;
}) {
  if (refs.length === 0 && !canEdit) return null;
  return (
    <section className="panel drawing-refs" data-testid="lot-drawings">
      <h2>依据图纸</h2>
      {refs.length === 0 ? (
        <p className="muted">
          尚未选择本检验批依据的图纸。<Link to={`/compounds/${compoundId}/drawings`}>图纸目录</Link>
        </p>
      ) : (
        <ul className="card-list">
          {refs.map((r) => (
            <li key={r.revisionId} className="card">
              <div>
                <Link to={`/drawings/${r.revisionId}`}>
                  {r.number} {r.title} · {r.revision} 版
                </Link>{" "}
                <small className="muted">出图 {formatDate(r.issuedOn)}</small>
                {r.status === "superseded" ? (
                  <span className="badge revision-superseded"> 已作废</span>
                ) : null}
              </div>
              {r.newer && r.needsAcknowledgement ? (
                <p className="alert warning" role="alert">
                  该图纸已有新版次 <Link to={`/drawings/${r.newer.id}`}>{r.newer.revision} 版</Link>
                  ，本检验批依据的是 {r.revision} 版。须监理工程师确认后才能验收签认。
                </p>
              ) : null}
              {r.acknowledgedAt ? (
                <p className="muted">
                  新版次已由 {r.acknowledgedBy} 于 {formatDateTime(r.acknowledgedAt)} 确认
                </p>
              ) : null}
              <div className="workflow-buttons">
                {r.needsAcknowledgement && canAcknowledge ? (
                  <Form method="post">
                    <input type="hidden" name="revisionId" value={r.revisionId} />
                    <button
                      type="submit"
                      name="intent"
                      value="drawing-ack"
                      className="button button-primary"
                      disabled={busy}
                    >
                      确认版次变更
                    </button>
                  </Form>
                ) : null}
                {canEdit ? (
                  <Form method="post">
                    <input type="hidden" name="revisionId" value={r.revisionId} />
                    <button
                      type="submit"
                      name="intent"
                      value="drawing-remove"
                      className="button"
                      disabled={busy}
                    >
                      移除
                    </button>
                  </Form>
                ) : null}
              </div>
            </li>
          ))}
        </ul>
      )}
      {canEdit && options.length > 0 ? (
        <Form method="post" className="form-row">
          <label>
            添加图纸（现行版次）
            <select name="revisionId" defaultValue="" required>
              <option value="" disabled>
                选择图纸
              </option>
              {options.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.sheet.number} {o.sheet.title} · {o.revision} 版
                </option>
              ))}
            </select>
          </label>
          <button
            type="submit"
            name="intent"
            value="drawing-add"
            className="button"
            disabled={busy}
          >
            添加
          </button>
        </Form>
      ) : null}
    </section>
  );
}
