import { Form, Link, useNavigation, useSubmit } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import type { PlaceHit } from "~/modules/home/places.server";

/**
 * 去检查: type "3-2" (building 3, unit 2) or part of an outdoor zone's name; results come as you
 * type (a plain GET form without JavaScript). Recent places are one tap away.
 */
export function PlacePicker({
  q,
  hits,
  recent,
}: {
  q: string;
  hits: PlaceHit[];
  recent: PlaceHit[];
}) {
  const { t } = useTranslation("lot");
  const submit = useSubmit();
  const searching = useNavigation().location?.pathname === "/";
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  return (
    <section className="home-section place-picker" data-testid="place-picker">
      <h2 className="home-head">{t("picker.title")}</h2>
      <Form method="get" action="/" role="search" className="place-search">
        <input
          type="search"
          name="q"
          defaultValue={q}
          inputMode="search"
          enterKeyHint="search"
          autoComplete="off"
          placeholder={t("picker.placeholder")}
          aria-label={t("picker.search")}
          onChange={(e) => {
            const form = e.currentTarget.form;
            clearTimeout(timer.current);
            timer.current = setTimeout(() => {
              if (form) submit(form, { replace: true, preventScrollReset: true });
            }, 250);
          }}
        />
        <button type="submit" className="button">
          {t("picker.find")}
        </button>
      </Form>
      {q ? (
        hits.length > 0 ? (
          <ul className="chips place-hits" aria-label={t("picker.results")} aria-busy={searching}>
            {hits.map((h) => (
              <PlaceChip key={`${h.kind}-${h.id}`} hit={h} />
            ))}
          </ul>
        ) : (
          <p className="empty">{t("picker.none", { q })}</p>
        )
      ) : null}
      {recent.length > 0 ? (
        <>
          <h3 className="muted">{t("picker.recent")}</h3>
          <ul className="chips place-recent" aria-label={t("picker.recent")}>
            {recent.map((h) => (
              <PlaceChip key={`${h.kind}-${h.id}`} hit={h} />
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

/** A place found or recently opened: its name and its compound (data, as written). */
function PlaceChip({ hit }: { hit: { href: string; label: string; compound: string } }) {
  return (
    <li>
      <Link className="chip place-chip" to={hit.href}>
        <span translate="no">{hit.label}</span>
        <small className="muted" translate="no">
          {hit.compound}
        </small>
      </Link>
    </li>
  );
}
