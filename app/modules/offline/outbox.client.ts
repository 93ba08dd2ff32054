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
export type { OutboxCommand, PhotoCommand } from "./outbox-commands";

import { type DBSchema, type IDBPDatabase, openDB } from "idb";
import {
  commandBody,
  commandUrl,
  defectSubject,
  type EntryCommand,
  type NewDefectCommand,
  type NewDefectTransitionCommand,
  type NewEntryCommand,
  type NewPhotoCommand,
  type NewTransitionCommand,
  type OutboxCommand,
} from "./outbox-commands";
import { photosWaitForWifi, storePhotosWifiOnly } from "./photo-prefs";
import { classifyAnswer, retryDelayMs } from "./sync-rules";

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
  // The versions this tab's commands produced were the last user's.
  if (userId !== currentUser) {
    knownVersions.clear();
    produced.clear();
  }
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

/** Writes a new command to IndexedDB, then sends what is pending when the network allows. */
async function enqueue(command: OutboxCommand): Promise<void> {
  unpersisted.set(command.id, command);
  try {
    await (await database()).add("commands", command);
  } finally {
    unpersisted.delete(command.id);
  }
  notify();
  void flushOutbox();
}

/** `key`: a page post's own key, when that post may have reached the server (see enqueueTransition). */
function base(userId: string, key?: string) {
  const at = Date.now();
  return {
    id: newId(),
    key: key || newId(),
    userId,
    createdAt: at,
    status: "pending",
    attempts: 0,
  } as const;
}

/** Queues one item's record; sends it at once when the network allows. */
export async function enqueueEntry(input: NewEntryCommand): Promise<void> {
  if (!currentUser) throw new Error("outbox: no signed-in user");
  await enqueue({
    ...input,
    // The page may predate this tab's own applied changes to the item: build on the newer.
    itemVersion: Math.max(input.itemVersion, knownVersions.get(itemKey(input)) ?? 0),
    ...base(currentUser),
    kind: "entry",
  });
}

/** Queues one photo (its bytes as a Blob, evidence as taken: never altered here). */
export async function enqueuePhoto({ file, ...input }: NewPhotoCommand): Promise<void> {
  if (!currentUser) throw new Error("outbox: no signed-in user");
  const sha256 = input.role ? await sha256Hex(file) : undefined;
  await enqueue({
    ...input,
    ...(sha256 ? { sha256 } : {}),
    ...base(currentUser),
    kind: "photo",
    file,
    fileName: file.name || "photo.jpg",
    fileType: file.type,
    fileSize: file.size,
  });
}

/** The bytes' SHA-256 in hex; undefined where Web Crypto is missing (not a secure context). */
async function sha256Hex(file: Blob): Promise<string | undefined> {
  if (!globalThis.crypto?.subtle) return undefined;
  const digest = await crypto.subtle.digest("SHA-256", await file.arrayBuffer());
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** Queues a new defect raised from a lot's failing item. */
export async function enqueueDefect(input: NewDefectCommand): Promise<void> {
  if (!currentUser) throw new Error("outbox: no signed-in user");
  await enqueue({ ...input, ...base(currentUser), kind: "defect" });
}

/** Queues a supervisor's 退回 / 撤销验收 of a lot, after what was recorded on it before. */
export async function enqueueTransition({ key, ...input }: NewTransitionCommand): Promise<void> {
  if (!currentUser) throw new Error("outbox: no signed-in user");
  await enqueue({ ...input, ...base(currentUser, key), kind: "transition" });
}

/** Queues a defect's transition, after what was queued on the same defect before. */
export async function enqueueDefectTransition({
  key,
  ...input
}: NewDefectTransitionCommand): Promise<void> {
  if (!currentUser) throw new Error("outbox: no signed-in user");
  await enqueue({
    ...input,
    lotId: defectSubject(input.defectId),
    ...base(currentUser, key),
    kind: "defectTransition",
  });
}

/** Whether this user has anything waiting to be sent (new photos then queue behind it). */
export async function hasPending(): Promise<boolean> {
  return (await listCommands()).some((c) => c.status === "pending");
}

export async function discardCommand(seq: number): Promise<void> {
  await (await database()).delete("commands", seq);
  notify();
}

/** The command being sent now (its client id), for a per-photo 上传中. */
let sendingId: string | null = null;
export function sendingCommand(): string | null {
  return sendingId;
}

async function sendOne(command: OutboxCommand) {
  let response: Response;
  sendingId = command.id;
  notify(false);
  try {
    response = await fetch(commandUrl(command), {
      method: "POST",
      body: commandBody(command),
      credentials: "same-origin",
      headers: { Accept: "application/json" },
    });
  } catch {
    return { kind: "retry" } as const;
  } finally {
    sendingId = null;
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
  if (command.kind !== "entry") return;
  const p = produced.get(itemKey(command));
  if (!p || command.itemVersion === undefined) return;
  if ((command.seq ?? 0) <= p.seq || command.itemVersion >= p.version) return;
  command.itemVersion = p.version;
  await (await database()).put("commands", command);
}

/** After `done` left its item at `version`: remembered, and the item's later commands rebased. */
async function applied(done: EntryCommand, version: number) {
  const key = itemKey(done);
  knownVersions.set(key, Math.max(version, knownVersions.get(key) ?? 0));
  const last = produced.get(key);
  if (!last || (done.seq ?? 0) > last.seq) produced.set(key, { seq: done.seq ?? 0, version });
  // Those already in IndexedDB too, so a reload before they are sent keeps the rebase.
  const db = await database();
  // Only the same user's: another user's record on this tablet was based on what they saw,
  // and a change of the item meanwhile is a conflict for them, not a rebase.
  for (const later of await db.getAllFromIndex("commands", "byLot", done.lotId))
    if (later.itemId === done.itemId && later.userId === done.userId && later.status === "pending")
      await rebaseOnEarlier(later);
}

async function runOnce(): Promise<void> {
  const db = await database();
  const pending = (await listCommands()).filter((c) => c.status === "pending");
  const photosWait = photosWaitForWifi();
  // Lots (and defects) with a photo held back: a 退回 or a reply recorded after it waits too (the
  // lot would be closed to the photo by then; a reply needs its photo).
  const photoHeld = new Set<string>();
  for (const command of pending) {
    if (typeof navigator !== "undefined" && navigator.onLine === false) return;
    // 仅 Wi-Fi 上传照片 on a metered connection: photos wait, the records still go.
    if (command.kind === "photo" && photosWait) {
      photoHeld.add(command.lotId);
      continue;
    }
    const transition = command.kind === "transition" || command.kind === "defectTransition";
    if (transition && photoHeld.has(command.lotId)) continue;
    // Discarded (or refused in another tab) since this run listed it: not sent.
    const current = await db.get("commands", command.seq as number);
    if (current?.status !== "pending") continue;
    await rebaseOnEarlier(command);
    const outcome = await sendOne(command);
    if (outcome.kind === "done") {
      await db.delete("commands", command.seq as number);
      if (outcome.version !== undefined && command.kind === "entry")
        await applied(command, outcome.version);
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
      navigator.sendBeacon(commandUrl(command), commandBody(command));
  });
  void flushOutbox();
}

/** Bytes the outbox takes in IndexedDB (photos' files, JSON size of the rest), for the indicator. */
export async function outboxBytes(): Promise<number> {
  let bytes = 0;
  for (const c of await listCommands())
    bytes += c.kind === "photo" ? c.fileSize : new Blob([JSON.stringify(c)]).size;
  return bytes;
}

/** 仅 Wi-Fi 上传照片 switched: lists refresh, and photos that waited go when allowed now. */
export function setPhotosWifiOnly(on: boolean) {
  storePhotosWifiOnly(on);
  notify();
  if (!on) void flushOutbox();
}
