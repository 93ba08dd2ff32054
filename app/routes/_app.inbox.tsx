import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { PageHeader } from "~/components/page-header";
import { db } from "~/infra/db.server";
import { parseForm, safeRedirect } from "~/infra/forms";
import { requireUser } from "~/modules/auth/require-user.server";
import {
  inbox,
  markRead,
  NOTIFICATION_KIND_LABELS_ZH,
  type NotificationKind,
} from "~/modules/defect/inbox.server";
import { formatDateTime } from "~/modules/site/labels";

export const meta: MetaFunction = () => [{ title: "消息 · 验收" }];

// The layout's loader has already made due-soon and overdue lines for this user.
export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requireUser(request, "account.view");
  const lines = await inbox(db(), user.id);
  return {
    lines: lines.map((l) => ({
      ...l,
      kindZh: NOTIFICATION_KIND_LABELS_ZH[l.kind as NotificationKind] ?? l.kind,
    })),
  };
}

const ReadSchema = z.object({ id: z.string().min(1) });

/** Opening a line marks it read and goes where it points; "all" marks every line read. */
export async function action({ request }: ActionFunctionArgs) {
  const { user } = await requireUser(request, "account.view");
  const parsed = parseForm(ReadSchema, await request.formData());
  if (!parsed.ok) return redirect("/inbox");
  const { id } = parsed.data;
  await markRead(db(), user.id, id === "all" ? "all" : id);
  if (id === "all") return redirect("/inbox");
  const line = await db().notification.findFirst({
    where: { id, userId: user.id },
    select: { link: true },
  });
  return redirect(safeRedirect(line?.link, "/inbox"));
}

export default function InboxPage() {
  const { lines } = useLoaderData<typeof loader>();
  const unread = lines.filter((l) => !l.readAt).length;
  return (
    <>
      <PageHeader
        title="消息"
        subtitle={unread > 0 ? `${unread} 条未读` : "没有未读消息"}
        actions={
          unread > 0 ? (
            <Form method="post">
              <button type="submit" name="id" value="all" className="button">
                全部标为已读
              </button>
            </Form>
          ) : null
        }
      />
      {lines.length === 0 ? (
        <p className="muted">暂无消息。</p>
      ) : (
        <Form method="post">
          <ul className="inbox" data-testid="inbox">
            {lines.map((l) => (
              <li key={l.id} className={l.readAt ? "inbox-line" : "inbox-line inbox-unread"}>
                <button type="submit" name="id" value={l.id} className="inbox-open">
                  <span className={`badge inbox-kind inbox-${l.kind.replace(".", "-")}`}>
                    {l.kindZh}
                  </span>
                  <span className="inbox-text">{l.text}</span>
                  <span className="muted inbox-time">{formatDateTime(l.createdAt)}</span>
                </button>
              </li>
            ))}
          </ul>
        </Form>
      )}
    </>
  );
}
