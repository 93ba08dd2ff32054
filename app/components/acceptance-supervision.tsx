import { Form } from "@remix-run/react";
import { SUPERVISION_MAX } from "~/modules/acceptance/parties";

type Supervision = {
  record: string;
  filedAt: string;
  signer: string;
  title: string;
  organization: string;
} | null;

/** The 质监站's 监督记录 of a 竣工验收: shown once filed, else the form for the station. */
export function SupervisionPanel({
  acceptanceId,
  organiser,
  supervision,
  canSupervise,
  busy,
}: {
  acceptanceId: string;
  organiser: string;
  supervision: Supervision;
  canSupervise: boolean;
  busy: boolean;
}) {
  return (
    <section className="panel supervision" data-testid="supervision">
      <h2>质量安全监督站 监督记录</h2>
      <p className="muted">
        竣工验收由建设单位（{organiser}）组织；质监站到场监督，不占参建单位签字席位。
      </p>
      {supervision ? (
        <>
          <p className="supervision-record">{supervision.record}</p>
          <p className="muted">
            监督人：{supervision.signer}（{supervision.title}，{supervision.organization}） ·{" "}
            {supervision.filedAt}
          </p>
        </>
      ) : canSupervise ? (
        <Form method="post" className="form-stack">
          <input type="hidden" name="intent" value="supervise" />
          <input type="hidden" name="acceptanceId" value={acceptanceId} />
          <label>
            监督记录
            <textarea
              name="record"
              rows={4}
              maxLength={SUPERVISION_MAX}
              required
              defaultValue="验收组织形式、程序符合规定，参建各方责任主体项目负责人到场签字。"
            />
          </label>
          <button type="submit" className="button button-primary" disabled={busy}>
            保存监督记录
          </button>
        </Form>
      ) : (
        <p className="muted">尚未填写监督记录。</p>
      )}
    </section>
  );
}
