import { Link, useNavigation } from "@remix-run/react";
import type { TFunction } from "i18next";
import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { ConcealedHolds } from "~/components/concealed/lot-holds";
import { LotPhotosSection, usePhotoViewer } from "~/components/lot-photos";
import { useOnline } from "~/components/needs-network";
import { PageHeader } from "~/components/page-header";
import { initialEntries } from "~/modules/lot/entries";
import type { EntryInput } from "~/modules/lot/entry-types";
import type { LiveVerdictBase } from "~/modules/lot/live-verdict";
import type { OfflinePostAnswer } from "~/modules/lot/offline-post.client";
import type { LotRules } from "~/modules/lot/verdict";
import { verdictText, verdictTexts } from "~/modules/lot/verdict-text";
import { useOutdatedSince, usePendingEntries } from "~/modules/offline/hooks";
import type { PhotoView } from "~/modules/photo/view";
import { AutosavedItem, emptyEntry } from "./lot-items";
import { LotJump, LotLinkPanels, LotLowerPanels } from "./lot-page.deferred";
import { LotVerdictPanel } from "./lot-verdict-panel";
import type { LotPageView } from "./types";

/** A post that met no network, worded: queued in the outbox, or not saved. */
function offlinePostText(t: TFunction<"lot">, answer: OfflinePostAnswer): string {
  if (answer.offlinePost === "notSaved") return t("network.notSaved");
  const action = answer.action ?? "reject";
  if (answer.offlinePost === "reasonMissing") return t(`workflow.${action}Reason`);
  return t("network.queued", { action: t(`commands.action.${action}`) });
}

/** The inspection lot page: the record on the tablet, judged as it is entered, and its workflow. */
export function LotPage({
  data,
  result,
}: {
  data: LotPageView;
  result: { ok: boolean; message?: string } | OfflinePostAnswer | undefined;
}) {
  const { t } = useTranslation("lot");
  const queuedSent = useOutdatedSince(result, data.lot.status);
  const message =
    result && "offlinePost" in result
      ? queuedSent && result.offlinePost === "queued"
        ? undefined
        : offlinePostText(t, result)
      : result?.message;
  const { t: tv } = useTranslation("checklist");
  const { lot, itemViews, verdictInputs, notes, recordedPoints, rules, canRecord } = data;
  const { canUpload, photoMaxFileBytes, photos, standards, signature } = data;
  const { t: tn } = useTranslation("nonconformance");
  const route = data.nonconformance?.route ?? null;
  const { openViewer, viewer } = usePhotoViewer({ canMarkup: canUpload });
  const photosOf = (itemId: string | null): PhotoView[] =>
    photos.filter((p) => p.itemId === itemId);
  const lotLabel = `${lot.number} ${lot.workType.nameZh}`;
  // One object each: the deferred uploaders re-render only on a real change (decision 0036).
  const photoOutbox = useMemo(
    () => ({ lotLabel, baseVersion: lot.status }),
    [lotLabel, lot.status],
  );
  const lotPhotoOutbox = useMemo(
    () => ({ ...photoOutbox, lotId: lot.id, itemId: null, itemCode: null }),
    [photoOutbox, lot.id],
  );
  const defectTarget = useMemo(
    () =>
      data.canRaiseDefects
        ? { lotId: lot.id, lotLabel, baseVersion: lot.status, placeLabel: lot.placeLabel }
        : undefined,
    [data.canRaiseDefects, lot.id, lotLabel, lot.status, lot.placeLabel],
  );
  const busy = useNavigation().state !== "idle";
  const online = useOnline();
  const [entries, setEntries] = useState<Record<string, EntryInput>>(() =>
    initialEntries({ itemViews, verdictInputs, notes, recordedPoints }),
  );
  // Records still in the outbox (recorded offline, page reloaded) are shown over the page's data.
  const pending = usePendingEntries(lot.id);
  const [overlaid, setOverlaid] = useState(false);
  useEffect(() => {
    if (!pending || Object.keys(pending).length === 0) return;
    setEntries((prev) => ({ ...prev, ...pending }));
    setOverlaid(true); // remounts the items, so their fields show the outbox's values
  }, [pending]);
  // The judging code (GB 50300 engine) loads after the page is shown; until then the page shows
  // the server's verdict of the same first state (data.pageVerdict), so hydration matches.
  const [engine, setEngine] = useState<typeof import("~/modules/lot/live-verdict") | null>(null);
  useEffect(() => {
    let live = true;
    void import("~/modules/lot/live-verdict").then((m) => live && setEngine(m));
    return () => {
      live = false;
    };
  }, []);
  const verdict = useMemo(
    () => (engine ? engine.liveLotVerdict(data as LiveVerdictBase, entries) : data.pageVerdict),
    [engine, entries, data],
  );
  const itemVerdicts = new Map(verdict.items.map((v) => [v.itemId, v]));
  const done = verdict.items.filter((v) => v.status !== "incomplete").length;
  // One Set per distinct list, so the deferred jump bar is not re-rendered (decision 0036).
  const incompleteIds = verdict.items
    .filter((v) => v.status === "incomplete")
    .map((v) => v.itemId)
    .join("\n");
  const incomplete = useMemo(
    () => new Set(incompleteIds ? incompleteIds.split("\n") : []),
    [incompleteIds],
  );
  const failing = verdictTexts(
    tv,
    verdict.items.filter((v) => v.status === "fail").flatMap((v) => v.reasons),
  );

  return (
    <>
      <PageHeader
        title={<span translate="no">{`${lot.workType.nameZh} · ${lot.placeLabel}`}</span>}
        crumbs={[
          { to: `/projects/${lot.compound.project.id}`, label: lot.compound.project.name },
          { to: `/compounds/${lot.compound.id}`, label: lot.compound.name },
        ]}
        subtitle={
          <>
            {t("page.subtitleLot")} <span translate="no">{lot.number}</span> ·{" "}
            <span translate="no">{lot.contractor}</span> ·{" "}
            {t("page.subtitleVersion", { version: lot.templateVersion })} · {standards[0] ?? ""}
            {lot.capacity ? (
              <>
                {" · "}
                {t("page.capacity", { capacity: lot.capacity })}{" "}
                <span translate="no">{lot.capacityUnit ?? ""}</span>
              </>
            ) : null}
          </>
        }
        actions={
          <>
            <span className={`badge status-${lot.status} lot-status`}>
              {t(`states.${lot.status}`)}
            </span>
            <Link className="button" to={`/lots/${lot.id}/record`}>
              {t("page.record")}
            </Link>
          </>
        }
      />
      {lot.lastReason && (lot.status === "rejected" || lot.status === "draft") ? (
        <p className="alert alert-error">
          {lot.status === "rejected" ? t("page.rejectReason") : t("page.reopenReason")}
          {t("page.reasonSep")}
          <span translate="no">{lot.lastReason}</span>
        </p>
      ) : null}
      {result && message ? (
        <p
          className={result.ok ? "alert" : "alert alert-error"}
          role={result.ok ? "status" : "alert"}
        >
          {message}
        </p>
      ) : null}

      <ConcealedHolds holds={data.concealed} />
      <LotVerdictPanel
        state={lot.status}
        verdict={{ status: verdict.status, summary: verdictText(tv, verdict.summary) }}
        done={done}
        total={verdict.items.length}
        failing={failing}
        viewerIsContractor={data.viewerIsContractor}
      />

      <LotLinkPanels data={data} busy={busy} />

      {signature ? (
        <p
          className={signature.matches ? "alert signature-ok" : "alert alert-error"}
          data-testid="signature"
        >
          {signature.matches
            ? t("page.signatureOk", { hash: signature.current.slice(0, 16) })
            : t("page.signatureBad", {
                signed: signature.signed?.slice(0, 16) ?? t("page.none"),
                current: signature.current.slice(0, 16),
              })}
        </p>
      ) : null}
      {!canRecord ? (
        <p className="alert">
          {lot.status === "accepted" ? t("page.readOnlyAccepted") : t("page.readOnly")}
        </p>
      ) : null}

      {(["main", "general"] as const).map((kind) => (
        <section key={kind}>
          <h2>{t(`page.${kind}`)}</h2>
          <ol className="lot-items">
            {itemViews
              .filter((i) => i.kind === kind)
              .map((item) => (
                <AutosavedItem
                  key={`${item.id}-${overlaid ? "outbox" : "page"}`}
                  lotId={lot.id}
                  lotLabel={lotLabel}
                  baseVersion={lot.status}
                  itemVersion={data.itemVersions[item.id] ?? 0}
                  item={item}
                  entry={entries[item.id] ?? emptyEntry(item.id, undefined)}
                  verdict={itemVerdicts.get(item.id)}
                  rules={rules as LotRules}
                  editable={canRecord}
                  onLocalChange={(next) => setEntries((prev) => ({ ...prev, [item.id]: next }))}
                  defect={defectTarget}
                  photos={{
                    lotId: lot.id,
                    outbox: photoOutbox,
                    list: photosOf(item.id),
                    canUpload,
                    maxFileBytes: photoMaxFileBytes,
                    onOpen: openViewer,
                  }}
                />
              ))}
          </ol>
        </section>
      ))}

      {canRecord ? (
        <LotJump items={itemViews} incomplete={incomplete} startHere={done === 0} />
      ) : null}
      <LotPhotosSection
        lotId={lot.id}
        photos={photosOf(null)}
        canUpload={canUpload}
        maxFileBytes={photoMaxFileBytes}
        outbox={lotPhotoOutbox}
        onOpen={openViewer}
      />

      <LotLowerPanels
        data={data}
        busy={busy}
        online={online}
        // A failing lot with a §5.0.6 route recorded is accepted by it (decision 0032).
        canAccept={verdict.canAccept || Boolean(route)}
        acceptConclusion={route ? tn(`clause.${route.route}`) : undefined}
        verdictSummary={verdictText(tv, verdict.summary)}
      />
      {viewer}
    </>
  );
}
