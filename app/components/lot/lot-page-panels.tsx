import { LotDrawings } from "~/components/lot-drawings";
import { LotPlaceForm } from "~/components/lot-place-form";
import { transitionBase } from "~/modules/lot/transition-base";
import { LotDefectsPanel } from "./lot-defects-panel";
import { LotHistory } from "./lot-history";
import { LotNonconformancePanel } from "./lot-nonconformance-panel";
import { LotRecordsPanel } from "./lot-records-panel";
import { LotWorkflowPanel } from "./lot-workflow-panel";
import type { LotPageView } from "./types";

/**
 * The lot page's panels the browser hydrates after the items (lot-page.deferred.ts, decision
 * 0036): the server renders them in full; their code loads once the page is live.
 */

/** Under the verdict: the drawings the lot refers to, its defects and its §5.0.6 handling. */
export function LotLinkPanels({ data, busy }: { data: LotPageView; busy: boolean }) {
  const { lot } = data;
  return (
    <>
      <LotDrawings
        refs={data.drawings.refs}
        options={data.drawings.options}
        canEdit={data.drawings.canEdit}
        canAcknowledge={data.drawings.canAcknowledge}
        compoundId={lot.compound.id}
        busy={busy}
      />
      <LotDefectsPanel lotId={lot.id} defects={data.defects} failingItems={data.failingItems} />
      <LotNonconformancePanel lotId={lot.id} panel={data.nonconformance} />
    </>
  );
}

/** Under the items: place and 资料 forms, the workflow (signing) and the history. */
export function LotLowerPanels({
  data,
  busy,
  online,
  canAccept,
  acceptConclusion,
  verdictSummary,
}: {
  data: LotPageView;
  busy: boolean;
  online: boolean;
  canAccept: boolean;
  acceptConclusion: string | undefined;
  verdictSummary: string;
}) {
  const { lot, canRecord } = data;
  return (
    <>
      <LotPlaceForm fields={data.placeFields} editable={canRecord} />
      <LotRecordsPanel
        subItem={data.subItem}
        recordsComplete={lot.recordsComplete}
        selfCheckNote={lot.selfCheckNote}
        canRecord={canRecord}
        busy={busy}
      />
      <LotWorkflowPanel
        actions={data.actions}
        canAccept={canAccept}
        acceptConclusion={acceptConclusion}
        verdictSummary={verdictSummary}
        selfCheckNote={data.selfCheckNote}
        signerIsSupervisor={data.signerIsSupervisor}
        lotId={lot.id}
        lotState={transitionBase(lot)}
        lotLabel={`${lot.number} ${lot.workType.nameZh}`}
        online={online}
        busy={busy}
      />
      <LotHistory history={data.history} />
    </>
  );
}
