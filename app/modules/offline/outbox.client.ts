/**
 * 待上传 (outbox): the tablet's commands in IndexedDB, sent in order when the network is there.
 *
 * Each command carries a client id, an idempotency key (the server keeps a receipt, so a replay is
 * applied once) and the lot state it was recorded against. Sending: one at a time, oldest first,
 * on app open, the `online` event, the page becoming visible, and after each new command; a
 * network or server failure stops the run and retries with back-off (2 s … 60 s). A refusal (the
 * lot was signed or returned meanwhile, a value the server does not accept) keeps the command
 * under 冲突 with its reason until the user copies or discards it: nothing is dropped silently.
 * Commands belong to the user who recorded them; another user's session never sends them.
 */
import { type DBSchema, type IDBPDatabase, openDB } from "idb";
import type { EntryInput } from "~/modules/lot/entry-types";
import { classifyAnswer, retryDelayMs } from "./sync-rules";

export type OutboxCommand = {
  seq?: number;
  /** Client id of the command (shown in lists, used for React keys). */
  id: string;
  /** Idempotency key the server stores with the applied command. */
  key: string;
  userId: string;
  kind: "entry";
  lotId: string;
  lotLabel: string;
  itemId: string;
  itemCode: string;
  /** The lot's state when the value was recorded. */
  baseVersion: string;
  /**
   * The item's version this record was based on (decision 0028): the page's, or the one an
   * earlier command of this item produced. Absent in commands queued before versions existed.
   */
  itemVersion?: number;
  entry: EntryInput;
  createdAt: number;
  status: "pending" | "refused";
  reasonZh?: string;
  attempts: number;
};

export type NewEntryCommand = Pick<
  OutboxCommand,
  "lotId" | "lotLabel" | "itemId" | "itemCode" | "baseVersion" | "entry"
> & { itemVersion: number };

/** Item versions this tab's own applied commands produced, by lot and item. */
const knownVersions = new Map<string, number>();
const itemKey = (c: { lotId: string; itemId: string }) => `${c.lotId}/${c.itemId}`;

interface OutboxSchema extends DBSchema {
  commands: { key: number; value: OutboxCommand; indexes: { byLot: string } };
}

let dbPromise: Promise<IDBPDatabase<OutboxSchema>> | null = null;
function database() {
  dbPromise ??= openDB<OutboxSchema>("yanshou-outbox", 1, {
    upgrade(db) {
      const store = db.createObjectStore("commands", { keyPath: "seq", autoIncrement: true });
      store.createIndex("byLot", "lotId");
    },
  });
  return dbPromise;
}

let currentUser: string | null = null;
const listeners = new Set<() => void>();
/** Commands accepted but not yet written to IndexedDB: a page closing now sends them by beacon. */
const unpersisted = new Map<string, OutboxCommand>();
let channel: BroadcastChannel | null = null;
let retryTimer: ReturnType<typeof setTimeout> | null = null;
let running: Promise<void> | null = null;
let again = false;

function notify(broadcast = true) {
  for (const fn of listeners) fn();
  if (broadcast) channel?.postMessage("changed");
}

/** Calls `fn` whenever the outbox changes (in this tab or another). */
export function subscribe(fn: () => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

/** The signed-in user: only their commands are listed and sent. */
export function setOutboxUser(userId: string | null) {
  currentUser = userId;
  notify(false);
}

export async function listCommands(lotId?: string): Promise<OutboxCommand[]> {
  const db = await database();
  const all = lotId
    ? await db.getAllFromIndex("commands", "byLot", lotId)
    : await db.getAll("commands");
  return all.filter((c) => c.userId === currentUser).sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0));
}

function newId(): string {
  return crypto.randomUUID();
}

/** Queues one item's record; sends it at once when the network allows. */
export async function enqueueEntry(input: NewEntryCommand): Promise<void> {
  if (!currentUser) throw new Error("outbox: no signed-in user");
  const command: OutboxCommand = {
    ...input,
    // The page may predate this tab's own applied changes to the item: build on the newer.
    itemVersion: Math.max(input.itemVersion, knownVersions.get(itemKey(input)) ?? 0),
    id: newId(),
    key: newId(),
    userId: currentUser,
    kind: "entry",
    createdAt: Date.now(),
    status: "pending",
    attempts: 0,
  };
  unpersisted.set(command.id, command);
  try {
    await (await database()).add("commands", command);
  } finally {
    unpersisted.delete(command.id);
  }
  notify();
  void flushOutbox();
}

export async function discardCommand(seq: number): Promise<void> {
  await (await database()).delete("commands", seq);
  notify();
}

function commandBody(command: OutboxCommand): FormData {
  const body = new FormData();
  body.set("kind", command.kind);
  body.set("key", command.key);
  body.set("baseVersion", command.baseVersion);
  if (command.itemVersion !== undefined) body.set("itemVersion", String(command.itemVersion));
  body.set("entry", JSON.stringify(command.entry));
  return body;
}

async function sendOne(command: OutboxCommand) {
  let response: Response;
  try {
    response = await fetch(`/lots/${encodeURIComponent(command.lotId)}/commands`, {
      method: "POST",
      body: commandBody(command),
      credentials: "same-origin",
      headers: { Accept: "application/json" },
    });
  } catch {
    return { kind: "retry" } as const;
  }
  const body = await response.json().catch(() => null);
  return classifyAnswer({ status: response.status, redirected: response.redirected, body });
}

/** The version each item's latest applied command (by seq) left it at, in this tab. */
const produced = new Map<string, { seq: number; version: number }>();

/**
 * A command recorded after one of the same item that has been applied holds that one's change
 * (same tablet, same user, in order): it is based on the version that one produced, or a newer
 * one it already had (decision 0028). Applied when sent, and written to IndexedDB.
 */
async function rebaseOnEarlier(command: OutboxCommand) {
  const p = produced.get(itemKey(command));
  if (!p || command.itemVersion === undefined) return;
  if ((command.seq ?? 0) <= p.seq || command.itemVersion >= p.version) return;
  command.itemVersion = p.version;
  await (await database()).put("commands", command);
}

/** After `done` left its item at `version`: remembered, and the item's later commands rebased. */
async function applied(done: OutboxCommand, version: number) {
  const key = itemKey(done);
  knownVersions.set(key, Math.max(version, knownVersions.get(key) ?? 0));
  const last = produced.get(key);
  if (!last || (done.seq ?? 0) > last.seq) produced.set(key, { seq: done.seq ?? 0, version });
  // Those already in IndexedDB too, so a reload before they are sent keeps the rebase.
  const db = await database();
  for (const later of await db.getAllFromIndex("commands", "byLot", done.lotId))
    if (later.itemId === done.itemId && later.status === "pending") await rebaseOnEarlier(later);
}

async function runOnce(): Promise<void> {
  const db = await database();
  const pending = (await listCommands()).filter((c) => c.status === "pending");
  for (const command of pending) {
    if (typeof navigator !== "undefined" && navigator.onLine === false) return;
    await rebaseOnEarlier(command);
    const outcome = await sendOne(command);
    if (outcome.kind === "done") {
      await db.delete("commands", command.seq as number);
      if (outcome.version !== undefined) await applied(command, outcome.version);
      notify();
      continue;
    }
    if (outcome.kind === "refused") {
      await db.put("commands", { ...command, status: "refused", reasonZh: outcome.reasonZh });
      notify();
      continue;
    }
    if (outcome.kind === "signed-out") return;
    const attempts = command.attempts + 1;
    await db.put("commands", { ...command, attempts });
    notify();
    if (retryTimer) clearTimeout(retryTimer);
    retryTimer = setTimeout(() => void flushOutbox(), retryDelayMs(attempts - 1));
    return;
  }
}

/** Sends what is pending, oldest first; one run at a time (across tabs where Web Locks exist). */
export function flushOutbox(): Promise<void> {
  if (!currentUser) return Promise.resolve();
  if (running) {
    again = true;
    return running;
  }
  const run = async () => {
    do {
      again = false;
      if (navigator.locks) await navigator.locks.request("yanshou-outbox", () => runOnce());
      else await runOnce();
    } while (again);
  };
  running = run().finally(() => {
    running = null;
  });
  return running;
}

let started = false;
/** Starts sending: now (app open), when the network returns, and when the app is shown again. */
export function startOutboxSync() {
  if (started) return;
  started = true;
  if ("BroadcastChannel" in window) {
    channel = new BroadcastChannel("yanshou-outbox");
    channel.onmessage = () => notify(false);
  }
  window.addEventListener("online", () => void flushOutbox());
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "visible") void flushOutbox();
  });
  // A command not yet in IndexedDB when the page goes away is sent by beacon (same key: once).
  window.addEventListener("pagehide", () => {
    for (const command of unpersisted.values())
      navigator.sendBeacon(
        `/lots/${encodeURIComponent(command.lotId)}/commands`,
        commandBody(command),
      );
  });
  void flushOutbox();
}

/** Bytes the outbox takes in IndexedDB (JSON size of its commands), for the indicator. */
export async function outboxBytes(): Promise<number> {
  const all = await listCommands();
  return new Blob([JSON.stringify(all)]).size;
}
