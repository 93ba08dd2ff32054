import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PageHeader } from "~/components/page-header";
import { safeRedirect } from "~/infra/forms";
import { z } from "~/infra/zod";
import { requestLanguage, requestT } from "~/modules/auth/language.server";
import { requireUser } from "~/modules/auth/require-user.server";
import { inbox, markRead, openLine } from "~/modules/defect/inbox.server";
import { kindLabelKey, lineParts } from "~/modules/defect/inbox-lines";
import type { Translate } from "~/modules/defect/labels";
import { useFormat } from "~/modules/i18n/use-format";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";
export const handle = { i18n: ["defect"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

// The layout's loader has already made due-soon and overdue lines for this user.
export async function loader({ request }: LoaderFunctionArgs) {
  const { user, db } = await requireUser(request, "account.view");
  const t: Translate = await requestT(request);
  const lng = await requestLanguage(request);
  const lines = await inbox(db, user.id);
  return {
    title: `${t("defect:inbox.title")} · ${t("app.brand")}`,
    lines: lines.map(({ params, ...l }) => {
      const label = kindLabelKey(l.kind);
      return {
        ...l,
        kindLabel: label ? t(label) : l.kind,
        // Worded in the reader's language; old rows (no params) show their Chinese text as data.
        parts: lineParts(l.kind, params, t, lng) ?? [{ text: l.text, data: true }],
      };
    }),
  };
}

const ReadSchema = z.object({ id: z.string().min(1) });

/** Opening a line marks it read and goes where it points; "all" marks every line read. */
export async function action({ request }: ActionFunctionArgs) {
  const { user, db } = await requireUser(request, "account.view");
  const parsed = ReadSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return redirect("/inbox");
  const { id } = parsed.data;
  if (id === "all") {
    await markRead(db, user.id, "all");
    return redirect("/inbox");
  }
  return redirect(safeRedirect(await openLine(db, user.id, id), "/inbox"));
}

export default function InboxPage() {
  const { lines } = useLoaderData<typeof loader>();
  const { t } = useTranslation("defect");
  const format = useFormat();
  const unread = lines.filter((l) => !l.readAt).length;
  return (
    <>
      <PageHeader
        title={t("inbox.title")}
        subtitle={unread > 0 ? t("inbox.unread", { count: unread }) : t("inbox.noneUnread")}
        actions={
          unread > 0 ? (
            <Form method="post">
              <button type="submit" name="id" value="all" className="button">
                {t("inbox.markAllRead")}
              </button>
            </Form>
          ) : null
        }
      />
      {lines.length === 0 ? (
        <p className="muted">{t("inbox.empty")}</p>
      ) : (
        <Form method="post">
          <ul className="inbox" data-testid="inbox">
            {lines.map((l) => (
              <li key={l.id} className={l.readAt ? "inbox-line" : "inbox-line inbox-unread"}>
                <button type="submit" name="id" value={l.id} className="inbox-open">
                  <span className={`badge inbox-kind inbox-${l.kind.replace(".", "-")}`}>
                    {l.kindLabel}
                  </span>
                  <span className="inbox-text">
                    {l.parts.map((p, i) =>
                      p.data ? (
                        // biome-ignore lint/suspicious/noArrayIndexKey: parts of one fixed line
                        <span key={i} translate="no">
                          {p.text}
                        </span>
                      ) : (
                        p.text
                      ),
                    )}
                  </span>
                  <span className="muted inbox-time">{format.dateTime(l.createdAt)}</span>
                </button>
              </li>
            ))}
          </ul>
        </Form>
      )}
    </>
  );
}
