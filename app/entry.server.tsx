import { randomBytes } from "node:crypto";
import type { EntryContext, HandleErrorFunction } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { isRouteErrorResponse, RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { NonceProvider } from "~/components/nonce";
import { withoutStrayNuls } from "~/infra/html-stream.server";
import { contentSecurityPolicy } from "~/infra/http-guard";
import { I18nextProvider } from "~/modules/i18n/mini/react";
import "~/modules/i18n/zod-fallback.server";
import { requestLanguage } from "~/modules/auth/language.server";
import { isLng } from "~/modules/i18n/config";
import { renderI18n } from "~/modules/i18n/i18n.server";
import { startJobs } from "~/modules/jobs/start.server";

// scripts/serve.mjs takes its request gate from the built server entry, so it is TypeScript, bundled.
export {
  BASE_SECURITY_HEADERS,
  checkBody,
  checkOrigin,
  SIGNED_IN_CACHE_CONTROL,
} from "~/infra/http-guard";

// scripts/serve.mjs starts this instance's job worker from here when JOBS=1 (decision 0023).
export { schedulePeriodic, startJobs } from "~/modules/jobs/start.server";

// `npm run dev` has no scripts/serve.mjs: the dev server runs the worker itself (as `npm start`
// does; JOBS=0 turns it off), so uploaded drawings get rendered. startJobs starts it once.
if (process.env.NODE_ENV === "development")
  startJobs({ env: { ...process.env, JOBS: process.env.JOBS ?? "1" } });

export const streamTimeout = 5_000;

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
) {
  const nonce = randomBytes(16).toString("base64");
  responseHeaders.set("Content-Security-Policy", contentSecurityPolicy(nonce));
  const waitForAll = isbot(request.headers.get("user-agent") ?? "") || remixContext.isSpaMode;
  // The root loader has resolved the language (from the session it read); asking again would
  // read the session once more. An error page rendered without the root's data asks.
  const rootLng = (
    remixContext.staticHandlerContext.loaderData?.root as { lng?: unknown } | undefined
  )?.lng;
  const i18n = await renderI18n(isLng(rootLng) ? rootLng : await requestLanguage(request));
  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <I18nextProvider i18n={i18n}>
        <NonceProvider value={nonce}>
          <RemixServer context={remixContext} url={request.url} nonce={nonce} />
        </NonceProvider>
      </I18nextProvider>,
      {
        nonce,
        [waitForAll ? "onAllReady" : "onShellReady"]() {
          shellRendered = true;
          const body = withoutStrayNuls();
          responseHeaders.set("Content-Type", "text/html");
          resolve(
            new Response(createReadableStreamFromReadable(body), {
              headers: responseHeaders,
              status: responseStatusCode,
            }),
          );
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          // Errors inside the shell are reported by onShellError; later ones only here.
          if (shellRendered) console.error(error);
        },
      },
    );
    setTimeout(abort, streamTimeout + 1000);
  });
}

/**
 * Logs only what nobody expected: not a refusal thrown as a response (403, 404, 413…), not a
 * request the client abandoned.
 */
export const handleError: HandleErrorFunction = (error, { request }) => {
  if (request.signal.aborted) return;
  if (error instanceof Response && error.status < 500) return;
  if (isRouteErrorResponse(error) && error.status < 500) return;
  console.error(error);
};
