import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { PageHeader } from "~/components/page-header";
import { db } from "~/infra/db.server";
import { requireUser } from "~/modules/auth/require-user.server";
import { listWorkTypes } from "~/modules/checklist/queries.server";
import { zoneKindLabel } from "~/modules/site/labels";

export const meta: MetaFunction = () => [{ title: "检查表库 · 验收" }];

const PLACE_LABELS: Record<string, string> = {
  stairwell: "按单元楼道",
  building: "按楼栋",
  zone: "室外区域",
};

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, "workType.view");
  return { workTypes: await listWorkTypes(db()) };
}

export default function WorkTypes() {
  const { workTypes } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader
        title="检查表库"
        subtitle={`${workTypes.length} 个工程类别 · 依据 GB 50300-2013 及各专业验收规范`}
      />
      <ul className="card-grid">
        {workTypes.map((wt) => (
          <li key={wt.code}>
            <Link className="card card-link" to={`/work-types/${wt.code}`}>
              <strong className="card-title">{wt.nameZh}</strong>
              <span className="muted">{wt.nameEn}</span>
              <span>
                主控项目 <b>{wt.mainCount}</b> · 一般项目 <b>{wt.generalCount}</b> · 第{" "}
                {wt.currentVersion} 版
              </span>
              <span className="muted">
                {PLACE_LABELS[wt.placeKind]}
                {wt.zoneKinds.length > 0 ? `（${wt.zoneKinds.map(zoneKindLabel).join("、")}）` : ""}{" "}
                · {wt.standards[0]}
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
