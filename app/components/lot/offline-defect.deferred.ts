import { deferred } from "~/components/deferred";
import * as server from "./offline-defect";

/** 登记质量问题（离线）: rendered by the server, its code (and the defect rules) loaded after the page's (0036). */
export const DeferredOfflineDefect = deferred(
  () => import("./offline-defect").then((m) => m.OfflineDefect),
  import.meta.env.SSR ? server.OfflineDefect : undefined,
);
