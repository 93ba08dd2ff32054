// The outbox (IndexedDB through idb) loads after the page is shown, not with it: nothing of it is
// needed to paint or hydrate a page, and every signed-in page has the sync indicator. Once loaded,
// `outboxNow()` hands it over synchronously (a record queued on pagehide must reach the outbox's
// beacon list in the same task). The service worker precaches the chunk for offline use.
type Outbox = typeof import("./outbox.client");

let loaded: Outbox | null = null;
let loading: Promise<Outbox> | null = null;

export function loadOutbox(): Promise<Outbox> {
  loading ??= import("./outbox.client").then((m) => {
    loaded = m;
    return m;
  });
  return loading;
}

/** The outbox if already loaded (else null: use `withOutbox`). */
export function outboxNow(): Outbox | null {
  return loaded;
}

/** Runs `fn` with the outbox: at once when it is loaded, else when it is. */
export function withOutbox<T>(fn: (outbox: Outbox) => T | Promise<T>): Promise<T> {
  if (loaded) {
    try {
      return Promise.resolve(fn(loaded));
    } catch (error) {
      return Promise.reject(error);
    }
  }
  return loadOutbox().then(fn);
}
