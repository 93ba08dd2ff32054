import { deferred } from "~/components/deferred";
import * as server from "./sync-indicator";

// The header's sync state: rendered by the server, its code loaded after the page's (decision
// 0036); the browser build drops the static import.
export const SyncIndicator = deferred(
  () => import("./sync-indicator").then((m) => m.SyncIndicator),
  import.meta.env.SSR ? server.SyncIndicator : undefined,
);
