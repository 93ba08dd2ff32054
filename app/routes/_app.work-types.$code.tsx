import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { PageHeader } from "~/components/page-header";
import { db } from "~/infra/db.server";
import { scopeFor } from "~/modules/auth/permissions";
import { notFound, requireUser } from "~/modules/auth/require-user.server";
import { ITEM_KIND_LABELS, METHOD_LABELS, numericLimitZh } from "~/modules/checklist/labels";
import { getWorkTypeChecklist } from "~/modules/checklist/queries.server";
import { formatDate } from "~/modules/site/labels";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.checklist.workType.nameZh ?? "检查表"} · 验收` },
];

const QuerySchema = z.object({ v: z.coerce.number().int().positive().optional() });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user } = await requireUser(request, "workType.view");
  const query = QuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  const checklist = await getWorkTypeChecklist(
    db(),
    params.code ?? "",
    query.success ? query.data.v : undefined,
  );
  if (!checklist) notFound("checklist");
  return { checklist, canPublish: scopeFor(user.role, "checklist.publish") !== null };
}

export default function WorkTypeChecklist() {
  const { checklist, canPublish } = useLoaderData<typeof loader>();
  const { workType, template, versions, isCurrent } = checklist;
  const groups = (["main", "general"] as const).map((kind) => ({
    kind,
    items: template.items.filter((i) => i.kind === kind),
  }));
  return (
    <>
      <PageHeader
        title={workType.nameZh}
        crumbs={[{ to: "/work-types", label: "检查表库" }]}
        subtitle={workType.nameEn}
        actions={
          canPublish ? (
            <Link className="button button-primary" to={`/work-types/${workType.code}/edit`}>
              编辑并发布新版本
            </Link>
          ) : null
        }
      />
      <section className="panel">
        <p>
          <b>验收规范：</b>
          {workType.standards.join("、")}
        </p>
        <p>
          <b>工程划分：</b>
          {workType.division}
        </p>
        <p>
          <b>检验批划分：</b>
          {workType.lotDivision}
        </p>
      </section>
      <section className="version-bar" aria-label="检查表版本">
        <span>
          第 {template.version} 版 · {formatDate(template.publishedAt)} 发布
          {template.publishedBy ? ` · ${template.publishedBy.displayName}` : ""} ·{" "}
          {template.changeNote}
        </span>
        {!isCurrent ? <span className="badge badge-warn">历史版本</span> : null}
        {versions.length > 1 ? (
          <span className="chips">
            {versions.map((v) => (
              <Link
                key={v.version}
                className={v.version === template.version ? "chip chip-active" : "chip"}
                to={`?v=${v.version}`}
              >
                第 {v.version} 版
              </Link>
            ))}
          </span>
        ) : null}
      </section>
      {groups.map((g) => (
        <section key={g.kind}>
          <h2>
            {ITEM_KIND_LABELS[g.kind]} <small>{g.items.length} 项</small>
          </h2>
          <ol className="items">
            {g.items.map((item, index) => {
              const limit = numericLimitZh(item);
              return (
                <li key={item.id} className={`item item-${item.kind}`} data-code={item.code}>
                  <div className="item-head">
                    <span className="item-no">
                      {index + 1}
                      <small>{item.code}</small>
                    </span>
                    <p className="item-text">{item.textZh}</p>
                  </div>
                  <dl className="item-facts">
                    <div>
                      <dt>检查方法</dt>
                      <dd>{METHOD_LABELS[item.method] ?? item.method}</dd>
                    </div>
                    {item.tolerance ? (
                      <div>
                        <dt>允许偏差/限值</dt>
                        <dd>{item.tolerance}</dd>
                      </div>
                    ) : null}
                    {limit ? (
                      <div>
                        <dt>自动判定</dt>
                        <dd className="limit">
                          {limit}
                          {item.numericCondition ? (
                            <small>（适用：{item.numericCondition}）</small>
                          ) : null}
                        </dd>
                      </div>
                    ) : null}
                    <div>
                      <dt>检查数量</dt>
                      <dd>{item.samplePlan}</dd>
                    </div>
                    <div className="item-source">
                      <dt>依据</dt>
                      <dd>
                        {item.source}
                        {item.verified ? null : <span className="badge badge-warn">未核实</span>}
                      </dd>
                    </div>
                  </dl>
                </li>
              );
            })}
          </ol>
        </section>
      ))}
    </>
  );
}
