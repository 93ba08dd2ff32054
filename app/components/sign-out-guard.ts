import { useTranslation } from "react-i18next";
import { useOutbox } from "~/modules/offline/hooks";
import { stopPreparing } from "~/modules/offline/prepare.client";

/** Sign-out: warns while anything is unsent, then empties the pages kept for offline use. */
export function useSignOutGuard() {
  const commands = useOutbox() ?? [];
  const unsent = commands.length;
  const { t } = useTranslation("lot");
  return (event: { preventDefault: () => void }) => {
    if (unsent > 0 && !window.confirm(t("sync.signOutConfirm", { count: unsent }))) {
      event.preventDefault();
      return;
    }
    // Pages with this user's data must not be shown to the next user of the tablet, nor
    // fetched any further with this session.
    stopPreparing();
    for (const name of ["yanshou-pages", "yanshou-files"])
      void caches?.delete(name).catch(() => {});
  };
}
