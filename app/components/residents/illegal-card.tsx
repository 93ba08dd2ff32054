import type { SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useFormat } from "~/modules/i18n/use-format";
import { ILLEGAL_STATES, type IllegalState } from "~/modules/residents/illegal";
import { IllegalStepForm } from "./illegal-step-form";
import { PhotoInput } from "./panel-form";

type Row = {
  id: string;
  number: string;
  placeLabel: string;
  description: string;
  areaM2: number | null;
  status: string;
  deadlineOn: string | Date | null;
  lastComment: string | null;
  createdAt: string | Date;
  photos: { before: { id: string }[]; after: { id: string }[] };
};

/** One illegal structure: its state, photos, and (for the managing body) the next step. */
export function IllegalCard({
  r,
  canManage,
  busy,
  stepResult,
}: {
  r: Row;
  canManage: boolean;
  busy: boolean;
  stepResult: SubmissionResult<string[]> | null;
}) {
  const { t } = useTranslation("residents");
  const f = useFormat();
  const state = r.status as IllegalState;
  const next = ILLEGAL_STATES[ILLEGAL_STATES.indexOf(state) + 1];
  return (
    <li className="card residents-card">
      <strong>
        {r.number} <span translate="no">{r.placeLabel}</span> ·{" "}
        {t(`illegal.states.${state}`, { defaultValue: r.status })}
      </strong>
      <span>
        <span translate="no">{r.description}</span>
        {r.areaM2 ? t("illegal.areaAbout", { area: r.areaM2 }) : ""}
      </span>
      <span className="muted">
        {t("illegal.registeredOn", { date: f.date(r.createdAt) })}
        {r.deadlineOn ? t("illegal.deadlineOn", { date: f.date(r.deadlineOn) }) : ""}
        {r.lastComment ? (
          <>
            {" · "}
            <span translate="no">{r.lastComment}</span>
          </>
        ) : null}
      </span>
      <div className="photo-row">
        {[
          ...r.photos.before.map((p) => ({ ...p, label: t("illegal.before") })),
          ...r.photos.after.map((p) => ({ ...p, label: t("illegal.after") })),
        ].map((p) => (
          <a key={p.id} href={`/resident-photos/${p.id}/display`} title={p.label}>
            <img src={`/resident-photos/${p.id}/thumb`} alt={p.label} />
          </a>
        ))}
      </div>
      {canManage && next && next !== "registered" ? (
        <IllegalStepForm id={r.id} next={next} lastResult={stepResult} busy={busy} />
      ) : null}
      {canManage && state !== "demolished" ? (
        <Form method="post" encType="multipart/form-data" className="residents-form">
          <input type="hidden" name="intent" value="photo" />
          <input type="hidden" name="id" value={r.id} />
          <PhotoInput
            label={state === "deadline" ? t("illegal.afterPhoto") : t("illegal.moreBefore")}
          />
          <button type="submit" className="button" disabled={busy}>
            {t("illegal.upload")}
          </button>
        </Form>
      ) : null}
    </li>
  );
}
