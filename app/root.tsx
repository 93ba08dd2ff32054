import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import { type ReactNode, useEffect } from "react";
import { useTranslation } from "react-i18next";
import { ErrorPage } from "~/components/error-page";
import { useNonce } from "~/components/nonce";
import { requestLanguage } from "~/modules/auth/language.server";
import { DEFAULT_LNG, type Lng } from "~/modules/i18n/config";
import { fixedT } from "~/modules/i18n/i18n.server";
import { registerServiceWorker } from "~/modules/offline/register.client";
import styles from "~/styles/app.css?url";
import photoStyles from "~/styles/photos.css?url";
import residentsStyles from "~/styles/residents.css?url";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles },
  // Photos appear on lots, defects, notices and lists: one small sheet for all of them.
  { rel: "stylesheet", href: photoStyles },
  { rel: "stylesheet", href: residentsStyles },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
  // Installable (PWA): the manifest and the home-screen icon.
  { rel: "manifest", href: "/manifest.webmanifest" },
  { rel: "apple-touch-icon", href: "/icons/apple-touch-icon.png" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const lng = await requestLanguage(request);
  return { lng, title: fixedT(lng)("app.title") };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title ?? "Yanshou" },
];

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  const lng: Lng = useRouteLoaderData<typeof loader>("root")?.lng ?? DEFAULT_LNG;
  const { i18n } = useTranslation();
  useEffect(() => {
    // A changed setting (account page) reaches here through the root loader's revalidation.
    if (i18n.language !== lng) void i18n.changeLanguage(lng);
  }, [i18n, lng]);
  return (
    <html lang={lng}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="theme-color" content="#0f5132" />
        <Meta />
        <Links />
      </head>
      <body>
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  useEffect(() => {
    // Controls shown only to browsers without JavaScript (plain form posts) hide from here on.
    document.documentElement.dataset.js = "on";
    registerServiceWorker();
  }, []);
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  return <ErrorPage error={error} isResponse={isRouteErrorResponse(error)} />;
}
export { keepDataAfterOfflinePost as shouldRevalidate } from "~/modules/offline/revalidate";
