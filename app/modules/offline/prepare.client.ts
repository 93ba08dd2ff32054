/**
 * 离线准备 in the browser: downloads a compound's offline package (the server's list, see
 * package.server.ts) into the caches the service worker answers from when the network fails
 * (app/sw.ts): each page as its document and its loader data in `yanshou-pages`, drawing
 * previews in `yanshou-files`. Sign-out empties both.
 */
export const PAGES_CACHE = "yanshou-pages";
export const FILES_CACHE = "yanshou-files";
const PARALLEL = 4;

export type PackageList = {
  pages: string[];
  files: string[];
  truncated: { lots: boolean; defects: boolean; drawings: boolean };
};

export type Prepared = {
  at: string;
  count: number;
  bytes: number;
  failed: number;
  truncated: boolean;
};

// The record of a preparation is kept in the pages cache itself, so it goes with the pages
// (sign-out, a sign-in page): a tablet never says a compound is ready when its pages are gone.
const recordUrl = (compoundId: string) => `/__offline-prepared/${encodeURIComponent(compoundId)}`;

export async function lastPrepared(compoundId: string): Promise<Prepared | null> {
  try {
    if (!("caches" in window)) return null;
    const found = await (await caches.open(PAGES_CACHE)).match(recordUrl(compoundId));
    return found ? ((await found.json()) as Prepared) : null;
  } catch {
    return null;
  }
}

let preparing: AbortController | null = null;

/** Stops a preparation under way (sign-out: nothing more is fetched with the old session). */
export function stopPreparing(): void {
  preparing?.abort();
  preparing = null;
}

/** Whether this browser keeps pages for offline use: caches and a controlling service worker. */
export function canKeepOffline(): boolean {
  return "caches" in window && Boolean(navigator.serviceWorker?.controller);
}

/** Keeps one answer under its URL, without `Vary` (a navigation's headers differ from fetch's). */
async function keep(
  cache: Cache,
  url: string,
  wanted: (type: string) => boolean,
  signal: AbortSignal,
) {
  const response = await fetch(url, { credentials: "same-origin", redirect: "manual", signal });
  const type = response.headers.get("Content-Type") ?? "";
  if (response.status !== 200 || !wanted(type)) throw new Error(`${url}: ${response.status}`);
  const body = await response.blob();
  const headers = new Headers(response.headers);
  headers.delete("Vary");
  await cache.put(url, new Response(body, { status: 200, headers }));
  return body.size;
}

/** Downloads the package; `progress` is told after each item. Resolves with what was kept. */
export async function prepareOffline(
  compoundId: string,
  progress: (done: number, total: number) => void,
): Promise<Prepared> {
  void navigator.storage?.persist?.();
  stopPreparing();
  const controller = new AbortController();
  preparing = controller;
  const { signal } = controller;
  const listResponse = await fetch(`/compounds/${compoundId}/offline`, {
    credentials: "same-origin",
    headers: { Accept: "application/json" },
    signal,
  });
  if (!listResponse.ok) throw new Error(String(listResponse.status));
  const list = (await listResponse.json()) as PackageList;
  const [pages, files] = await Promise.all([caches.open(PAGES_CACHE), caches.open(FILES_CACHE)]);
  const isPage = (type: string) => type.startsWith("text/html");
  const isData = (type: string) => type.startsWith("text/x-script");
  const isImage = (type: string) => type.startsWith("image/");
  const jobs: (() => Promise<number>)[] = [
    ...list.pages.flatMap((url) => [
      () => keep(pages, url, isPage, signal),
      () => keep(pages, `${url}.data`, isData, signal),
    ]),
    ...list.files.map((url) => () => keep(files, url, isImage, signal)),
  ];
  let done = 0;
  let bytes = 0;
  let failed = 0;
  let next = 0;
  const worker = async () => {
    while (next < jobs.length && !signal.aborted) {
      const job = jobs[next++]!;
      try {
        // Not `bytes += await job()`: that reads `bytes` before the wait and loses the others' sums.
        const size = await job();
        bytes += size;
      } catch {
        failed += 1;
      }
      done += 1;
      progress(done, jobs.length);
    }
  };
  await Promise.all(Array.from({ length: PARALLEL }, worker));
  if (signal.aborted) throw new Error("stopped");
  if (preparing === controller) preparing = null;
  const truncated = Object.values(list.truncated).some(Boolean);
  const result = { at: new Date().toISOString(), count: done - failed, bytes, failed, truncated };
  await pages.put(recordUrl(compoundId), Response.json(result));
  return result;
}

/** Bytes this origin uses on the device (caches, IndexedDB), when the browser tells. */
export async function storageUsed(): Promise<number | null> {
  const estimate = await navigator.storage?.estimate?.();
  return estimate?.usage ?? null;
}

export { sizeText } from "./sync-rules";
