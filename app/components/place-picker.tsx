import { Form, Link, useNavigation, useSubmit } from "@remix-run/react";
import { useEffect, useRef } from "react";
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
  const submit = useSubmit();
  const searching = useNavigation().location?.pathname === "/";
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  return (
    <section className="home-section place-picker" data-testid="place-picker">
      <h2 className="home-head">去检查</h2>
      <Form method="get" action="/" role="search" className="place-search">
        <input
          type="search"
          name="q"
          defaultValue={q}
          inputMode="search"
          enterKeyHint="search"
          autoComplete="off"
          placeholder="楼栋-单元，如 3-2；或室外区域名称"
          aria-label="查找部位"
          onChange={(e) => {
            const form = e.currentTarget.form;
            clearTimeout(timer.current);
            timer.current = setTimeout(() => {
              if (form) submit(form, { replace: true, preventScrollReset: true });
            }, 250);
          }}
        />
        <button type="submit" className="button">
          查找
        </button>
      </Form>
      {q ? (
        hits.length > 0 ? (
          <ul className="chips place-hits" aria-label="查找结果" aria-busy={searching}>
            {hits.map((h) => (
              <li key={`${h.kind}-${h.id}`}>
                <Link className="chip place-chip" to={h.href}>
                  {h.label}
                  <small className="muted">{h.compound}</small>
                </Link>
              </li>
            ))}
          </ul>
        ) : (
          <p className="empty">没有找到“{q}”。楼栋和单元请输入数字，如 3-2。</p>
        )
      ) : null}
      {recent.length > 0 ? (
        <>
          <h3 className="muted">最近的部位</h3>
          <ul className="chips place-recent" aria-label="最近的部位">
            {recent.map((h) => (
              <li key={`${h.kind}-${h.id}`}>
                <Link className="chip place-chip" to={h.href}>
                  {h.label}
                  <small className="muted">{h.compound}</small>
                </Link>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
