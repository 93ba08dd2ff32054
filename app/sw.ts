/// <reference lib="webworker" />
/**
 * The service worker (built by vite-plugin-pwa's injectManifest through @vite-pwa/remix; only
 * production builds register it, see app/modules/offline/register.client.ts).
 *
 * - Precache: the built app shell, i.e. the hashed JS/CSS under /assets, the icons, the manifest
 *   and the offline page. Never a page with data in it.
 * - Pages a user opens (documents and Remix's `.data` loader answers): network first, the last
 *   good answer kept in the `yanshou-pages` cache and served only when the network fails (no
 *   timeout: a slow server never gets a stale page shown after a save); a page
 *   never opened answers with /offline.html. Sign-out empties that cache and the files cache
 *   (app/components/sign-out-guard.ts, and below for any sign-in page).
 * - Drawing previews (`/drawings/<revision>/preview`): network first, kept in `yanshou-files`
 *   when 离线准备 downloads a compound (app/modules/offline/prepare.client.ts) or a preview is
 *   opened, so a prepared drawing opens offline.
 * - Everything else (form posts, uploads, downloads, photos) goes to the network untouched.
 */
import { clientsClaim } from "workbox-core";
import { cleanupOutdatedCaches, matchPrecache, precacheAndRoute } from "workbox-precaching";
import { registerRoute, setCatchHandler } from "workbox-routing";
import { NetworkFirst } from "workbox-strategies";

declare const self: ServiceWorkerGlobalScope;

const PAGES_CACHE = "yanshou-pages";
const FILES_CACHE = "yanshou-files";

// @vite-pwa/remix adds the site root ("/") to the manifest: a signed-in page, never precached.
precacheAndRoute(
  self.__WB_MANIFEST.filter((entry) => (typeof entry === "string" ? entry : entry.url) !== "/"),
);
cleanupOutdatedCaches();
self.skipWaiting();
clientsClaim();

// Signing out, and any sign-in page (a new sign-in, or an expired or revoked session sent back
// to it), empties the pages kept for offline use: the next user of the tablet never sees them.
self.addEventListener("fetch", (event) => {
  const { pathname } = new URL(event.request.url);
  if (pathname === "/logout" || pathname === "/login" || pathname === "/login.data")
    event.waitUntil(Promise.all([caches.delete(PAGES_CACHE), caches.delete(FILES_CACHE)]));
});

const NEVER_CACHED = /^\/(logout|login|audit\.export)|\.(pdf|xlsx|jpg|png|webp)$/;

registerRoute(
  ({ request, url }) =>
    url.origin === self.location.origin &&
    !NEVER_CACHED.test(url.pathname) &&
    (request.mode === "navigate" || url.pathname.endsWith(".data")),
  new NetworkFirst({
    cacheName: PAGES_CACHE,
    plugins: [
      {
        // Only a page as its user saw it: no redirects (signed out), errors or downloads.
        cacheWillUpdate: async ({ response }) => {
          const type = response.headers.get("Content-Type") ?? "";
          const cacheable =
            response.status === 200 &&
            !response.redirected &&
            (type.startsWith("text/html") || type.startsWith("text/x-script"));
          return cacheable ? response : null;
        },
        // A page's data asked for the moment the network returns (the outbox has just sent, the
        // page reloads what the server now holds) can still meet the dropped connection; with no
        // kept copy that would show the error page: tried once more, a second later.
        handlerDidError: async ({ request }) => {
          if (!new URL(request.url).pathname.endsWith(".data")) return undefined;
          await new Promise((resolve) => setTimeout(resolve, 1000));
          return fetch(request).catch(() => undefined);
        },
      },
    ],
  }),
);

registerRoute(
  ({ request, url }) =>
    url.origin === self.location.origin &&
    request.method === "GET" &&
    /^\/drawings\/[^/]+\/preview$/.test(url.pathname),
  new NetworkFirst({
    cacheName: FILES_CACHE,
    plugins: [
      {
        cacheWillUpdate: async ({ response }) =>
          response.status === 200 &&
          !response.redirected &&
          (response.headers.get("Content-Type") ?? "").startsWith("image/")
            ? response
            : null,
      },
    ],
  }),
);

setCatchHandler(async ({ request }) => {
  if (request.mode === "navigate")
    return (await matchPrecache("/offline.html")) ?? Response.error();
  return Response.error();
});
