import { useEffect, useState } from "react";
import type { EntryInput } from "~/modules/lot/entry-types";
import type { OutboxCommand } from "./outbox.client";
import { withOutbox } from "./outbox.lazy";

/** Whether the browser says it is online (true on the server and before hydration). */
export function useOnline(): boolean {
  const [online, setOnline] = useState(true);
  useEffect(() => {
    const update = () => setOnline(navigator.onLine);
    update();
    window.addEventListener("online", update);
    window.addEventListener("offline", update);
    return () => {
      window.removeEventListener("online", update);
      window.removeEventListener("offline", update);
    };
  }, []);
  return online;
}

/** The signed-in user's outbox (all lots, or one), kept current; null until read. */
export function useOutbox(lotId?: string): OutboxCommand[] | null {
  const [commands, setCommands] = useState<OutboxCommand[] | null>(null);
  useEffect(() => {
    let live = true;
    let stop: (() => void) | null = null;
    void withOutbox((outbox) => {
      const load = () =>
        void outbox
          .listCommands(lotId)
          .then((list) => live && setCommands(list))
          .catch(() => live && setCommands([]));
      if (!live) return;
      load();
      stop = outbox.subscribe(load);
    }).catch(() => live && setCommands([]));
    return () => {
      live = false;
      stop?.();
    };
  }, [lotId]);
  return commands;
}

/**
 * The lot's records still waiting in the outbox when the page opened (a reload while offline):
 * the latest pending one per item, shown over the page's own data. Read once per page.
 */
export function usePendingEntries(lotId: string): Record<string, EntryInput> | null {
  const [entries, setEntries] = useState<Record<string, EntryInput> | null>(null);
  useEffect(() => {
    let live = true;
    void withOutbox((outbox) => outbox.listCommands(lotId))
      .then((list) => {
        const latest: Record<string, EntryInput> = {};
        for (const c of list) if (c.status === "pending") latest[c.itemId] = c.entry;
        if (live) setEntries(latest);
      })
      .catch(() => live && setEntries({}));
    return () => {
      live = false;
    };
  }, [lotId]);
  return entries;
}
