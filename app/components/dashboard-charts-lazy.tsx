import { type ComponentProps, lazy, type ReactNode, Suspense, useEffect, useState } from "react";
import type * as Charts from "./dashboard-charts";

/**
 * The dashboard's charts, loaded after the page is interactive: recharts is most of the
 * dashboard's JavaScript, and the tables beside the charts are the server-rendered view. The
 * charts' module is fetched once the page has mounted; until then (and without JavaScript)
 * nothing is drawn in their place.
 */
const load = () => import("./dashboard-charts");
const LazyLots = lazy(() => load().then((m) => ({ default: m.LotsByWorkTypeChart })));
const LazyContractors = lazy(() => load().then((m) => ({ default: m.DefectsByContractorChart })));
const LazyTrend = lazy(() => load().then((m) => ({ default: m.DefectTrendChart })));

function AfterMount({ children }: { children: ReactNode }) {
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  return mounted ? <Suspense fallback={null}>{children}</Suspense> : null;
}

export function LotsByWorkTypeChart(props: ComponentProps<typeof Charts.LotsByWorkTypeChart>) {
  return (
    <AfterMount>
      <LazyLots {...props} />
    </AfterMount>
  );
}

export function DefectsByContractorChart(
  props: ComponentProps<typeof Charts.DefectsByContractorChart>,
) {
  return (
    <AfterMount>
      <LazyContractors {...props} />
    </AfterMount>
  );
}

export function DefectTrendChart(props: ComponentProps<typeof Charts.DefectTrendChart>) {
  return (
    <AfterMount>
      <LazyTrend {...props} />
    </AfterMount>
  );
}
