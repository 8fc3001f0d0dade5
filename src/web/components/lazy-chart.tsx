import { type ComponentProps, lazy, Suspense } from "react";
import { Loading } from "./loading.tsx";

/** ECharts is loaded only by the pages that draw a chart, in its own chunk. */
const EChart = lazy(() => import("./echart.tsx").then((module) => ({ default: module.EChart })));

export function LazyChart(props: ComponentProps<typeof EChart>) {
  return (
    <Suspense fallback={<Loading />}>
      <EChart {...props} />
    </Suspense>
  );
}
