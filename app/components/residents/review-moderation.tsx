import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useFormat } from "~/modules/i18n/use-format";
import type { RatingKey } from "~/modules/residents/review-rules";

type Review = {
  id: string;
  topic: string;
  building: string;
  rating: RatingKey;
  opinion: string;
  status: string;
  createdAt: string | Date;
};

const STATUSES = ["pending", "published", "hidden"] as const;
const statusOf = (s: string) => STATUSES.find((x) => x === s) ?? "pending";

/** Residents' opinions for the community's moderation (publish or hide each). */
export function ReviewModeration({
  reviews,
  canManage,
}: {
  reviews: Review[];
  canManage: boolean;
}) {
  const { t } = useTranslation("residents");
  const f = useFormat();
  return (
    <section className="panel">
      <h2>{t("reviews.opinionsTitle", { count: reviews.length })}</h2>
      <ul className="public-opinions" data-testid="moderation">
        {reviews.map((r) => (
          <li key={r.id}>
            <span className="muted">
              {t(r.topic === "plan" ? "reviews.topicShort.plan" : "reviews.topicShort.work")} ·{" "}
              <span translate="no">{r.building}</span> · {t(`rating.${r.rating}`)} ·{" "}
              {f.date(r.createdAt)} · {t(`reviews.status.${statusOf(r.status)}`)}
            </span>
            {r.opinion ? <p translate="no">{r.opinion}</p> : <p>{t("reviews.noText")}</p>}
            {canManage ? (
              <Form method="post" className="residents-links">
                <input type="hidden" name="intent" value="moderate" />
                <input type="hidden" name="reviewId" value={r.id} />
                {r.status !== "published" ? (
                  <button type="submit" name="to" value="published" className="button">
                    {t("reviews.publishOne")}
                  </button>
                ) : null}
                {r.status !== "hidden" ? (
                  <button type="submit" name="to" value="hidden" className="button">
                    {t("reviews.hideOne")}
                  </button>
                ) : null}
              </Form>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
