import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";
import { useTranslation } from "react-i18next";

/** What a refusal's JSON body may carry (see infra/domain-error and auth/require-user). */
type ErrorData = {
  kind?: string;
  what?: string;
  action?: string;
  actionLabel?: string;
  message?: string;
};

const KNOWN = [
  "400",
  "401",
  "405",
  "409",
  "411",
  "413",
  "415",
  "429",
  "500",
  "503",
  "507",
] as const;
type KnownStatus = (typeof KNOWN)[number];
const isKnown = (s: string): s is KnownStatus => (KNOWN as readonly string[]).includes(s);

/** A title and a default explanation per refusal; a message the server sent wins. */
export function ErrorPage({ error }: { error: unknown; isResponse?: boolean }) {
  const { t } = useTranslation();
  let title = t("error.unexpectedTitle");
  let detail = t("error.unexpected");
  let status = 500;
  if (isRouteErrorResponse(error)) {
    status = error.status;
    const data = (error.data ?? {}) as ErrorData;
    const code = String(error.status);
    if (error.status === 403 && data.kind === "refused" && data.message) {
      title = t("error.refusedTitle");
      detail = data.message;
    } else if (error.status === 403) {
      title = t("error.forbiddenTitle");
      detail = t("error.forbidden", { action: data.actionLabel ?? t("error.thisAction") });
    } else if (error.status === 404) {
      title = t("error.notFoundTitle");
      // An unknown name falls back to "page" rather than showing a key.
      const what = t(`things.${data.what ?? "page"}` as "things.page", {
        defaultValue: t("things.page"),
      });
      detail = t("error.notFound", { what });
    } else if (isKnown(code)) {
      title = t(`error.status.${code}.title`);
      detail = data.message ?? t(`error.status.${code}.detail`);
    } else if (data.message) {
      detail = data.message;
    }
  }
  return (
    <main className="error-page" data-status={status}>
      <p className="error-code">{status}</p>
      <h1>{title}</h1>
      <p>{detail}</p>
      <Link className="button" to="/">
        {t("actions.home")}
      </Link>
    </main>
  );
}

/** Every route's error boundary: `export { RouteErrorBoundary as ErrorBoundary } from …`. */
export function RouteErrorBoundary() {
  return <ErrorPage error={useRouteError()} />;
}
