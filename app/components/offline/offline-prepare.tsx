import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "~/modules/i18n/use-format";
import { useOnline } from "~/modules/offline/hooks";
import {
  canKeepOffline,
  lastPrepared,
  type Prepared,
  prepareOffline,
  sizeText,
  storageUsed,
} from "~/modules/offline/prepare.client";

type State =
  | { kind: "idle" }
  | { kind: "done" }
  | { kind: "preparing"; done: number; total: number }
  | { kind: "error"; message: string };

/**
 * 离线准备 on a compound's page: downloads what the supervisor needs there without signal and
 * says how much it took; the last preparation is remembered on the device.
 */
export function OfflinePrepare({ compoundId }: { compoundId: string }) {
  const { t } = useTranslation("site");
  const { dateTime } = useFormat();
  const online = useOnline();
  const [state, setState] = useState<State>({ kind: "idle" });
  const [prepared, setPrepared] = useState<Prepared | null>(null);
  const [used, setUsed] = useState<number | null>(null);
  useEffect(() => {
    void lastPrepared(compoundId).then(setPrepared);
    void storageUsed().then(setUsed);
  }, [compoundId]);

  const start = async () => {
    if (!canKeepOffline()) {
      setState({ kind: "error", message: t("offline.unsupported") });
      return;
    }
    setState({ kind: "preparing", done: 0, total: 0 });
    try {
      const result = await prepareOffline(compoundId, (done, total) =>
        setState({ kind: "preparing", done, total }),
      );
      setPrepared(result);
      setState({ kind: "done" });
      setUsed(await storageUsed());
    } catch (error) {
      setState({
        kind: "error",
        message: t("offline.error", { message: error instanceof Error ? error.message : "" }),
      });
    }
  };

  const busy = state.kind === "preparing";
  return (
    <section className="panel offline-prepare" aria-label={t("offline.prepare")}>
      <p className="muted">{t("offline.lead")}</p>
      <p className="offline-prepare-actions">
        <button
          type="button"
          className="button"
          onClick={start}
          disabled={busy || !online}
          data-testid="offline-prepare"
        >
          {t("offline.prepare")}
        </button>
        <span role="status" aria-live="polite" data-testid="offline-prepare-status">
          {!online
            ? t("offline.offline")
            : busy
              ? t("offline.preparing", { done: state.done, total: state.total })
              : state.kind === "error"
                ? state.message
                : prepared && state.kind === "done"
                  ? t("offline.done", { count: prepared.count, size: sizeText(prepared.bytes) })
                  : prepared
                    ? t("offline.last", {
                        when: dateTime(prepared.at),
                        count: prepared.count,
                        size: sizeText(prepared.bytes),
                      })
                    : null}
        </span>
      </p>
      {prepared && !busy && prepared.failed > 0 ? (
        <p className="notice">{t("offline.failed", { count: prepared.failed })}</p>
      ) : null}
      {prepared && !busy && prepared.truncated ? (
        <p className="muted">{t("offline.truncated")}</p>
      ) : null}
      {used !== null ? (
        <p className="muted">{t("offline.usage", { size: sizeText(used) })}</p>
      ) : null}
    </section>
  );
}
