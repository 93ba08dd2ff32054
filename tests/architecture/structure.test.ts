import { describe, expect, it } from "vitest";
import {
  CHINESE_LITERALS,
  LONG_FILES,
  OTHER_ERROR_CLASSES,
  ROUTES_IMPORTING_DB,
  ROUTES_WITHOUT_ERROR_BOUNDARY,
} from "./baseline";
import { appSources, chineseLiterals, errorClasses, importsOf, lineCount, read } from "./scan";

// Issue 13's structure rules, checked on every `npm test`: routes parse, authorise, call a
// module and render; one error class; no file over 350 lines; words live in app/locales.
const files = appSources();
const routes = files.filter((f) => f.startsWith("app/routes/"));

const DB_MODULES = (spec: string) =>
  spec === "~/infra/db.server" || spec.includes("generated/prisma") || spec.startsWith("@prisma/");
// A route calling the client itself, whatever it imported it as.
const CLIENT_CALL =
  /\.(findMany|findUnique|findUniqueOrThrow|findFirst|findFirstOrThrow|aggregate|groupBy|createMany|upsert|deleteMany|updateMany|\$transaction|\$queryRaw|\$executeRaw)\(/;

describe("routes are thin", () => {
  it("no route imports the database client", () => {
    const offenders = routes.filter((f) => importsOf(f).some(DB_MODULES));
    expect(offenders.filter((f) => !ROUTES_IMPORTING_DB.includes(f))).toEqual([]);
    // A fixed route must leave the baseline list.
    expect(ROUTES_IMPORTING_DB.filter((f) => !offenders.includes(f))).toEqual([]);
  });

  it("no route queries the database itself", () => {
    const offenders = routes.filter(
      (f) => !ROUTES_IMPORTING_DB.includes(f) && CLIENT_CALL.test(read(f)),
    );
    expect(offenders).toEqual([]);
  });

  it("every UI route (one with a default export) exports an ErrorBoundary", () => {
    const ui = routes.filter((f) => /^export default /m.test(read(f)));
    const lacking = ui.filter(
      (f) =>
        !/^export (function|const) ErrorBoundary\b|^export \{[^}]*\bErrorBoundary\b[^}]*\}/m.test(
          read(f),
        ),
    );
    expect(lacking.filter((f) => !ROUTES_WITHOUT_ERROR_BOUNDARY.includes(f))).toEqual([]);
    // A fixed route must leave the baseline list.
    expect(ROUTES_WITHOUT_ERROR_BOUNDARY.filter((f) => !lacking.includes(f))).toEqual([]);
  });

  it("zod comes from app/infra/zod.ts (jitless in the browser, where the CSP forbids eval)", () => {
    const offenders = files.filter(
      (f) =>
        f !== "app/infra/zod.ts" && importsOf(f).some((s) => s === "zod" || s.startsWith("zod/")),
    );
    expect(offenders).toEqual([]);
  });

  it("no route imports another route", () => {
    const offenders = routes.filter((f) =>
      importsOf(f).some((s) => s.startsWith("~/routes/") || s.startsWith("./")),
    );
    expect(offenders).toEqual([]);
  });
});

describe("one way to do each thing", () => {
  it("no file over 350 lines (generated code and tests aside)", () => {
    const long = Object.fromEntries(
      files.map((f) => [f, lineCount(f)] as const).filter(([, n]) => n > 350),
    );
    for (const [f, n] of Object.entries(long))
      expect(n, f).toBeLessThanOrEqual(LONG_FILES[f] ?? 350);
    expect(Object.keys(LONG_FILES).filter((f) => !(f in long))).toEqual([]);
  });

  it("DomainError is the one error class for refusals", () => {
    const found = files.flatMap(errorClasses).filter((c) => c !== "DomainError");
    expect(found.filter((c) => !OTHER_ERROR_CLASSES.includes(c))).toEqual([]);
    expect(OTHER_ERROR_CLASSES.filter((c) => !found.includes(c))).toEqual([]);
  });

  it("UI words come from app/locales, not string literals", () => {
    const counts: Record<string, number> = {};
    for (const f of files) {
      if (f.startsWith("app/locales/")) continue;
      const n = chineseLiterals(f).length;
      if (n > 0) counts[f] = n;
    }
    for (const [f, n] of Object.entries(counts))
      expect(n, `${f}: ${chineseLiterals(f).slice(0, 5).join(" | ")}`).toBeLessThanOrEqual(
        CHINESE_LITERALS[f] ?? 0,
      );
    const stale = Object.entries(CHINESE_LITERALS).filter(([f, n]) => (counts[f] ?? 0) < n);
    expect(stale.map(([f, n]) => `${f}: now ${counts[f] ?? 0}, baseline ${n}`)).toEqual([]);
  });
});
