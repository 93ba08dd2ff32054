import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import {
  Form,
  useActionData,
  useLoaderData,
  useNavigation,
  useSearchParams,
} from "@remix-run/react";
import type { TFunction } from "i18next";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { FormErrors, InputField, useSchemaForm } from "~/components/form";
import { safeRedirect } from "~/infra/forms";
import { clientAddress, readForm } from "~/infra/http.server";
import { parseSubmission, replyInvalid } from "~/infra/submission.server";
import { z } from "~/infra/zod";
import { requestTranslators } from "~/modules/auth/language.server";
import { optionalUser, publicContext } from "~/modules/auth/require-user.server";
import { signIn } from "~/modules/auth/sign-in.server";
import { LANGUAGES, type Lng } from "~/modules/i18n/config";
import { languageCookie } from "~/modules/i18n/i18n.server";

export const handle = { i18n: ["auth"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }];

function signInSchema(t: TFunction<"auth">) {
  return z.object({
    username: z
      .string({ error: t("signIn.usernameRequired") })
      .trim()
      .min(1, t("signIn.usernameRequired"))
      .max(64, t("signIn.usernameTooLong")),
    password: z
      .string({ error: t("signIn.passwordRequired") })
      .min(1, t("signIn.passwordRequired"))
      .max(200, t("signIn.passwordTooLong")),
    redirectTo: z.string().optional(),
  });
}

const LanguageSchema = z.object({ lng: z.enum(LANGUAGES), redirectTo: z.string().optional() });

export async function loader({ request }: LoaderFunctionArgs) {
  if (await optionalUser(request)) throw redirect("/");
  const { lng, t } = await requestTranslators(request, "auth");
  return { lng, title: t("signIn.metaTitle") };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request);
  const { lng, t, common } = await requestTranslators(request, "auth");
  if (form.get("intent") === "language") {
    // The language switch: remembered in the `lng` cookie, the page shown again in it.
    const choice = LanguageSchema.safeParse(Object.fromEntries(form));
    if (!choice.success) return data(null, { status: 400 });
    const back = safeRedirect(choice.data.redirectTo, "/");
    const to = back === "/" ? "/login" : `/login?redirectTo=${encodeURIComponent(back)}`;
    return redirect(to, {
      headers: { "Set-Cookie": await languageCookie.serialize(choice.data.lng) },
    });
  }
  const submission = parseSubmission(form, signInSchema(t), common);
  if (submission.status !== "success") return replyInvalid(submission);
  const result = await signIn(publicContext().db, {
    username: submission.value.username,
    password: submission.value.password,
    userAgent: request.headers.get("User-Agent"),
    address: clientAddress(context),
    cookieHeader: request.headers.get("Cookie"),
    lng,
  });
  if (!result.ok)
    return data(
      submission.reply({ formErrors: [result.message], hideFields: ["password"] }),
      result.retryAfterSeconds
        ? { status: 429, headers: { "Retry-After": String(result.retryAfterSeconds) } }
        : { status: 401 },
    );
  const headers = new Headers();
  headers.append("Set-Cookie", result.setCookie);
  headers.append("Set-Cookie", result.deviceCookie);
  return redirect(safeRedirect(submission.value.redirectTo, "/"), { headers });
}

/** 中文 / English: a plain form post (works without JavaScript), each name in its own language. */
function LanguageSwitch({ current, redirectTo }: { current: Lng; redirectTo: string }) {
  const { t } = useTranslation("auth");
  return (
    <Form method="post" className="language-switch" aria-label={t("signIn.switchTo")}>
      <input type="hidden" name="intent" value="language" />
      <input type="hidden" name="redirectTo" value={redirectTo} />
      {LANGUAGES.map((lng) => (
        <button
          key={lng}
          type="submit"
          name="lng"
          value={lng}
          lang={lng}
          className="button button-quiet"
          aria-pressed={lng === current}
        >
          {t(`language.${lng}`, { ns: "common" })}
        </button>
      ))}
    </Form>
  );
}

export default function Login() {
  const { lng } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [params] = useSearchParams();
  const busy = useNavigation().state !== "idle";
  const { t } = useTranslation("auth");
  const schema = useMemo(() => signInSchema(t), [t]);
  const [form, fields] = useSchemaForm(schema, { lastResult: lastResult ?? undefined });
  const redirectTo = params.get("redirectTo") ?? "/";
  return (
    <main className="login">
      <div className="login-card">
        <LanguageSwitch current={lng} redirectTo={redirectTo} />
        <h1>
          {t("signIn.brand")} <small>{t("signIn.subtitle")}</small>
        </h1>
        <p className="muted">{t("signIn.tagline")}</p>
        <Form method="post" {...getFormProps(form)}>
          <input type="hidden" name="redirectTo" value={redirectTo} />
          <InputField
            meta={fields.username}
            label={t("signIn.username")}
            autoComplete="username"
            autoCapitalize="none"
            autoCorrect="off"
          />
          <InputField
            meta={fields.password}
            type="password"
            label={t("signIn.password")}
            autoComplete="current-password"
          />
          <FormErrors form={form as unknown as Parameters<typeof FormErrors>[0]["form"]} />
          <button className="button button-primary button-block" type="submit" disabled={busy}>
            {busy ? t("signIn.busy") : t("signIn.submit")}
          </button>
        </Form>
      </div>
    </main>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";
