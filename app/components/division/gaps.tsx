import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { AnyT } from "~/modules/acceptance/words";
import { gapMessage } from "~/modules/division/words";
import { Worded } from "../worded";

type Gap = { code: string; params: Record<string, string | number>; href: string };

/** Why the 分部 record cannot be signed yet, each with the page where it is fixed. */
export function GapList({ gaps }: { gaps: Gap[] }) {
  const { t } = useTranslation("division");
  const { t: any } = useTranslation(["division"]);
  if (gaps.length === 0) return null;
  return (
    <section className="panel" data-testid="division-gaps">
      <h2>{t("gaps.title")}</h2>
      <ul>
        {gaps.map((g) => {
          const { key, values } = gapMessage(any as unknown as AnyT, g);
          return (
            <li key={`${g.code}-${JSON.stringify(g.params)}`}>
              <Link to={g.href}>
                <Worded ns="division" k={key.replace("division:", "")} values={values} />
              </Link>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
