import { useTranslation } from "react-i18next";
import { useOnline } from "~/modules/offline/hooks";

/**
 * Signing (a lot's 验收签认, the final acceptance's 签字) needs the server: the signed record and
 * its hash are made there. Offline, this says so and the caller disables its button. `what`: the
 * step, already in the reader's language.
 */
export function NeedsNetwork({ what, online }: { what: string; online: boolean }) {
  const { t } = useTranslation("lot");
  if (online) return null;
  return (
    <p className="alert alert-error" role="alert" data-testid="needs-network">
      {t("network.offline", { what })}
    </p>
  );
}

export { useOnline };
