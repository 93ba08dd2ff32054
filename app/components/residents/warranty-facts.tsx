import { useTranslation } from "react-i18next";
import { useFormat } from "~/modules/i18n/use-format";

type Facts = {
  route: string;
  workType: { nameZh: string; nameEn: string } | null;
  warrantyEndsOn: string | Date | null;
  contractorName: string | null;
  description: string;
  lastComment: string | null;
  createdAt: string | Date;
};

/** Who repairs a warranty issue, under which works and until when, and what was said. */
export function WarrantyFacts({ w }: { w: Facts }) {
  const { t } = useTranslation("residents");
  const f = useFormat();
  return (
    <section className="panel" data-testid="warranty-detail">
      <p>
        <strong>
          {w.route === "contractor" ? t("warranty.routeContractor") : t("warranty.routeManagement")}
        </strong>
      </p>
      <p>
        {t("warranty.workTypeLabel")}
        {w.workType
          ? f.lng === "en"
            ? w.workType.nameEn
            : w.workType.nameZh
          : t("warranty.unspecified")}
        {t("warranty.endsOnLabel")}
        {w.warrantyEndsOn ? f.date(w.warrantyEndsOn) : t("warranty.none")}
        {w.contractorName ? (
          <>
            {t("warranty.contractorLabel")}
            <span translate="no">{w.contractorName}</span>
          </>
        ) : null}
      </p>
      {w.description ? <p translate="no">{w.description}</p> : null}
      {w.lastComment ? (
        <p className="muted">
          {t("warranty.lastComment")}
          <span translate="no">{w.lastComment}</span>
        </p>
      ) : null}
      <p className="muted">{t("warranty.reportedAt", { date: f.date(w.createdAt) })}</p>
    </section>
  );
}
