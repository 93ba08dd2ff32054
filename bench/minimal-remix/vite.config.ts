// A minimal Remix app with the project's own dependencies: the yardstick bench:scale measures
// the real pages against (same framework, same Node, same machine, same run).
import { vitePlugin as remix } from "@remix-run/dev";
import { defineConfig } from "vite";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

export default defineConfig({
  plugins: [
    remix({
      buildDirectory: process.env.BUILD_DIR ?? "build",
      future: { v3_singleFetch: true },
    }),
  ],
});
