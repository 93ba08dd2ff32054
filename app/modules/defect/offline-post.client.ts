import { withOutbox } from "~/modules/offline/outbox.lazy";
import { defectSubject } from "~/modules/offline/outbox-commands";
import { isDefectAction } from "./workflow";

/** What the defect page says when a post met no network: codes, worded by the page. */
export type DefectOfflineAnswer = {
  ok: boolean;
  offlinePost: "queued" | "commentMissing" | "photosFirst";
  action?: string;
};

/**
 * The defect page's posts from the browser (its clientAction). A transition (确认整改, 整改回复,
 * 复查关闭, 退回) made without signal, or while this defect's earlier one still waits in the outbox,
 * goes to the outbox and is sent when the network returns (issue 17); the server then applies it
 * only to the defect as the page showed it, instead of the page being replaced with an error.
 */
export async function defectPagePost<T>(
  request: Request,
  defectId: string,
  serverAction: () => Promise<T>,
): Promise<T | DefectOfflineAnswer> {
  const form = await request.clone().formData();
  const intent = String(form.get("intent") ?? "");
  if (!isDefectAction(intent)) return serverAction();
  // Sent and its answer lost, the tap is queued with the post's own key: if the server applied
  // it, the replay is answered as done (not 冲突); if not, it applies then.
  const queue = async (key?: string): Promise<DefectOfflineAnswer> => {
    const comment = String(form.get("comment") ?? "").trim();
    // The page's own checks, made here as the server would make them later.
    if (!comment && (intent === "reply" || intent === "return"))
      return { ok: false, offlinePost: "commentMissing", action: intent };
    if (intent === "reply" && Number(form.get("unreplied") ?? 0) < 1)
      return { ok: false, offlinePost: "photosFirst", action: intent };
    await withOutbox((outbox) =>
      outbox.enqueueDefectTransition({
        defectId,
        lotLabel: String(form.get("defectLabel") ?? ""),
        baseVersion: String(form.get("baseVersion") ?? ""),
        action: intent,
        actionLabel: String(form.get(`label-${intent}`) ?? intent),
        comment,
        key,
      }),
    );
    return { ok: true, offlinePost: "queued", action: String(form.get(`label-${intent}`) ?? "") };
  };
  const behind =
    navigator.onLine === false ||
    (await withOutbox(async (outbox) =>
      (await outbox.listCommands(defectSubject(defectId))).some((c) => c.status === "pending"),
    ));
  if (behind) return queue();
  try {
    return await serverAction();
  } catch (error) {
    // fetch's own failure (no network, the connection dropped): the post may or may not have
    // reached the server; its key (commandKey) tells the server when the queued tap arrives.
    if (!(error instanceof TypeError)) throw error;
    return queue(String(form.get("commandKey") ?? "") || undefined);
  }
}
