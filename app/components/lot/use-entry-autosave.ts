import { useEffect, useRef, useState } from "react";
import type { EntryInput } from "~/modules/lot/entry-types";
import { useOnline, useOutbox } from "~/modules/offline/hooks";
import { withOutbox } from "~/modules/offline/outbox.lazy";

export type SaveState = "saved" | "saving" | "dirty" | "queued" | "error";

/**
 * Autosave for one item through the outbox (app/modules/offline): every change becomes a command
 * in IndexedDB, sent at once when online and in order once the network returns; a note is queued
 * after a pause in typing, or at once when the page is hidden.
 */
export function useEntryAutosave(target: {
  lotId: string;
  lotLabel: string;
  itemId: string;
  itemCode: string;
  baseVersion: string;
  itemVersion: number;
}) {
  const { lotId, itemId } = target;
  const commands = useOutbox(lotId);
  const online = useOnline();
  const later = useRef<EntryInput | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const targetRef = useRef(target);
  targetRef.current = target;
  const [queueFailed, setQueueFailed] = useState(false);

  const queue = (entry: EntryInput) => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    later.current = null;
    const { lotId, lotLabel, itemId, itemCode, baseVersion, itemVersion } = targetRef.current;
    withOutbox((outbox) =>
      outbox.enqueueEntry({ lotId, lotLabel, itemId, itemCode, baseVersion, itemVersion, entry }),
    ).then(
      () => setQueueFailed(false),
      () => setQueueFailed(true),
    );
  };
  const queueRef = useRef(queue);
  queueRef.current = queue;

  useEffect(() => {
    const flush = () => {
      if (later.current) queueRef.current(later.current);
    };
    window.addEventListener("pagehide", flush);
    const onHidden = () => document.visibilityState === "hidden" && flush();
    document.addEventListener("visibilitychange", onHidden);
    return () => {
      window.removeEventListener("pagehide", flush);
      document.removeEventListener("visibilitychange", onHidden);
    };
  }, []);

  const [typing, setTyping] = useState(false);
  const save = (entry: EntryInput, mode: "now" | "later") => {
    if (mode === "now") {
      setTyping(false);
      queue(entry);
      return;
    }
    later.current = entry;
    setTyping(true);
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      setTyping(false);
      if (later.current) queue(later.current);
    }, 600);
  };
  const mine = (commands ?? []).filter((c) => c.itemId === itemId);
  const state: SaveState =
    queueFailed || mine.some((c) => c.status === "refused")
      ? "error"
      : mine.length > 0
        ? online
          ? "saving"
          : "queued"
        : typing
          ? "dirty"
          : "saved";
  return { save, state };
}
