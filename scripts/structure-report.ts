/**
 * npm run report:structure — the figures issue 13 tracks: error classes, routes importing the
 * database client, Chinese literals outside the catalogues (by layer), the biggest files.
 */
import {
  appSources,
  chineseLiterals,
  errorClasses,
  importsOf,
  lineCount,
} from "../tests/architecture/scan";

const files = appSources();
const routes = files.filter((f) => f.startsWith("app/routes/"));
const dbImports = routes.filter((f) =>
  importsOf(f).some((s) => s === "~/infra/db.server" || s.includes("generated/prisma")),
);
const layers: Record<string, number> = { routes: 0, modules: 0, components: 0, other: 0 };
for (const f of files) {
  if (f.startsWith("app/locales/")) continue;
  const n = chineseLiterals(f).length;
  const layer = /^app\/(routes|modules|components)\//.exec(f)?.[1] ?? "other";
  layers[layer] = (layers[layer] ?? 0) + n;
}
const errors = files.flatMap((f) => errorClasses(f));
const biggest = files
  .map((f) => [f, lineCount(f)] as const)
  .sort((a, b) => b[1] - a[1])
  .slice(0, 8);

console.log(`error classes: ${errors.length} (${errors.join(", ")})`);
console.log(`routes importing the database client: ${dbImports.length} of ${routes.length}`);
console.log(
  `Chinese literals outside app/locales: ${Object.values(layers).reduce((a, b) => a + b, 0)} (${Object.entries(
    layers,
  )
    .map(([k, v]) => `${k} ${v}`)
    .join(", ")})`,
);
console.log("biggest files:");
for (const [f, n] of biggest) console.log(`  ${String(n).padStart(5)}  ${f}`);
