import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { PageHeader } from "~/components/page-header";
import { db } from "~/infra/db.server";
import { scopeFor } from "~/modules/auth/permissions";
import { notFound, requireUser } from "~/modules/auth/require-user.server";
import { formatDate, formatYuan } from "~/modules/site/labels";
import { getProjectOverview } from "~/modules/site/queries.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.project.name ?? "项目"} · 验收` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user } = await requireUser(request, "project.view");
  const compoundScope = scopeFor(user.role, "compound.view");
  const project = await getProjectOverview(db(), params.projectId ?? "", user, compoundScope);
  if (!project) notFound("project");
  return { project, today: new Date() };
}

function phaseState(startsOn: Date, endsOn: Date | null, today: Date) {
  if (today < startsOn) return "未开始";
  if (endsOn === null || today <= endsOn) return "进行中";
  return "已结束";
}

export default function ProjectOverview() {
  const { project, today } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader
        title={project.name}
        crumbs={[{ to: "/projects", label: "项目" }]}
        subtitle={`${project.county} · 建设单位 ${project.owner?.name ?? "—"}`}
      />
      <section className="stats">
        <div className="stat">
          <span className="stat-label">总投资</span>
          <span className="stat-value">{formatYuan(project.budgetYuan)}</span>
        </div>
        <div className="stat">
          <span className="stat-label">惠及户数</span>
          <span className="stat-value">{project.households.toLocaleString("zh-CN")} 户</span>
        </div>
        <div className="stat">
          <span className="stat-label">小区</span>
          <span className="stat-value">{project.compounds.length} 个</span>
        </div>
      </section>
      {project.description ? <p>{project.description}</p> : null}

      <h2>计划阶段</h2>
      <ol className="phases">
        {project.phases.map((p) => (
          <li key={p.seq} className="phase">
            <strong>{p.name}</strong>
            <span className="muted">
              {formatDate(p.startsOn)} — {formatDate(p.endsOn)}
            </span>
            <span className="badge">{phaseState(p.startsOn, p.endsOn, today)}</span>
          </li>
        ))}
      </ol>

      <h2>小区</h2>
      {project.compounds.length === 0 ? (
        <p className="empty">您的单位在本项目中没有负责的小区。</p>
      ) : (
        <ul className="card-grid">
          {project.compounds.map((c) => (
            <li key={c.id}>
              <Link className="card card-link" to={`/compounds/${c.id}`}>
                <strong className="card-title">{c.name}</strong>
                <span className="muted">{c.address}</span>
                <span>
                  {c.households} 户 · {c._count.buildings} 栋楼 · {c._count.zones} 个室外区域
                </span>
                <span className="muted">
                  {c.streetOffice?.shortName ?? ""}
                  {c.contracts.map((k) => ` · ${k.name}：${k.contractor.shortName}`).join("")}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
