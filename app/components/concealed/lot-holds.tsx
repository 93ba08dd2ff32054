import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

type Hold = {
  code: "concealedMissing" | "concealedUnsigned";
  work: string;
  place: string;
  href: string;
};

/** The 隐蔽工程验收 a lot waits for (GB 50300 §3.0.6-5), each linking to its record or its form. */
export function ConcealedHolds({ holds }: { holds: Hold[] }) {
  const { t } = useTranslation("concealed");
  if (holds.length === 0) return null;
  return (
    <ul className="alert concealed-holds" data-testid="concealed-holds">
      {holds.map((h) => (
        <li key={h.href}>
          <Link to={h.href}>
            {t(h.code === "concealedMissing" ? "lot.holdMissing" : "lot.holdUnsigned", {
              work: h.work,
              place: h.place,
            })}
          </Link>
        </li>
      ))}
    </ul>
  );
}
