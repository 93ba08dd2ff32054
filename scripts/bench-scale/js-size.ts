/**
 * JS a first load of a route fetches, from a Remix Vite build's manifest: the entry and its
 * imports, then every route module of the route's branch with its static imports, each gzipped.
 * Lazy chunks (dynamic import()) are not counted: they load on demand.
 *
 * npx tsx scripts/bench-scale/js-size.ts [buildDir] [--files] — prints the lot page and dashboard.
 */
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";

type Manifest = {
  entry: { module: string; imports: string[] };
  routes: Record<string, { module: string; imports?: string[]; parentId?: string }>;
};

function readManifest(buildDir: string): Manifest {
  const assets = path.join(buildDir, "client", "assets");
  const file = fs.readdirSync(assets).find((f) => /^manifest-.*\.js$/.test(f));
  if (!file) throw new Error(`no manifest in ${assets}`);
  const text = fs.readFileSync(path.join(assets, file), "utf8");
  return JSON.parse(text.slice(text.indexOf("{"), text.lastIndexOf("}") + 1)) as Manifest;
}

/** Each first-load file of the route with its gzipped size in bytes, biggest first. */
export function routeJsFiles(buildDir: string, routeId: string): { file: string; gz: number }[] {
  const manifest = readManifest(buildDir);
  const files = new Set([manifest.entry.module, ...manifest.entry.imports]);
  for (let id: string | undefined = routeId; id; id = manifest.routes[id]?.parentId) {
    const r = manifest.routes[id];
    if (!r) throw new Error(`no route ${id}`);
    files.add(r.module);
    for (const i of r.imports ?? []) files.add(i);
  }
  return [...files]
    .map((file) => ({
      file,
      gz: zlib.gzipSync(fs.readFileSync(path.join(buildDir, "client", file))).length,
    }))
    .sort((a, b) => b.gz - a.gz);
}

/** JS a first load of the route fetches, gzipped, in KB. */
export function jsGzKb(buildDir: string, routeId: string): number {
  return routeJsFiles(buildDir, routeId).reduce((sum, f) => sum + f.gz, 0) / 1024;
}

if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) {
  const buildDir = process.argv.slice(2).find((a) => !a.startsWith("--")) ?? "build";
  const showFiles = process.argv.includes("--files");
  for (const [label, id] of [
    ["lot page", "routes/_app.lots.$lotId"],
    ["dashboard", "routes/_app.dashboard"],
  ] as const) {
    if (showFiles)
      for (const f of routeJsFiles(buildDir, id))
        console.log(`  ${(f.gz / 1024).toFixed(1).padStart(6)}  ${f.file}`);
    console.log(`js gz KB ${label}: ${jsGzKb(buildDir, id).toFixed(1)}`);
  }
}
