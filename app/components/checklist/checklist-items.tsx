import { useTranslation } from "react-i18next";
import { ITEM_KINDS, numericLimit } from "~/modules/checklist/labels";
import type { NumericLike } from "~/modules/lot/verdict-legacy";
import { verdictText } from "~/modules/lot/verdict-text";
import { DataName, SourceText } from "./data-text";

type Item = NumericLike & {
  id: string;
  code: string;
  kind: string;
  textZh: string;
  textEn: string;
  method: string;
  tolerance: string | null;
  numericCondition: string | null;
  samplePlan: string;
  source: string;
  verified: boolean;
};

/** One checklist version's items, 主控项目 then 一般项目, with their limits and sources. */
export function ChecklistItems({ items }: { items: Item[] }) {
  const { t } = useTranslation("checklist");
  return ITEM_KINDS.map((kind) => {
    const group = items.filter((i) => i.kind === kind);
    return (
      <section key={kind}>
        <h2>
          {t(`kinds.${kind}`)} <small>{t("items.count", { count: group.length })}</small>
        </h2>
        <ol className="items">
          {group.map((item, index) => {
            const limitMessage = numericLimit(item);
            const limit = limitMessage ? verdictText(t, limitMessage) : null;
            return (
              <li key={item.id} className={`item item-${item.kind}`} data-code={item.code}>
                <div className="item-head">
                  <span className="item-no">
                    {index + 1}
                    <small translate="no">{item.code}</small>
                  </span>
                  <p className="item-text">
                    <DataName zh={item.textZh} en={item.textEn} />
                  </p>
                </div>
                <dl className="item-facts">
                  <div>
                    <dt>{t("items.method")}</dt>
                    <dd>
                      {t(`methods.${item.method as "observe"}`, { defaultValue: item.method })}
                    </dd>
                  </div>
                  {item.tolerance ? (
                    <div>
                      <dt>{t("items.tolerance")}</dt>
                      <dd translate="no">{item.tolerance}</dd>
                    </div>
                  ) : null}
                  {limit ? (
                    <div>
                      <dt>{t("items.autoJudged")}</dt>
                      <dd className="limit">
                        <span translate="no">{limit}</span>
                        {item.numericCondition ? (
                          <small>
                            {t("items.appliesWhen")}
                            <span translate="no">{item.numericCondition}</span>
                            {t("items.appliesWhenEnd")}
                          </small>
                        ) : null}
                      </dd>
                    </div>
                  ) : null}
                  <div>
                    <dt>{t("items.samplePlan")}</dt>
                    <dd translate="no">{item.samplePlan}</dd>
                  </div>
                  <div className="item-source">
                    <dt>{t("items.source")}</dt>
                    <dd>
                      <SourceText source={item.source} />
                      {item.verified ? null : (
                        <span className="badge badge-warn">{t("items.unverified")}</span>
                      )}
                    </dd>
                  </div>
                </dl>
              </li>
            );
          })}
        </ol>
      </section>
    );
  });
}
