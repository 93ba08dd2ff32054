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

export default defineConfig({
  server: { port: 3000 },
  plugins: [
    miniI18n,
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
