/**
 * Registers the service worker (production builds only: in `vite dev` there is none, so it never
 * serves stale modules while coding) and asks the browser to keep this site's storage, so the
 * outbox and the pages kept for offline use are not evicted under storage pressure.
 */
export function registerServiceWorker() {
  if (!import.meta.env.PROD || !("serviceWorker" in navigator)) return;
  navigator.serviceWorker.register("/sw.js", { scope: "/", type: "classic" }).catch(() => {
    // No worker (private mode, an old browser): the app works online as before.
  });
  void requestPersistentStorage();
}

/** `navigator.storage.persist()`: Chromium grants it to installed or engaged sites, Safari on use. */
export async function requestPersistentStorage(): Promise<boolean> {
  try {
    if (!navigator.storage?.persist) return false;
    if (await navigator.storage.persisted()) return true;
    return await navigator.storage.persist();
  } catch {
    return false;
  }
}
