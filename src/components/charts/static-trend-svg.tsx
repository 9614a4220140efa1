import type { ChartData } from './chart-types';
import { formatAxisValue, type TrendLayout } from './trend-layout';
import { ChartLabels, Marker, lineColour, lineDash, lineWidth, trendScales, type Row } from './trend-marks';

interface Props {
  series: ChartData['series'];
  unit: ChartData['unit'];
  target: ChartData['target'];
  rows: readonly Row[];
  label: (x: number) => string;
  layout: TrendLayout;
  /** Long series: no markers. */
  long: boolean;
}

const TICK = 6;
const TICK_MARGIN = 2;

/**
 * A trend chart as plain SVG from its layout: the grid, axes and their labels, the lines (with
 * gaps where a figure is missing), their markers, the target, the labels and the legend. It is
 * what the data service renders into the page, so the chart is there before any JavaScript has
 * run, and what the browser draws too. It has no tooltips: when a pointer reaches the chart,
 * TrendChart swaps in recharts' TrendSvg, drawn from the same layout in the same box.
 */
export function StaticTrendSvg({ series, unit, target, rows, label, layout, long }: Props) {
  const { x, y } = trendScales(layout);
  const { plot, fontSize } = layout;
  const bottom = plot.y + plot.height;
  const right = plot.x + plot.width;
  const tickText = { fill: 'var(--text-muted)', fontSize };
  const drawOrder = [...series].sort((a, b) => a.colorIndex - b.colorIndex);

  return (
    <svg
      className="trend-chart__svg"
      width={layout.width}
      height={layout.height}
      viewBox={`0 0 ${layout.width} ${layout.height}`}
      preserveAspectRatio="xMinYMin meet"
    >
      <g className="trend-chart__grid">
        {layout.yTicks.map((t) => (
          <line key={t} x1={plot.x} x2={right} y1={y(t)} y2={y(t)} stroke="var(--chart-grid)" />
        ))}
      </g>
      {target != null ? (
        <line
          className="trend-chart__target"
          x1={plot.x}
          x2={right}
          y1={y(target)}
          y2={y(target)}
          stroke="var(--chart-target)"
          strokeWidth={2}
        />
      ) : null}
      <g className="trend-chart__axis trend-chart__axis--x">
        <line x1={plot.x} x2={right} y1={bottom} y2={bottom} stroke="var(--chart-axis)" />
        {layout.xTicks.map((t) => (
          <g key={t}>
            <line x1={x(t)} x2={x(t)} y1={bottom} y2={bottom + TICK} stroke="var(--chart-axis)" />
            <text x={x(t)} y={bottom + TICK + TICK_MARGIN} dy="0.71em" textAnchor="middle" {...tickText}>
              {label(t)}
            </text>
          </g>
        ))}
      </g>
      <g className="trend-chart__axis trend-chart__axis--y">
        <line x1={plot.x} x2={plot.x} y1={plot.y} y2={bottom} stroke="var(--chart-axis)" />
        {layout.yTicks.map((t) => (
          <g key={t}>
            <line x1={plot.x - TICK} x2={plot.x} y1={y(t)} y2={y(t)} stroke="var(--chart-axis)" />
            <text x={plot.x - TICK - TICK_MARGIN} y={y(t)} dy="0.355em" textAnchor="end" {...tickText}>
              {formatAxisValue(t, unit)}
            </text>
          </g>
        ))}
      </g>
      <ChartLabels layout={layout} x={x} y={y} />
      {drawOrder.map((s) => (
        <g key={s.id} className="trend-chart__series" data-series={s.id}>
          <path
            className="trend-chart__line"
            d={linePath(rows, s.id, x, y)}
            fill="none"
            stroke={lineColour(s.colorIndex)}
            strokeWidth={lineWidth(s.colorIndex)}
            strokeDasharray={lineDash(s.colorIndex) || undefined}
          />
          {long
            ? null
            : rows.map((r) => {
                const v = r[s.id];
                return v == null ? null : (
                  <Marker key={r.x} cx={x(r.x)} cy={y(v)} colorIndex={s.colorIndex} />
                );
              })}
        </g>
      ))}
    </svg>
  );
}

/** A line through a series' rows, broken where a figure is missing (never drawn through zero). */
export function linePath(
  rows: readonly Row[],
  id: string,
  x: (month: number) => number,
  y: (value: number) => number,
): string {
  let d = '';
  let drawing = false;
  for (const r of rows) {
    const v = r[id];
    if (v == null) {
      drawing = false;
      continue;
    }
    d += `${drawing ? 'L' : 'M'}${round(x(r.x))},${round(y(v))}`;
    drawing = true;
  }
  return d;
}

const round = (n: number) => Math.round(n * 100) / 100;
