import type { SerializeFrom } from "@remix-run/node";
import type { LotPageData } from "~/modules/lot/page.server";

/** The lot page's loader data as the browser receives it (dates as strings). */
export type LotPageView = SerializeFrom<LotPageData>;
