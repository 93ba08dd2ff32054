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

// In the browser, react-i18next's API comes from a small translator of our own (docs/decisions/0035-browser-translator.md):
// i18next and react-i18next were 17 KB gz of every page. The server keeps both; a unit test
// renders every catalogue key with both and requires the same text.
const miniReactI18n = fileURLToPath(new URL("app/modules/i18n/mini/react.tsx", import.meta.url));
const clientMiniI18n: Plugin = {
  name: "yanshou-client-mini-i18n",
  enforce: "pre",
  resolveId(source, _importer, options) {
    if (source === "react-i18next" && !options?.ssr) return miniReactI18n;
    return null;
  },
};

export default defineConfig({
  server: { port: 3000 },
  plugins: [
    clientMiniI18n,
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
