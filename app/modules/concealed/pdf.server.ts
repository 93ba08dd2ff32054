/**
 * The printable 隐蔽工程验收记录 (GB 50300-2013 §3.0.6-5 验收文件): every field from the record,
 * its photos named by their SHA-256, the supervisor's drawn signature. Chinese, the language of
 * record, whatever the reader's language.
 */
import type { Db } from "~/infra/db.server";
import type { AnyT } from "~/modules/acceptance/words";
import { formatDateTime } from "~/modules/i18n/dates";
import { fixedT } from "~/modules/i18n/i18n.server";
import { PdfReport } from "~/modules/report/pdf.server";
import type { RecordPage } from "./page.server";

export async function concealedPdf(db: Db, page: RecordPage, now = new Date()) {
  const t = fixedT("zh-CN") as AnyT;
  const { record } = page;
  const when = (d: Date | null) => (d ? formatDateTime(d, "zh-CN") : "—");
  const pdf = new PdfReport(
    t("concealed:pdf.title"),
    t("concealed:pdf.generated", { time: when(now) }),
  );
  pdf.heading(t("concealed:pdf.title"));
  pdf.line(t("concealed:pdf.basis"), { align: "center", size: 9 });
  pdf.space();
  pdf.keyValues([
    [t("concealed:pdf.project"), page.compound.project.name],
    [t("concealed:page.compound"), page.compound.name],
    [t("concealed:pdf.number"), record.id],
    [t("concealed:page.place"), record.placeLabel],
    [t("concealed:page.division"), record.division],
    [t("concealed:page.subItem"), record.subItem],
    [t("concealed:page.work"), record.work],
    [t("concealed:page.contractor"), page.contractorName],
    [t("concealed:page.requestedAt"), when(record.requestedAt)],
    [t("concealed:page.requests"), String(record.requests)],
  ]);
  pdf.space();
  pdf.keyValues([[t("concealed:page.content"), record.content]], 1);
  pdf.space();
  pdf.table(
    [
      { header: "#", width: 0.06 },
      { header: t("concealed:pdf.photoHashes"), width: 0.94 },
    ],
    record.photos.map((p, i) => [String(i + 1), p.sha256]),
  );
  pdf.space();
  const signature = record.signatureSha256
    ? await db.concealedWork.findUnique({
        where: { id: record.id },
        select: { signaturePng: true },
      })
    : null;
  pdf.keyValues(
    [
      [
        t("concealed:pdf.contractorSign"),
        `${page.creator?.displayName ?? "—"} ${page.creator?.title ?? ""} ${when(record.createdAt)}`,
      ],
      [t("concealed:pdf.conclusion"), t(`concealed:status.${record.status as "signed"}`)],
      [t("concealed:page.opinion"), record.opinion ?? t("concealed:pdf.pending")],
      [
        t("concealed:pdf.supervisorSign"),
        page.signer
          ? `${page.signer.displayName} ${page.signer.title} ${when(record.signedAt)}`
          : t("concealed:pdf.pending"),
      ],
      [t("concealed:page.contentHash"), record.contentHash ?? t("concealed:pdf.pending")],
    ],
    1,
  );
  if (signature?.signaturePng) {
    pdf.space();
    pdf.image(Buffer.from(signature.signaturePng), { height: 60 });
  }
  return pdf.toBuffer();
}
