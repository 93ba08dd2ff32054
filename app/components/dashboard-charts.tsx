import { useEffect, useState } from "react";
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";

/** Recharts measures the DOM, so charts draw after hydration; the tables beside them are the SSR view. */
function useMounted() {
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  return mounted;
}

const FONT = { fontSize: 14 };

export function LotsByWorkTypeChart({
  data,
}: {
  data: { name: string; accepted: number; remaining: number }[];
}) {
  if (!useMounted() || data.length === 0) return null;
  return (
    <div className="chart" role="img" aria-label="各工程类别检验批验收进度">
      <ResponsiveContainer width="100%" height={Math.max(160, data.length * 44 + 60)}>
        <BarChart
          data={data.map((d) => ({ ...d, name: d.name.replace(/（.*）$/, "") }))}
          layout="vertical"
          margin={{ left: 8, right: 16 }}
        >
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" allowDecimals={false} tick={FONT} />
          <YAxis type="category" dataKey="name" width={190} tick={FONT} />
          <Tooltip />
          <Legend wrapperStyle={FONT} />
          <Bar
            isAnimationActive={false}
            dataKey="accepted"
            name="已验收"
            stackId="a"
            fill="#198754"
          />
          <Bar
            isAnimationActive={false}
            dataKey="remaining"
            name="未验收"
            stackId="a"
            fill="#d9a400"
          />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

export function DefectsByContractorChart({
  data,
  severities,
}: {
  data: Record<string, string | number>[];
  severities: { key: string; label: string }[];
}) {
  if (!useMounted() || data.length === 0) return null;
  const colors = ["#f0ad4e", "#d9534f", "#8b0000"];
  return (
    <div className="chart" role="img" aria-label="各施工单位质量问题">
      <ResponsiveContainer width="100%" height={260}>
        <BarChart data={data} margin={{ left: 0, right: 16 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="name" tick={FONT} />
          <YAxis allowDecimals={false} tick={FONT} />
          <Tooltip />
          <Legend wrapperStyle={FONT} />
          {severities.map((s, i) => (
            <Bar
              isAnimationActive={false}
              key={s.key}
              dataKey={s.key}
              name={s.label}
              stackId="open"
              fill={colors[i]}
            />
          ))}
          <Bar isAnimationActive={false} dataKey="closed" name="已关闭" fill="#198754" />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

export function DefectTrendChart({
  data,
}: {
  data: { week: string; opened: number; closed: number; open: number }[];
}) {
  if (!useMounted() || data.length === 0) return null;
  return (
    <div className="chart" role="img" aria-label="每周新增与关闭的质量问题">
      <ResponsiveContainer width="100%" height={260}>
        <LineChart data={data} margin={{ left: 0, right: 16 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="week" tick={FONT} />
          <YAxis allowDecimals={false} tick={FONT} />
          <Tooltip />
          <Legend wrapperStyle={FONT} />
          {/* 关闭 drawn first, wide and light; 新增 on top, thin with dots: both show where equal. */}
          <Line
            isAnimationActive={false}
            type="linear"
            dataKey="closed"
            name="关闭"
            stroke="#198754"
            strokeOpacity={0.55}
            strokeWidth={7}
            dot={false}
          />
          <Line
            isAnimationActive={false}
            type="linear"
            dataKey="opened"
            name="新增"
            stroke="#d9534f"
            strokeWidth={2.5}
            dot={{ r: 3 }}
          />
          <Line
            isAnimationActive={false}
            type="linear"
            dataKey="open"
            name="未关闭（周末）"
            stroke="#0b5394"
            strokeWidth={3}
            dot={false}
            connectNulls
          />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
