import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PageHeader } from "~/components/page-header";
import { z } from "~/infra/zod";
import { accountPage, setLanguage } from "~/modules/auth/account.server";
import { requestTranslators } from "~/modules/auth/language.server";
import { requireUser } from "~/modules/auth/require-user.server";
import { revokeSession } from "~/modules/auth/session.server";
import { LANGUAGES } from "~/modules/i18n/config";
import { languageCookie } from "~/modules/i18n/i18n.server";
import { useFormat } from "~/modules/i18n/use-format";

export const handle = { i18n: ["auth"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, db } = await requireUser(request, "account.view");
  const { lng, t } = await requestTranslators(request, "auth");
  return { ...(await accountPage(db, user, t)), lng, title: t("account.metaTitle") };
}

const AccountIntent = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("revoke"), sessionId: z.string().min(1).max(100) }),
  z.object({ intent: z.literal("language"), lng: z.enum(LANGUAGES) }),
]);

export async function action({ request }: ActionFunctionArgs) {
  const { user, db } = await requireUser(request, "account.view");
  const fields = Object.fromEntries(await request.formData());
  // A device's sign-out button posts only its sessionId.
  const parsed = AccountIntent.safeParse({ intent: "revoke", ...fields });
  if (!parsed.success) return data({ done: null, refused: "brokenForm" as const }, { status: 400 });
  const input = parsed.data;
  if (input.intent === "language") {
    await setLanguage(db, user.id, input.lng);
    // The cookie too, so the sign-in page after signing out speaks the same language.
    return data(
      { done: "languageSaved" as const, refused: null },
      { headers: { "Set-Cookie": await languageCookie.serialize(input.lng) } },
    );
  }
  const revoked = await revokeSession(db, user.id, input.sessionId);
  if (!revoked) return data({ done: null, refused: "deviceGone" as const }, { status: 404 });
  return { done: "deviceSignedOut" as const, refused: null };
}

export default function Account() {
  const { user, sessions, permissions, lng } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation("auth");
  const format = useFormat();
  return (
    <>
      <PageHeader
        title={<span translate="no">{user.displayName}</span>}
        subtitle={
          <>
            <span translate="no">{user.organizationName}</span> ·{" "}
            <span translate="no">{user.title}</span> · {user.role} · {t("account.username")}{" "}
            <span translate="no">{user.username}</span>
          </>
        }
      />
      {result?.done ? (
        <p className="alert" role="status">
          {t(`account.${result.done}`)}
        </p>
      ) : null}
      {result?.refused ? (
        <p className="alert alert-error" role="alert">
          {result.refused === "deviceGone"
            ? t("errors.deviceGone")
            : t("error.brokenForm", { ns: "common" })}
        </p>
      ) : null}
      <section className="panel">
        <h2 id="language-heading">{t("account.language")}</h2>
        <Form method="post" className="language-switch" aria-labelledby="language-heading">
          <input type="hidden" name="intent" value="language" />
          {LANGUAGES.map((l) => (
            <button
              key={l}
              type="submit"
              name="lng"
              value={l}
              lang={l}
              className={l === lng ? "button button-primary" : "button"}
              aria-pressed={l === lng}
            >
              {t(`language.${l}`, { ns: "common" })}
            </button>
          ))}
        </Form>
        <p className="muted">{t("account.languageHint")}</p>
      </section>
      <h2>{t("account.permissions")}</h2>
      <ul className="chips">
        {permissions.map((p) => (
          <li key={p} className="chip">
            {p}
          </li>
        ))}
      </ul>
      <h2>{t("account.devices")}</h2>
      <table className="table">
        <thead>
          <tr>
            <th>{t("account.device")}</th>
            <th>{t("account.signedInAt")}</th>
            <th>{t("account.lastSeenAt")}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {sessions.map((s) => (
            <tr key={s.id}>
              <td className="ua" translate="no">
                {s.userAgent ?? t("account.unknownDevice")}
              </td>
              <td>{format.dateTime(s.createdAt)}</td>
              <td>{format.dateTime(s.lastSeenAt)}</td>
              <td>
                {s.current ? (
                  <span className="badge">{t("account.currentDevice")}</span>
                ) : (
                  <Form method="post">
                    <input type="hidden" name="intent" value="revoke" />
                    <input type="hidden" name="sessionId" value={s.id} />
                    <button className="button" type="submit">
                      {t("account.signOutDevice")}
                    </button>
                  </Form>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";
