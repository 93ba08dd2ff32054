import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { PublicResidentSections } from "~/components/public-residents";
import { db } from "~/infra/db.server";
import { notFound } from "~/modules/auth/require-user.server";
import { publicNotice } from "~/modules/dashboard/public.server";
import { publicResidents } from "~/modules/residents/public.server";
import { formatDate } from "~/modules/site/labels";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.name ?? "小区"} 改造公示` },
];

/** Public, no sign-in: reached from the QR code posted on site. */
export async function loader({ params }: LoaderFunctionArgs) {
  const notice = await publicNotice(db(), (params.code ?? "").toUpperCase());
  if (!notice) notFound("compound");
  const code = (params.code ?? "").toUpperCase();
  return { ...notice, code, residents: await publicResidents(db(), code) };
}

export default function PublicNotice() {
  const n = useLoaderData<typeof loader>();
  const lotsTotal = n.progress.reduce((s, p) => s + p.total, 0);
  const lotsDone = n.progress.reduce((s, p) => s + p.accepted, 0);
  return (
    <main className="public-notice">
      <h1>{n.name} 改造公示</h1>
      <p className="muted">
        {n.project} · {n.address} · {n.households} 户{n.street ? ` · ${n.street}` : ""}
      </p>
      <section className="panel">
        <h2>竣工验收</h2>
        <p className="public-big">
          {n.acceptance
            ? `${n.acceptance.statusZh}${n.acceptance.closedAt ? `（${formatDate(n.acceptance.closedAt)}）` : ""}`
            : "尚未进行竣工验收"}
        </p>
      </section>
      <section className="panel">
        <h2>工程进度</h2>
        <p>
          共 {lotsTotal} 个检验批，已验收合格 {lotsDone} 个。
        </p>
        <ul className="public-progress">
          {n.progress.map((p) => (
            <li key={p.nameZh}>
              <span>{p.nameZh}</span>
              <span>
                {p.total === 0
                  ? "尚未开始验收"
                  : p.accepted === p.total
                    ? `已全部验收合格（${p.total} 个）`
                    : `已验收 ${p.accepted} 个，共 ${p.total} 个`}
              </span>
            </li>
          ))}
        </ul>
      </section>
      <section className="panel">
        <h2>质量问题整改</h2>
        <p>
          检查中共发现质量问题 {n.defects.found} 项，已整改完毕 {n.defects.rectified} 项，正在整改{" "}
          {n.defects.rectifying} 项。
        </p>
      </section>
      <section className="panel">
        <h2>计划安排</h2>
        <ul className="public-progress">
          {n.phases.map((p) => (
            <li key={p.name}>
              <span>{p.name}</span>
              <span>
                {formatDate(p.startsOn)} — {p.endsOn ? formatDate(p.endsOn) : "持续"}
              </span>
            </li>
          ))}
        </ul>
      </section>
      {n.residents ? <PublicResidentSections code={n.code} data={n.residents} /> : null}
      <p className="muted">
        施工单位：{n.contractors.join("、")}。如有问题请联系所在街道（社区）。
      </p>
    </main>
  );
}
