import { createHash } from "node:crypto";
import type { Db } from "~/infra/db.server";
import { lotDrawingRefs } from "~/modules/drawing/lot-refs.server";
import { formatDate } from "~/modules/i18n/dates";
import { fixedT } from "~/modules/i18n/i18n.server";
import type { LotDetail } from "./lots.server";
import {
  nonconformanceLines,
  nonconformanceRows,
  reworkRounds,
  routeView,
} from "./nonconformance-view";
import { lotHistory } from "./queries.server";
import type { RecordT } from "./record-view";

/**
 * What the 附录E record prints beyond the lot itself: the contract's 项目负责人 and 分包单位,
 * the drawings the work followed (施工依据) and the drawn signatures' images (each checked
 * against the hash that was signed; a replaced image is not printed).
 */
export async function lotRecordExtras(db: Db, detail: LotDetail) {
  const { lot } = detail;
  const newest = (kind: string) => lot.signatures.find((s) => s.kind === kind);
  const wanted = [newest("selfcheck")?.id, newest("accept")?.id].filter((id): id is string => !!id);
  const [contract, drawings, images, history] = await Promise.all([
    db.contract.findFirst({
      where: { compoundId: lot.compound.id, contractorOrgId: lot.contractorOrgId },
      select: { projectManager: true, subcontractorName: true, subcontractorManager: true },
    }),
    lotDrawingRefs(db, lot.id),
    db.lotSignature.findMany({
      where: { id: { in: wanted }, lotId: lot.id },
      select: { id: true, kind: true, imagePng: true, imageSha256: true },
    }),
    lotHistory(db, lot.id),
  ]);
  const image = (kind: string) => {
    const row = images.find((i) => i.kind === kind);
    if (!row) return null;
    const png = Buffer.from(row.imagePng);
    return createHash("sha256").update(png).digest("hex") === row.imageSha256 ? png : null;
  };
  // The record is printed in Chinese, the language of record, whatever the reader's language.
  const t = fixedT("zh-CN") as RecordT;
  const nonconformance = nonconformanceLines(routeView(lot, t), reworkRounds(history), t, (d) =>
    formatDate(d),
  );
  return {
    projectManager: contract?.projectManager ?? null,
    subcontractorName: contract?.subcontractorName ?? null,
    subcontractorManager: contract?.subcontractorManager ?? null,
    drawings: drawings.map((d) => ({
      revisionId: d.revisionId,
      text: t("lot:record.drawingRef", {
        number: d.number,
        title: d.title,
        revision: d.revision,
      }),
    })),
    images: { selfcheck: image("selfcheck"), accept: image("accept") },
    // GB 50300-2013 §5.0.6 (decision 0032): returns and re-inspections, the route accepted by.
    nonconformance,
    nonconformanceRows: nonconformanceRows(nonconformance, t),
  };
}
export type LotRecordExtras = Awaited<ReturnType<typeof lotRecordExtras>>;
