import { deferred } from "~/components/deferred";
import * as jump from "~/components/lot-jump";
import * as server from "./lot-page-panels";

// The browser build drops the static imports (import.meta.env.SSR is false there): the panels'
// code is a chunk of its own, loaded after the page's (decision 0036).
const ssr = import.meta.env.SSR;
const panels = () => import("./lot-page-panels");

export const LotLinkPanels = deferred(
  () => panels().then((m) => m.LotLinkPanels),
  ssr ? server.LotLinkPanels : undefined,
);
export const LotLowerPanels = deferred(
  () => panels().then((m) => m.LotLowerPanels),
  ssr ? server.LotLowerPanels : undefined,
);
export const LotJump = deferred(
  () => import("~/components/lot-jump").then((m) => m.LotJump),
  ssr ? jump.LotJump : undefined,
);
