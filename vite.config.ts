import path from "node:path";
import { fileURLToPath } from "node:url";
import { type Preset, vitePlugin as remix } from "@remix-run/dev";
import { RemixVitePWA } from "@vite-pwa/remix";
import { defineConfig, type Plugin } from "vite";
import tsconfigPaths from "vite-tsconfig-paths";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

// The service worker (app/sw.ts): built with the client, precaching its hashed assets.
const { RemixVitePWAPlugin, RemixPWAPreset } = RemixVitePWA();

// Components get react-i18next's API from a small translator of our own
// (docs/decisions/0035-browser-translator.md), in the browser (i18next and react-i18next were
// 17 KB gz of every page) and in the server render (a sixth of a lot page's render time went to
// react-i18next's per-component translators). Server code outside React (messages, PDFs) keeps
// i18next; a unit test renders every catalogue key with both and requires the same text.
const miniReactI18n = fileURLToPath(new URL("app/modules/i18n/mini/react.tsx", import.meta.url));
const miniI18n: Plugin = {
  name: "yanshou-mini-i18n",
  enforce: "pre",
  resolveId(source) {
    if (source === "react-i18next") return miniReactI18n;
    return null;
  },
};

// Fewer, larger first-load files in the browser (decision 0036): gzip compresses one file of the
// app shell better than ten small ones. `shell` holds what every signed-in page loads anyway (the
// root and _app routes' own imports, the translator, the page frame). Rollup splits the rest.
const appDir = fileURLToPath(new URL("app/", import.meta.url));
const SHELL_ROOTS = ["root.tsx", "routes/_app.tsx", "modules/i18n/i18n.client.ts"];
const SHELL_ALSO = [
  "components/deferred.tsx",
  "components/error-page.tsx",
  "components/page-header.tsx",
  "modules/i18n/use-format.ts",
  "modules/i18n/dates.ts",
  "modules/i18n/config.ts",
  "modules/lot/verdict-format.ts",
  "modules/lot/messages.ts",
];
function clientChunks(): Plugin {
  let shell: Map<string, string> | null = null;
  const bare = (id: string) => id.split("?")[0] ?? id;
  return {
    name: "yanshou-client-chunks",
    config(_config, { isSsrBuild }) {
      if (isSsrBuild) return;
      return {
        build: {
          // Terser's two compress passes shrink the browser's code 4 KB gz more than esbuild's
          // minifier (lot page 100.1 → 96.0 KB gz first load; the build takes ~20 s longer).
          minify: "terser",
          terserOptions: { compress: { passes: 2 } },
          rollupOptions: {
            output: {
              manualChunks(id, { getModuleInfo }) {
                if (!shell) {
                  // The static closure of the shell's roots, app code only (node_modules stay
                  // in Rollup's shared framework chunk). A `*.deferred.ts` module's imports are
                  // for the server only: each deferred part gets a chunk of its own, or Rollup
                  // would pull it into the shell with its importer.
                  shell = new Map(SHELL_ALSO.map((f) => [appDir + f, "shell"]));
                  const todo = SHELL_ROOTS.map((f) => appDir + f);
                  const parts: string[] = [];
                  while (todo.length) {
                    const next = todo.pop() as string;
                    if (shell.has(next) && !SHELL_ALSO.some((f) => next === appDir + f)) continue;
                    shell.set(next, "shell");
                    const deps = getModuleInfo(next)?.importedIds ?? [];
                    if (next.endsWith(".deferred.ts")) parts.push(...deps);
                    else for (const dep of deps) if (bare(dep).startsWith(appDir)) todo.push(dep);
                  }
                  for (const part of parts)
                    if (!shell.has(part))
                      shell.set(part, path.basename(part).split(".")[0] ?? "part");
                }
                if (id === "\0vite/preload-helper.js") return "shell";
                if (!id.startsWith(appDir) || id.endsWith("entry.client.tsx")) return null;
                return shell.get(id) ?? null;
              },
            },
          },
        },
      };
    },
  };
}

export default defineConfig({
  server: { port: 3000 },
  plugins: [
    miniI18n,
    clientChunks(),
    remix({
      buildDirectory: process.env.BUILD_DIR ?? "build",
      // Typed against Vite 5's resolved config (no webSocketToken); the hooks are the same on 6.
      presets: [RemixPWAPreset() as unknown as Preset],
      future: {
        v3_fetcherPersist: true,
        v3_relativeSplatPath: true,
        v3_throwAbortReason: true,
        v3_singleFetch: true,
        v3_lazyRouteDiscovery: true,
        v3_routeConfig: true,
      },
    }),
    tsconfigPaths(),
    RemixVitePWAPlugin({
      strategies: "injectManifest",
      srcDir: "app",
      filename: "sw.ts",
      // The app registers it itself (production only) and links public/manifest.webmanifest.
      injectRegister: false,
      manifest: false,
      registerType: "autoUpdate",
      injectManifest: {
        globPatterns: [
          "assets/**/*.{js,css}",
          "icons/*.png",
          "manifest.webmanifest",
          "offline.html",
        ],
        // Drawing tiles, photos and the like stay out; the app shell is well under this.
        maximumFileSizeToCacheInBytes: 3 * 1024 * 1024,
      },
      devOptions: { enabled: false },
    }),
  ],
});
