import type { Resource } from "i18next";
import type { Lng } from "./config";

// Every catalogue of every language, bundled into the server (the browser loads them lazily).
const modules = import.meta.glob<{ default: Record<string, unknown> }>("../../locales/*/*.ts", {
  eager: true,
});

export const SERVER_RESOURCES: Resource = {};
for (const [path, module] of Object.entries(modules)) {
  const match = /locales\/([^/]+)\/([^/.]+)\.ts$/.exec(path);
  if (!match) continue;
  const [, lng, ns] = match as unknown as [string, Lng, string];
  SERVER_RESOURCES[lng] ??= {};
  SERVER_RESOURCES[lng][ns] = module.default as Resource[string][string];
}
