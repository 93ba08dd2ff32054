import { useRevalidator } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
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

type Shared = { value: OutboxCommand[] | null; subs: Set<() => void>; stop: (() => void) | null };
/** One read of the outbox per list (all, or one lot's), however many parts of the page show it. */
const shared = new Map<string, Shared>();

function sharedList(lotId: string | undefined): Shared {
  const key = lotId ?? "";
  let entry = shared.get(key);
  if (entry) return entry;
  const created: Shared = { value: null, subs: new Set(), stop: null };
  shared.set(key, created);
  const set = (list: OutboxCommand[]) => {
    created.value = list;
    for (const fn of created.subs) fn();
  };
  void withOutbox((outbox) => {
    const load = () =>
      void outbox
        .listCommands(lotId)
        .then(set)
        .catch(() => set([]));
    load();
    created.stop = outbox.subscribe(load);
  }).catch(() => set([]));
  entry = created;
  return entry;
}

/** The signed-in user's outbox (all lots, or one), kept current; null until read. */
export function useOutbox(lotId?: string): OutboxCommand[] | null {
  const [commands, setCommands] = useState<OutboxCommand[] | null>(null);
  useEffect(() => {
    const list = sharedList(lotId);
    const update = () => setCommands(list.value);
    list.subs.add(update);
    update();
    return () => {
      list.subs.delete(update);
      if (list.subs.size > 0) return;
      list.stop?.();
      shared.delete(lotId ?? "");
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
        for (const c of list)
          if (c.kind === "entry" && c.status === "pending") latest[c.itemId] = c.entry;
        if (live) setEntries(latest);
      })
      .catch(() => live && setEntries({}));
    return () => {
      live = false;
    };
  }, [lotId]);
  return entries;
}

/** The client id of the command being sent now (a photo shows 上传中), kept current. */
export function useSendingCommand(): string | null {
  const [sending, setSending] = useState<string | null>(null);
  useEffect(() => {
    let stop: (() => void) | null = null;
    let live = true;
    void withOutbox((outbox) => {
      if (!live) return;
      const update = () => setSending(outbox.sendingCommand());
      update();
      stop = outbox.subscribe(update);
    });
    return () => {
      live = false;
      stop?.();
    };
  }, []);
  return sending;
}

/**
 * Reloads the page's data when fewer of its queued commands wait than before (they arrived), so
 * what the server stored (a photo, a defect) replaces what the tablet showed as waiting.
 */
export function useRevalidateWhenSent(waiting: number) {
  const revalidator = useRevalidator();
  const last = useRef(waiting);
  useEffect(() => {
    if (waiting < last.current && navigator.onLine !== false) revalidator.revalidate();
    last.current = waiting;
  }, [waiting, revalidator]);
}

/**
 * Whether the page's data moved on (`version` changed) since `answer` arrived: the line saying a
 * step was kept on the tablet ("已存入本机…") is then out of date (it was sent, or refused and
 * kept under 冲突, which the sync indicator says), and the page stops showing it.
 */
export function useOutdatedSince(answer: unknown, version: string): boolean {
  const seen = useRef<{ answer: unknown; version: string } | null>(null);
  if (seen.current === null || seen.current.answer !== answer) seen.current = { answer, version };
  return answer != null && seen.current.version !== version;
}
