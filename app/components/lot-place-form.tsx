import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { PlaceField } from "~/modules/lot/place";
import { msg } from "~/modules/lot/verdict-message";
import { verdictText } from "~/modules/lot/verdict-text";
import { isNamedAttributeValue } from "~/modules/lot/verdict-vocabulary";

/**
 * 检验批容量 per quantity the items count, and the place attributes their limits depend on
 * (层数, 面层类型, 管径, 弯曲数 …). Without them the verdict stays 未完成 rather than guessing.
 */
export function LotPlaceForm({
  fields,
  editable,
}: {
  fields: { quantities: PlaceField[]; attributes: PlaceField[] };
  editable: boolean;
}) {
  const { t } = useTranslation("lot");
  const { t: words } = useTranslation("checklist");
  if (fields.quantities.length + fields.attributes.length === 0) return null;
  const all = [
    ...fields.quantities.map((f) => ({
      ...f,
      key: `q.${f.name}`,
      labelZh: t("place.capacity", { counts: f.labelZh }),
    })),
    ...fields.attributes.map((f) => ({ ...f, key: `a.${f.name}` })),
  ];
  return (
    <section className="panel lot-place">
      <h2>{t("place.title")}</h2>
      <Form method="post" className="place-form">
        <input type="hidden" name="intent" value="place" />
        <div className="place-fields">
          {all.map((f) => (
            <div key={f.key} className="inline-field">
              <label htmlFor={`place-${f.key}`}>
                {f.labelZh}
                {f.unit && !f.labelZh.includes(f.unit) ? ` (${f.unit})` : ""}
              </label>
              {f.options ? (
                <select
                  id={`place-${f.key}`}
                  name={f.key}
                  defaultValue={f.value ?? ""}
                  disabled={!editable}
                >
                  <option value="">{t("place.unset")}</option>
                  {f.options.map((o) => (
                    <option key={o} value={o}>
                      {isNamedAttributeValue(o)
                        ? verdictText(words, msg(`verdict.values.${o}`))
                        : o}
                    </option>
                  ))}
                </select>
              ) : (
                <input
                  id={`place-${f.key}`}
                  name={f.key}
                  inputMode="decimal"
                  defaultValue={f.value ?? ""}
                  disabled={!editable}
                />
              )}
            </div>
          ))}
        </div>
        {editable ? (
          <button type="submit" className="button">
            {t("place.save")}
          </button>
        ) : null}
      </Form>
    </section>
  );
}
