import { type Preset, vitePlugin as remix } from "@remix-run/dev";
import { RemixVitePWA } from "@vite-pwa/remix";
import { defineConfig } from "vite";
import tsconfigPaths from "vite-tsconfig-paths";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

// The service worker (app/sw.ts): built with the client, precaching its hashed assets.
const { RemixVitePWAPlugin, RemixPWAPreset } = RemixVitePWA();

export default defineConfig({
  server: { port: 3000 },
  plugins: [
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
