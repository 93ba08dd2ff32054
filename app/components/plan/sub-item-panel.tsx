import type { SubmissionResult } from "@conform-to/react";
import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useStandardName } from "~/components/lot/standard-name";
import { unitName } from "~/modules/lot/record-division";
import type { PlanPageData } from "~/modules/plan/page.server";
import { Data } from "../worded";
import { RemoveForm } from "./tree-form";

type SubItem = NonNullable<PlanPageData["plan"]>["coverage"][number];
type Last = SubmissionResult<string[]> | undefined;

/** One 分项 of the plan: its planned places, their state, and the supervisor's adjustments. */
export function SubItemPanel({
  s,
  canManage,
  canOpenLots,
  busy,
  lastFor,
  lastRemoval,
}: {
  s: SubItem;
  canManage: boolean;
  canOpenLots: boolean;
  busy: boolean;
  lastFor: (plannedLotId: string) => Last;
  lastRemoval?: Last;
}) {
  const { t } = useTranslation("plan");
  const { t: tAny } = useTranslation(["plan", "lot"]);
  const word = useStandardName();
  return (
    <section className="panel plan-sub-item" data-testid={`sub-item-${s.name}`}>
      <h2 translate="no">
        <span className="muted">
          {word(s.division)}
          {s.subDivision ? ` › ${word(s.subDivision)}` : ""} ›
        </span>{" "}
        {word(s.name)}
      </h2>
      {canManage ? (
        <RemoveForm intent="removeSubItem" id={s.id} busy={busy} lastResult={lastRemoval} />
      ) : null}
      <p className="coverage-line">
        {t("page.counts", { planned: s.planned, opened: s.opened, accepted: s.accepted })}
      </p>
      <table className="table">
        <thead>
          <tr>
            <th>{t("page.place")}</th>
            <th>{t("page.capacity")}</th>
            <th>{t("page.state")}</th>
            {canManage ? <th>{t("page.adjust")}</th> : null}
          </tr>
        </thead>
        <tbody>
          {s.places.map((p) => (
            <tr key={p.id} className={`place-${p.state}`}>
              <td translate="no">{p.placeLabel}</td>
              <td>
                {p.capacity
                  ? t("page.capacityValue", {
                      n: p.capacity,
                      unit: p.capacityUnit ? unitName(tAny, p.capacityUnit) : "",
                    }).trim()
                  : ""}
              </td>
              <td>
                {p.state === "missing" && !canOpenLots ? (
                  t(`placeState.${p.state}`)
                ) : (
                  <Link to={p.href}>
                    {p.state === "missing" ? (
                      t("page.openLot")
                    ) : (
                      <>
                        <Data>{p.lot?.number ?? ""}</Data> {t(`placeState.${p.state}`)}
                      </>
                    )}
                  </Link>
                )}
              </td>
              {canManage ? (
                <td>
                  <RemoveForm intent="remove" id={p.id} busy={busy} lastResult={lastFor(p.id)} />
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
      {canManage && s.addable.length > 0 ? (
        <Form method="post" className="inline-form">
          <input type="hidden" name="intent" value="add" />
          <input type="hidden" name="subItemId" value={s.id} />
          <select name="place" aria-label={t("page.addPlaceFor")} required>
            {s.addable.map((o) => (
              <option key={o.value} value={o.value} translate="no">
                {o.label}
              </option>
            ))}
          </select>
          <button type="submit" className="button" disabled={busy}>
            {t("page.add")}
          </button>
        </Form>
      ) : null}
    </section>
  );
}
