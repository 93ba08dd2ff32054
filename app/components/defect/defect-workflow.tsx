import { getFormProps, getTextareaProps, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FieldErrors, FormErrors, useSchemaForm } from "~/components/form";
import { CommandKeyField } from "~/components/offline/command-key-field";
import { transitionSchema } from "~/modules/defect/forms";
import type { DefectAction } from "~/modules/defect/workflow";
import { useOutbox, useRevalidateWhenSent } from "~/modules/offline/hooks";
import { defectSubject } from "~/modules/offline/outbox-commands";

/**
 * The rectification buttons the viewer may press now, with the comment they take: the
 * transition schema checks it in the browser and in the action; a missing comment shows beside
 * the box, other refusals above the buttons. A plain post without JavaScript. Without signal the
 * action waits in the outbox (shown here, the buttons held) and the page reloads once it is sent.
 */
export function DefectWorkflow({
  defect,
  actions,
  unreplied,
  busy,
  lastResult,
}: {
  /** `base`: the state a transition queued offline is recorded against (defect-base.ts) */
  defect: { id: string; number: string; title: string; base: string };
  actions: DefectAction[];
  unreplied: number;
  busy: boolean;
  lastResult: SubmissionResult<string[]> | undefined;
}) {
  const { t } = useTranslation("defect");
  const [form, fields] = useSchemaForm(transitionSchema(t), { id: "defect-workflow", lastResult });
  const commands = (useOutbox(defectSubject(defect.id)) ?? []).filter(
    (c) => c.status === "pending",
  );
  const queued = commands.flatMap((c) => (c.kind === "defectTransition" ? [c] : []));
  useRevalidateWhenSent(queued.length);
  // 整改后 photos still on the tablet go before a reply made now: the reply counts them.
  const replyPhotos =
    unreplied + commands.filter((c) => c.kind === "photo" && c.role === "after").length;
  const replying = actions.includes("reply");
  const needsComment = replying || actions.includes("return");
  return (
    <section className="panel workflow">
      <h2>{t("workflow.title")}</h2>
      {replying ? (
        <p className={replyPhotos > 0 ? "muted" : "alert"} data-testid="reply-photos">
          {replyPhotos > 0
            ? t("workflow.replyPhotos", { count: replyPhotos })
            : t("workflow.photosFirst")}
        </p>
      ) : null}
      {queued.map((c) => (
        <p key={c.id} className="alert" data-testid="queued-transition">
          {c.comment
            ? t("workflow.waitingComment", { action: c.actionLabel, comment: c.comment })
            : t("workflow.waiting", { action: c.actionLabel })}
        </p>
      ))}
      <Form method="post" className="workflow-form" {...getFormProps(form)}>
        <FormErrors form={form as never} />
        <input type="hidden" name="baseVersion" value={defect.base} />
        <CommandKeyField />
        <input type="hidden" name="defectLabel" value={`${defect.number} ${defect.title}`} />
        <input type="hidden" name="unreplied" value={replyPhotos} />
        {actions.map((a) => (
          <input key={a} type="hidden" name={`label-${a}`} value={t(`action.${a}`)} />
        ))}
        {needsComment ? (
          <>
            <textarea
              {...getTextareaProps(fields.comment)}
              rows={3}
              disabled={queued.length > 0}
              aria-label={replying ? t("workflow.replyLabel") : t("workflow.reviewLabel")}
              placeholder={
                replying ? t("workflow.replyPlaceholder") : t("workflow.reviewPlaceholder")
              }
            />
            <FieldErrors meta={fields.comment as never} />
          </>
        ) : null}
        <div className="workflow-buttons">
          {actions.map((a) => (
            <button
              key={a}
              type="submit"
              name={fields.intent.name}
              value={a}
              className={a === "return" ? "button" : "button button-primary"}
              disabled={busy || queued.length > 0}
            >
              {t(`action.${a}`)}
            </button>
          ))}
        </div>
      </Form>
    </section>
  );
}
