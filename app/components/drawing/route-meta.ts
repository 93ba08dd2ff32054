import type { LinksFunction, MetaFunction } from "@remix-run/node";
import styles from "~/styles/drawings.css?url";

/** What every drawing page loads: its namespace (before hydration) and its stylesheet. */
export const drawingHandle = { i18n: ["drawing"] };

export const drawingLinks: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

/** The page title the loader worded in the reader's language (`metaTitle`). */
export const drawingMeta: MetaFunction = ({ data }) => [
  { title: (data as { metaTitle?: string } | undefined)?.metaTitle ?? "" },
];
