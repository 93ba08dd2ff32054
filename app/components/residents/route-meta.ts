import type { MetaFunction } from "@remix-run/node";

/** What every residents page loads before hydration: its namespace. */
export const residentsHandle = { i18n: ["residents"] };

/** The page title the loader worded in the reader's language. */
export const titleMeta: MetaFunction = ({ data }) => [
  { title: (data as { title?: string } | undefined)?.title ?? "" },
];
