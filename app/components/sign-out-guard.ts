import { useTranslation } from "react-i18next";
import { useOutbox } from "~/modules/offline/hooks";

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
    // A preparation under way has its module loaded already: this import resolves at once
    // (kept out of the shell every page loads).
    void import("~/modules/offline/prepare.client").then((m) => m.stopPreparing());
    for (const name of ["yanshou-pages", "yanshou-files"])
      void caches?.delete(name).catch(() => {});
  };
}
