import { Link } from "@remix-run/react";

type WorkTypeSummary = {
  code: string;
  nameZh: string;
  currentVersion: number | null;
  mainCount: number;
  generalCount: number;
};

/** The work types inspected at a place, each linking to its checklist. */
export function WorkTypeLinks({ workTypes }: { workTypes: WorkTypeSummary[] }) {
  if (workTypes.length === 0) return <p className="empty">此处没有适用的工程类别。</p>;
  return (
    <ul className="card-list">
      {workTypes.map((wt) => (
        <li key={wt.code}>
          <Link className="card card-link" to={`/work-types/${wt.code}`}>
            <strong>{wt.nameZh}</strong>
            <span className="muted">
              检查表 第 {wt.currentVersion} 版 · 主控项目 {wt.mainCount} 项 · 一般项目{" "}
              {wt.generalCount} 项
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
