import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { PageHeader } from "~/components/page-header";
import { db } from "~/infra/db.server";
import { type Action, scopeFor } from "~/modules/auth/permissions";
import { requireUser } from "~/modules/auth/require-user.server";
import { residentsHub } from "~/modules/residents/hub.server";

export const meta: MetaFunction = () => [{ title: "居民工作" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, scope } = await requireUser(request, "residents.view");
  const may = (a: Action) => scopeFor(user.role, a) !== null;
  return {
    compounds: await residentsHub(db(), user, scope),
    may: {
      survey: may("survey.view"),
      reviews: may("review.view") || may("review.manage"),
      warranty: may("warranty.view"),
      illegal: may("illegal.view"),
    },
  };
}

export default function ResidentsHub() {
  const { compounds, may } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader title="居民工作" subtitle="调查摸底、公示评议、长效管理与违建拆除" />
      {compounds.length === 0 ? <p className="empty">没有您负责的小区</p> : null}
      <ul className="card-list">
        {compounds.map((c) => (
          <li key={c.id} className="card residents-card">
            <strong>
              {c.name}（{c.code}）
            </strong>
            <span className="muted">
              {c.households} 户 · {c.managed ? "已竣工验收，长效管理中" : "改造中"}
            </span>
            <div className="residents-links">
              {may.survey ? (
                <Link className="button" to={`/residents/${c.id}/survey`}>
                  调查摸底（已登记 {c.surveyed} 户）
                </Link>
              ) : null}
              {may.reviews ? (
                <Link className="button" to={`/residents/${c.id}/reviews`}>
                  公示与评议（{c.reviews} 条）
                </Link>
              ) : null}
              {may.warranty ? (
                <Link className="button" to={`/residents/${c.id}/warranty`}>
                  保修报修（未关闭 {c.openWarranty}）
                </Link>
              ) : null}
              {may.illegal ? (
                <Link className="button" to={`/residents/${c.id}/illegal`}>
                  违建拆除（未拆除 {c.openIllegal}）
                </Link>
              ) : null}
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}
