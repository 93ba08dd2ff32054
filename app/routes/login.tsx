import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { db } from "~/infra/db.server";
import { parseForm, safeRedirect } from "~/infra/forms";
import { clientAddress, readForm } from "~/infra/http.server";
import { optionalUser } from "~/modules/auth/require-user.server";
import { signIn } from "~/modules/auth/sign-in.server";

export const meta: MetaFunction = () => [{ title: "登录 · 验收" }];

const SignInSchema = z.object({
  username: z.string().trim().min(1, "请输入用户名").max(64, "用户名过长"),
  password: z.string().min(1, "请输入密码").max(200, "密码过长"),
  redirectTo: z.string().optional(),
});

export async function loader({ request }: LoaderFunctionArgs) {
  if (await optionalUser(request)) throw redirect("/");
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const parsed = parseForm(SignInSchema, await readForm(request));
  if (!parsed.ok) return data({ errors: parsed.errors, message: null }, { status: 400 });
  const result = await signIn(db(), {
    username: parsed.data.username,
    password: parsed.data.password,
    userAgent: request.headers.get("User-Agent"),
    address: clientAddress(context),
    cookieHeader: request.headers.get("Cookie"),
  });
  if (!result.ok)
    return data(
      { errors: {}, message: result.message },
      result.retryAfterSeconds
        ? { status: 429, headers: { "Retry-After": String(result.retryAfterSeconds) } }
        : { status: 401 },
    );
  const headers = new Headers();
  headers.append("Set-Cookie", result.setCookie);
  headers.append("Set-Cookie", result.deviceCookie);
  return redirect(safeRedirect(parsed.data.redirectTo, "/"), { headers });
}

export default function Login() {
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const busy = useNavigation().state !== "idle";
  const errors: Record<string, string | undefined> = actionData?.errors ?? {};
  return (
    <main className="login">
      <div className="login-card">
        <h1>
          验收 <small>老旧小区改造质量验收</small>
        </h1>
        <p className="muted">德江县住房和城乡建设局 · 监理 · 施工单位</p>
        <Form method="post" noValidate>
          <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? "/"} />
          <label className="field">
            <span>用户名</span>
            <input
              name="username"
              autoComplete="username"
              autoCapitalize="none"
              autoCorrect="off"
              aria-invalid={errors.username ? true : undefined}
              required
            />
            {errors.username ? <em className="field-error">{errors.username}</em> : null}
          </label>
          <label className="field">
            <span>密码</span>
            <input
              name="password"
              type="password"
              autoComplete="current-password"
              aria-invalid={errors.password ? true : undefined}
              required
            />
            {errors.password ? <em className="field-error">{errors.password}</em> : null}
          </label>
          {actionData?.message ? (
            <p className="alert alert-error" role="alert">
              {actionData.message}
            </p>
          ) : null}
          <button className="button button-primary button-block" type="submit" disabled={busy}>
            {busy ? "正在登录…" : "登录"}
          </button>
        </Form>
      </div>
    </main>
  );
}
