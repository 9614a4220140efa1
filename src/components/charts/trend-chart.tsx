import { useMemo } from 'react';
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatValue, formatValueShort } from '../../lib/format';
import { monthLabel } from '../../lib/periods';
import { usePrefersReducedMotion } from '../../lib/use-media-query';
import type { ChartData } from './chart-types';
import { downsampleRows } from './downsample';

/** Past this many points a series is drawn without dots or animation, to stay fast. */
const LONG_SERIES = 200;
/** Past twice this many rows, the drawn line is thinned to about this many buckets (see downsample). */
const DRAWN_BUCKETS = 600;

const dashes = ['', '6 4', '2 3', '10 3 2 3'];

interface Row {
  x: number;
  [seriesId: string]: number | null;
}

/**
 * A line chart on a numeric time axis (month index), so series of any frequency and length share
 * one scale. Missing and suppressed values are gaps, never zero. A pure component: data in, SVG out.
 */
export function TrendChart({
  series,
  unit,
  decimalPlaces,
  target,
  markers = [],
  height = 300,
}: ChartData & { height?: number }) {
  const reducedMotion = usePrefersReducedMotion();
  const { rows, labels, ticks, longest } = useMemo(() => {
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
    const step = Math.max(1, Math.ceil(rows.length / 8));
    const ticks = rows.filter((_, i) => i % step === 0 || i === rows.length - 1).map((r) => r.x);
    const longest = Math.max(0, ...series.map((s) => s.points.length));
    return { rows, labels, ticks, longest };
  }, [series]);

  const long = longest > LONG_SERIES;
  const animate = !reducedMotion && !long;
  const label = (x: number) => labels.get(x) ?? monthLabel(x);

  return (
    <div className="trend-chart" aria-hidden="true">
      <ResponsiveContainer width="100%" height={height} initialDimension={{ width: 640, height }}>
        <LineChart data={rows} margin={{ top: 16, right: 24, bottom: 8, left: 8 }} accessibilityLayer={false}>
          <CartesianGrid stroke="var(--chart-grid)" strokeDasharray="3 3" />
          <XAxis
            dataKey="x"
            type="number"
            scale="linear"
            domain={['dataMin', 'dataMax']}
            ticks={ticks}
            tickFormatter={label}
            stroke="var(--chart-axis)"
            tick={{ fill: 'var(--text-muted)', fontSize: 12 }}
            padding={{ left: 12, right: 12 }}
          />
          <YAxis
            tickFormatter={(v: number) => formatValueShort(v, unit, unit === 'percent' ? 0 : 0)}
            stroke="var(--chart-axis)"
            tick={{ fill: 'var(--text-muted)', fontSize: 12 }}
            width={unit === 'gbp' ? 80 : 56}
            domain={[0, 'auto']}
          />
          <Tooltip
            labelFormatter={(x) => label(Number(x))}
            formatter={(value) =>
              typeof value === 'number' ? formatValue(value, unit, decimalPlaces) : 'No figure'
            }
            contentStyle={{
              background: 'var(--surface)',
              borderColor: 'var(--border)',
              color: 'var(--text)',
            }}
            isAnimationActive={false}
          />
          {series.length > 1 ? <Legend itemSorter={null} wrapperStyle={{ color: 'var(--text)' }} /> : null}
          {target != null ? (
            <ReferenceLine
              y={target}
              stroke="var(--chart-target)"
              strokeDasharray="8 4"
              ifOverflow="extendDomain"
              label={{
                value: `Target ${formatValueShort(target, unit, decimalPlaces)}`,
                position: 'insideTopRight',
                fill: 'var(--text-muted)',
                fontSize: 12,
              }}
            />
          ) : null}
          {markers.map((m) => (
            <ReferenceLine
              key={m.id}
              x={m.month}
              stroke="var(--chart-marker)"
              strokeDasharray="2 4"
              ifOverflow="discard"
            />
          ))}
          {series.map((s) => (
            <Line
              key={s.id}
              dataKey={s.id}
              name={s.label}
              type="linear"
              stroke={`var(--chart-${s.colorIndex})`}
              strokeWidth={s.colorIndex === 0 ? 3 : 2}
              strokeDasharray={dashes[s.colorIndex % dashes.length]}
              dot={long ? false : { r: s.colorIndex === 0 ? 4 : 3, fill: `var(--chart-${s.colorIndex})` }}
              activeDot={long ? false : { r: 5 }}
              connectNulls={false}
              isAnimationActive={animate}
              animationDuration={600}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
