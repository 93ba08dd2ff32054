import type { Db } from "~/infra/db.server";
import type { Actor, Scope } from "~/modules/auth/permissions";
import { fixedT } from "~/modules/i18n/i18n.server";
import { lotPhotosForPdf } from "~/modules/report/photo-thumbs.server";
import { getLot } from "./lot-query.server";
import { lotRecordExtras } from "./record-extras.server";
import { lotRecordView, type RecordT } from "./record-view";
import { signatureStatus } from "./signoff.server";

const dataUrl = (png: Buffer | null) =>
  png ? `data:image/png;base64,${png.toString("base64")}` : null;

/**
 * The printable 检验批质量验收记录 (GB 50300-2013 附录 E) of a lot the viewer may see, else null.
 * Its content is in Chinese, the language of record, whatever the reader's language.
 */
export async function lotRecordPage(db: Db, viewer: Actor, scope: Scope, lotId: string) {
  const detail = await getLot(db, lotId, viewer, scope);
  if (!detail) return null;
  const [extras, signature] = await Promise.all([
    lotRecordExtras(db, detail),
    signatureStatus(db, detail),
  ]);
  return {
    ...lotRecordView(detail, fixedT("zh-CN") as RecordT),
    parties: {
      projectManager: extras.projectManager,
      subcontractorName: extras.subcontractorName,
      subcontractorManager: extras.subcontractorManager,
    },
    drawings: extras.drawings,
    nonconformance: extras.nonconformance,
    images: { selfcheck: dataUrl(extras.images.selfcheck), accept: dataUrl(extras.images.accept) },
    signature,
  };
}

/** What the record's PDF is made from: the lot, its signature check, photos and parties. */
export async function lotRecordPdfInput(db: Db, viewer: Actor, scope: Scope, lotId: string) {
  const detail = await getLot(db, lotId, viewer, scope);
  if (!detail) return null;
  const [signature, photos, extras] = await Promise.all([
    signatureStatus(db, detail),
    lotPhotosForPdf(db, detail.lot.id),
    lotRecordExtras(db, detail),
  ]);
  return { detail, signature, photos, extras };
}
