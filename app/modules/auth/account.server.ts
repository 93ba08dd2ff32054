import type { TFunction } from "i18next";
import type { Db } from "~/infra/db.server";
import type { Lng } from "~/modules/i18n/config";
import { isAction, PERMISSIONS } from "./permissions";
import type { CurrentUser } from "./session.server";
import { listSessions } from "./session.server";

/** The account page: who the user is, what the matrix lets them do, where they are signed in. */
export async function accountPage(db: Db, user: CurrentUser, t: TFunction<"auth">) {
  const sessions = await listSessions(db, user.id);
  const permissions = Object.entries(PERMISSIONS[user.role])
    .filter(([action]) => isAction(action))
    .map(([action, scope]) =>
      t("account.permission", {
        action: t(`actions.${action}` as "actions.lot.view"),
        scope: t(`scopes.${scope ?? "own"}`),
      }),
    );
  return {
    user: {
      displayName: user.displayName,
      username: user.username,
      title: user.title,
      role: t(`roles.${user.role}`),
      organizationName: user.organizationName,
      locale: user.locale,
    },
    sessions: sessions.map((s) => ({ ...s, current: s.id === user.sessionId })),
    permissions,
  };
}

/**
 * The user's UI language, kept on the account: it wins over the sign-in page's cookie and the
 * browser's language on every device. A display preference, not a record: no audit event.
 */
export async function setLanguage(db: Db, userId: string, lng: Lng) {
  await db.user.update({ where: { id: userId }, data: { locale: lng }, select: { id: true } });
}
