import type { ShouldRevalidateFunction } from "@remix-run/react";

/**
 * Whether an action's answer is a post the browser answered itself because there was no network
 * (app/modules/lot/offline-post.client.ts): then no route fetches its data again, as that would
 * fail and replace the page with an error.
 */
export function answeredOffline(actionResult: unknown): boolean {
  return typeof actionResult === "object" && actionResult !== null && "offlinePost" in actionResult;
}

/** The layouts' shouldRevalidate: as Remix would, except after an offline post. */
export const keepDataAfterOfflinePost: ShouldRevalidateFunction = ({
  actionResult,
  defaultShouldRevalidate,
}) => (answeredOffline(actionResult) ? false : defaultShouldRevalidate);
