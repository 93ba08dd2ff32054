import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
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

// React's SVG types lack the global translate attribute; the DOM honours it on any element.
const NO_TRANSLATE = { translate: "no" } as Record<string, string>;

/**
 * An axis label that is data (a work type or contractor as written): translate="no", so an
 * English page may show a Chinese name without counting as untranslated text.
 */
function DataTick(props: {
  x?: number | string;
  y?: number | string;
  textAnchor?: string;
  payload?: { value: string | number };
}) {
  return (
    <text
      x={props.x}
      y={props.y}
      dy={5}
      textAnchor={props.textAnchor === "middle" ? "middle" : "end"}
      fontSize={14}
      fill="#555"
      {...NO_TRANSLATE}
    >
      {props.payload?.value}
    </text>
  );
}

/**
 * The legend drawn by us: recharts' own labels each swatch "<name> legend icon" in English,
 * whatever the page's language.
 */
function ChartLegend({ payload }: { payload?: readonly { value?: unknown; color?: string }[] }) {
  return (
    <ul className="chart-legend" style={FONT}>
      {(payload ?? []).map((p) => (
        <li key={String(p.value)}>
          <span className="chart-swatch" style={{ background: p.color }} aria-hidden="true" />
          {String(p.value ?? "")}
        </li>
      ))}
    </ul>
  );
}

export function LotsByWorkTypeChart({
  data,
}: {
  data: { name: string; accepted: number; remaining: number }[];
}) {
  const { t } = useTranslation("site");
  if (!useMounted() || data.length === 0) return null;
  return (
    <div className="chart" role="img" aria-label={t("dashboard.chartLots")}>
      <ResponsiveContainer width="100%" height={Math.max(160, data.length * 44 + 60)}>
        <BarChart
          data={data.map((d) => ({ ...d, name: d.name.replace(/\uFF08.*\uFF09$/, "") }))}
          layout="vertical"
          margin={{ left: 8, right: 16 }}
        >
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" allowDecimals={false} tick={FONT} />
          <YAxis type="category" dataKey="name" width={190} tick={<DataTick />} />
          <Tooltip />
          <Legend content={<ChartLegend />} />
          <Bar
            isAnimationActive={false}
            dataKey="accepted"
            name={t("dashboard.accepted")}
            stackId="a"
            fill="#198754"
          />
          <Bar
            isAnimationActive={false}
            dataKey="remaining"
            name={t("dashboard.remaining")}
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
  const { t } = useTranslation("site");
  if (!useMounted() || data.length === 0) return null;
  const colors = ["#f0ad4e", "#d9534f", "#8b0000"];
  return (
    <div className="chart" role="img" aria-label={t("dashboard.chartContractors")}>
      <ResponsiveContainer width="100%" height={260}>
        <BarChart data={data} margin={{ left: 0, right: 16 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="name" tick={<DataTick textAnchor="middle" />} />
          <YAxis allowDecimals={false} tick={FONT} />
          <Tooltip />
          <Legend content={<ChartLegend />} />
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
          <Bar
            isAnimationActive={false}
            dataKey="closed"
            name={t("dashboard.closed")}
            fill="#198754"
          />
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
  const { t } = useTranslation("site");
  if (!useMounted() || data.length === 0) return null;
  return (
    <div className="chart" role="img" aria-label={t("dashboard.trend")}>
      <ResponsiveContainer width="100%" height={260}>
        <LineChart data={data} margin={{ left: 0, right: 16 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="week" tick={FONT} />
          <YAxis allowDecimals={false} tick={FONT} />
          <Tooltip />
          <Legend content={<ChartLegend />} />
          {/* Closed drawn first, wide and light; opened on top, thin with dots: both show where equal. */}
          <Line
            isAnimationActive={false}
            type="linear"
            dataKey="closed"
            name={t("dashboard.trendClosed")}
            stroke="#198754"
            strokeOpacity={0.55}
            strokeWidth={7}
            dot={false}
          />
          <Line
            isAnimationActive={false}
            type="linear"
            dataKey="opened"
            name={t("dashboard.trendOpened")}
            stroke="#d9534f"
            strokeWidth={2.5}
            dot={{ r: 3 }}
          />
          <Line
            isAnimationActive={false}
            type="linear"
            dataKey="open"
            name={t("dashboard.trendOpen")}
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
