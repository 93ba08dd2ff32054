import { Form } from "@remix-run/react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { LotSignForm } from "~/components/lot-sign-form";
import { NeedsNetwork } from "~/components/needs-network";
import { CommandKeyField } from "~/components/offline/command-key-field";
import type { LotAction } from "~/modules/lot/workflow";
import { useOutbox, useRevalidateWhenSent } from "~/modules/offline/hooks";

type Step = "submit" | "accept";

/**
 * 流程: submit (施工自检) and accept (验收签认) open the sign form; return and reopen post with a
 * reason (offline, queued in the outbox). Signing needs the network, so those buttons wait for it.
 */
export function LotWorkflowPanel({
  actions,
  canAccept,
  verdictSummary,
  selfCheckNote,
  signerIsSupervisor,
  lotId,
  lotState,
  lotLabel,
  online,
  busy,
  acceptConclusion,
}: {
  actions: LotAction[];
  canAccept: boolean;
  /** The 验收结论 to start from (a §5.0.6 route's clause), else the catalogue's default. */
  acceptConclusion?: string;
  verdictSummary: string;
  selfCheckNote: string | null;
  signerIsSupervisor: boolean;
  lotId: string;
  /** The state (transition-base.ts) and label a 退回 queued offline is recorded against. */
  lotState: string;
  lotLabel: string;
  online: boolean;
  busy: boolean;
}) {
  const { t } = useTranslation("lot");
  const [signing, setSigning] = useState<Step | null>(null);
  // A 退回 / 撤销验收 kept on the tablet: shown until sent, then the page reloads its state.
  const queued = (useOutbox(lotId) ?? []).flatMap((c) =>
    c.kind === "transition" && c.status === "pending" ? [c] : [],
  );
  useRevalidateWhenSent(queued.length);
  if (actions.length === 0) return null;
  const has = (a: LotAction) => actions.includes(a);
  return (
    <section className="panel workflow">
      <h2>{t("flow.title")}</h2>
      {has("accept") || has("submit") ? (
        <NeedsNetwork what={has("accept") ? t("flow.accept") : t("flow.submit")} online={online} />
      ) : null}
      {queued.map((c) => (
        <p key={c.id} className="alert" data-testid="queued-transition">
          {t("flow.queued", { action: t(`commands.action.${c.action}`), reason: c.reason })}
        </p>
      ))}
      <Form method="post" className="workflow-form">
        <input type="hidden" name="baseVersion" value={lotState} />
        <input type="hidden" name="lotLabel" value={lotLabel} />
        <CommandKeyField />
        {has("reject") || has("reopen") ? (
          <textarea
            name="reason"
            rows={2}
            maxLength={2000}
            placeholder={t("flow.reason")}
            disabled={queued.length > 0}
            aria-label={t("flow.reasonLabel")}
          />
        ) : null}
        <div className="workflow-buttons">
          {has("submit") ? (
            <button
              type="button"
              className="button button-primary"
              aria-expanded={signing === "submit"}
              onClick={() => setSigning("submit")}
              disabled={busy || !online}
            >
              {t("flow.submit")}
            </button>
          ) : null}
          {has("accept") ? (
            <button
              type="button"
              className="button button-primary"
              aria-expanded={signing === "accept"}
              onClick={() => setSigning("accept")}
              disabled={busy || !online || !canAccept}
              title={canAccept ? undefined : verdictSummary}
            >
              {t("flow.accept")}
            </button>
          ) : null}
          {has("reject") ? (
            <button
              type="submit"
              className="button button-danger"
              name="intent"
              value="reject"
              disabled={busy || queued.length > 0}
            >
              {t("flow.reject")}
            </button>
          ) : null}
          {has("reopen") ? (
            <button
              type="submit"
              className="button button-danger"
              name="intent"
              value="reopen"
              disabled={busy || queued.length > 0}
            >
              {t("flow.reopen")}
            </button>
          ) : null}
        </div>
        {has("accept") && !canAccept ? (
          <p className="muted accept-blocked">{t("flow.blocked", { summary: verdictSummary })}</p>
        ) : null}
      </Form>
      {signing && has(signing) ? (
        <LotSignForm
          key={signing}
          step={signing}
          defaultConclusion={
            signing === "submit"
              ? (selfCheckNote ?? t("sign.defaultSelfcheck"))
              : (acceptConclusion ?? t("sign.defaultAccept"))
          }
          signerTitle={signerIsSupervisor ? t("sign.supervisorTitle") : t("sign.inspectorTitle")}
          busy={busy}
          onCancel={() => setSigning(null)}
        />
      ) : null}
    </section>
  );
}
