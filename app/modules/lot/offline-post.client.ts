import { withOutbox } from "~/modules/offline/outbox.lazy";

/** What the lot page says when a post met no network: codes, worded by the page. */
export type OfflinePostAnswer = {
  ok: boolean;
  offlinePost: "queued" | "notSaved" | "reasonMissing";
  action?: "reject" | "reopen";
};

const queueable = (intent: string): intent is "reject" | "reopen" =>
  intent === "reject" || intent === "reopen";

/**
 * The lot page's posts from the browser (its clientAction). A supervisor's 退回 / 撤销验收 made
 * without signal, or while this lot's records still wait in the outbox (the order stays the order
 * recorded), goes to the outbox as a command and is sent when the network returns (issue 17).
 * Any other post that finds no network says it was not saved, instead of replacing the page with
 * an error. Signing is not queued: it needs the server (its buttons wait for the network).
 */
export async function lotPagePost<T>(
  request: Request,
  lotId: string,
  serverAction: () => Promise<T>,
): Promise<T | OfflinePostAnswer> {
  const form = await request.clone().formData();
  const intent = String(form.get("intent") ?? "");
  // Sent and its answer lost, the tap is queued with the post's own key: if the server applied
  // it, the replay is answered as done (not 冲突); if not, it applies then.
  const queue = async (action: "reject" | "reopen", key?: string): Promise<OfflinePostAnswer> => {
    const reason = String(form.get("reason") ?? "").trim();
    if (!reason) return { ok: false, offlinePost: "reasonMissing", action };
    await withOutbox((outbox) =>
      outbox.enqueueTransition({
        lotId,
        lotLabel: String(form.get("lotLabel") ?? ""),
        baseVersion: String(form.get("baseVersion") ?? ""),
        action,
        reason,
        key,
      }),
    );
    return { ok: true, offlinePost: "queued", action };
  };
  if (queueable(intent)) {
    const behind =
      navigator.onLine === false ||
      (await withOutbox(async (outbox) =>
        (await outbox.listCommands(lotId)).some((c) => c.status === "pending"),
      ));
    if (behind) return queue(intent);
  }
  try {
    return await serverAction();
  } catch (error) {
    // fetch's own failure (no network, the connection dropped): the post may or may not have
    // reached the server; its key (commandKey) tells the server when the queued tap arrives.
    if (!(error instanceof TypeError)) throw error;
    return queueable(intent)
      ? queue(intent, String(form.get("commandKey") ?? "") || undefined)
      : { ok: false, offlinePost: "notSaved" };
  }
}
