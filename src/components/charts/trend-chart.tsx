import { startTransition, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { formatValue, formatValueShort } from '../../lib/format';
import { monthLabel } from '../../lib/periods';
import { useChartMeasure, useChartMedium } from './chart-text';
import type { ChartData } from './chart-types';
import { downsampleRows } from './downsample';
import type * as TrendSvgModuleType from './trend-svg';
import { StaticTrendSvg } from './static-trend-svg';
import { layoutTrend } from './trend-layout';
import type { Row } from './trend-marks';
import { sizeKey, useSize } from './use-width';

/** Past this many points a series is drawn without dots, to stay fast. */
const LONG_SERIES = 200;
/** Past twice this many rows, the drawn line is thinned to about this many buckets (see downsample). */
const DRAWN_BUCKETS = 600;

type TrendSvgModule = typeof TrendSvgModuleType;
let rechartsChart: TrendSvgModule | null = null;
const loadedListeners = new Set<() => void>();

/**
 * The recharts chunk: what a chart needs for its tooltips, and nothing else. It is asked for when a
 * pointer first moves over the page (see main.tsx) or reaches a chart, never to draw the page.
 */
export function loadTrendSvg(): Promise<TrendSvgModule> {
  return import('./trend-svg').then((module) => {
    if (!rechartsChart) {
      rechartsChart = module;
      for (const listener of loadedListeners) listener();
    }
    return module;
  });
}

function subscribeLoaded(listener: () => void) {
  loadedListeners.add(listener);
  return () => loadedListeners.delete(listener);
}

/**
 * recharts' chart, for a chart a pointer has reached, once its chunk is here; never during server
 * rendering or hydration. Until then the chart is StaticTrendSvg: the same drawing, without tooltips.
 */
function useRechartsChart(wanted: boolean): TrendSvgModule | null {
  const loaded = useSyncExternalStore(
    subscribeLoaded,
    () => rechartsChart,
    () => null,
  );
  useEffect(() => {
    // Failing to load only costs the tooltips: the chart stays drawn, and the next pointer tries again.
    if (wanted && !loaded) void loadTrendSvg().catch(() => undefined);
  }, [wanted, loaded]);
  return wanted ? loaded : null;
}

/**
 * A line chart on a numeric time axis (month index), so series of any frequency and length share
 * one scale. Missing and suppressed values are gaps, never zero. Lines are labelled at their ends
 * with their name and latest value (a legend only past five lines); the target and each event are
 * labelled on the chart; the value axis says what it measures, and where it starts when that is
 * not zero. Type size comes from the medium (see chart-text). A pure component: data in, SVG out.
 *
 * The layout is worked out here, without recharts, and the chart is drawn from it as plain SVG
 * (StaticTrendSvg): in the page the data service renders, and in the browser. recharts draws the
 * same layout, in the same box, only once a pointer reaches the chart, for its tooltips: the page
 * never waits for recharts, and nothing on it moves when recharts takes over. No inline styles:
 * the server-rendered page is under a CSP that refuses them.
 */
export function TrendChart({
  series,
  unit,
  decimalPlaces,
  target,
  markers = [],
  height = 300,
}: ChartData & { height?: number | undefined }) {
  const { fontSize, fillHeight } = useChartMedium();
  const measure = useChartMeasure();
  const { ref, width, height: room, drawnFor } = useSize<HTMLDivElement>();
  const [pointed, setPointed] = useState(false);
  const recharts = useRechartsChart(pointed);
  const { rows, labels, longest } = useMemo(() => {
    const byMonth = new Map<number, Row>();
    const labels = new Map<number, string>();
    for (const s of series) {
      for (const p of s.points) {
        const row = byMonth.get(p.period.endMonth) ?? { x: p.period.endMonth };
        row[s.id] = p.value;
        byMonth.set(p.period.endMonth, row);
        labels.set(p.period.endMonth, p.period.label);
      }
    }
    const all = [...byMonth.values()].sort((a, b) => a.x - b.x);
    const rows = downsampleRows(
      all,
      series.map((s) => s.id),
      DRAWN_BUCKETS,
    );
    const longest = Math.max(0, ...series.map((s) => s.points.length));
    return { rows, labels, longest };
  }, [series]);

  const label = (x: number) => labels.get(x) ?? monthLabel(x);
  const layout = layoutTrend({
    width,
    height: fillHeight && room > 0 ? room : height,
    fontSize,
    series,
    unit,
    decimalPlaces,
    target,
    markers,
    xs: rows.map((r) => r.x),
    xLabel: label,
    formatValue: (v) => formatValue(v, unit, decimalPlaces),
    targetText: target != null ? `Target ${formatValueShort(target, unit, decimalPlaces)}` : '',
    measure,
  });

  return (
    <div
      className="trend-chart"
      aria-hidden="true"
      ref={ref}
      data-room={drawnFor}
      onPointerEnter={pointed ? undefined : () => startTransition(() => setPointed(true))}
    >
      {recharts ? (
        <recharts.TrendSvg
          key={sizeKey(layout)}
          series={series}
          unit={unit}
          decimalPlaces={decimalPlaces}
          target={target}
          rows={rows}
          label={label}
          layout={layout}
          fontSize={fontSize}
          long={longest > LONG_SERIES}
        />
      ) : (
        <StaticTrendSvg
          key={sizeKey(layout)}
          series={series}
          unit={unit}
          target={target}
          rows={rows}
          label={label}
          layout={layout}
          long={longest > LONG_SERIES}
        />
      )}
    </div>
  );
}
