import { useMemo } from 'react';
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  Tooltip,
  XAxis,
  YAxis,
  useXAxisScale,
  useYAxisScale,
} from 'recharts';
import { formatValue, formatValueShort } from '../../lib/format';
import { monthLabel } from '../../lib/periods';
import { usePrefersReducedMotion } from '../../lib/use-media-query';
import { measureText, useChartMedium } from './chart-text';
import type { ChartData } from './chart-types';
import { downsampleRows } from './downsample';
import { formatAxisValue, layoutTrend, spreadLabels, type TrendLayout } from './trend-layout';
import { useSize } from './use-width';

/** Past this many points a series is drawn without dots or animation, to stay fast. */
const LONG_SERIES = 200;
/** Past twice this many rows, the drawn line is thinned to about this many buckets (see downsample). */
const DRAWN_BUCKETS = 600;

/**
 * Each line has its own colour, dash and marker shape, so lines are told apart in greyscale and by
 * people who do not see colour. The board's own line is solid and thickest; no comparator is
 * solid, and the target is a thin neutral line with its own label, so nothing looks like it.
 */
const dashes = ['', '9 4', '3 3', '12 3 3 3'];

interface Row {
  x: number;
  [seriesId: string]: number | null;
}

interface DotProps {
  cx?: number;
  cy?: number;
  value?: unknown;
}

function markerShape(colorIndex: number, size: number) {
  const fill = `var(--chart-${colorIndex})`;
  const MarkerDot = ({ cx, cy, value }: DotProps) => {
    if (cx == null || cy == null || value == null) return <g />;
    const r = size;
    switch (colorIndex % 4) {
      case 1:
        return <rect x={cx - r} y={cy - r} width={r * 2} height={r * 2} fill={fill} />;
      case 2:
        return (
          <path
            d={`M${cx},${cy - r * 1.2}L${cx + r * 1.1},${cy + r * 0.8}L${cx - r * 1.1},${cy + r * 0.8}Z`}
            fill={fill}
          />
        );
      case 3:
        return (
          <path
            d={`M${cx},${cy - r * 1.25}L${cx + r * 1.1},${cy}L${cx},${cy + r * 1.25}L${cx - r * 1.1},${cy}Z`}
            fill={fill}
          />
        );
      default:
        return <circle cx={cx} cy={cy} r={r + 1} fill={fill} stroke="var(--surface)" strokeWidth={1.5} />;
    }
  };
  return MarkerDot;
}

/**
 * A line chart on a numeric time axis (month index), so series of any frequency and length share
 * one scale. Missing and suppressed values are gaps, never zero. Lines are labelled at their ends
 * with their name and latest value (a legend only past five lines); the target and each event are
 * labelled on the chart; the value axis says what it measures, and where it starts when that is
 * not zero. Type size comes from the medium (see chart-text). A pure component: data in, SVG out.
 */
export function TrendChart({
  series,
  unit,
  decimalPlaces,
  target,
  markers = [],
  height = 300,
}: ChartData & { height?: number | undefined }) {
  const reducedMotion = usePrefersReducedMotion();
  const { fontSize, fillHeight } = useChartMedium();
  const { ref, width, height: room } = useSize<HTMLDivElement>();
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
    measure: measureText,
  });
  const long = longest > LONG_SERIES;
  const animate = !reducedMotion && !long;
  const tick = { fill: 'var(--text-muted)', fontSize };
  // Comparators are drawn after the board's own line, so a thin line on top of the thick one shows.
  const drawOrder = [...series].sort((a, b) => a.colorIndex - b.colorIndex);

  return (
    <div className="trend-chart" aria-hidden="true" ref={ref}>
      <LineChart
        width={layout.width}
        height={layout.height}
        data={rows}
        margin={layout.margin}
        accessibilityLayer={false}
        className="trend-chart__chart"
      >
        <CartesianGrid stroke="var(--chart-grid)" vertical={false} />
        <XAxis
          dataKey="x"
          type="number"
          scale="linear"
          domain={layout.xDomain}
          ticks={layout.xTicks}
          interval={0}
          tickFormatter={label}
          stroke="var(--chart-axis)"
          tick={tick}
          height={layout.xAxisHeight}
          padding={{ left: layout.xPadding, right: layout.xPadding }}
        />
        <YAxis
          tickFormatter={(v: number) => formatAxisValue(v, unit)}
          stroke="var(--chart-axis)"
          tick={tick}
          width={layout.yAxisWidth}
          domain={layout.yDomain}
          ticks={layout.yTicks}
          interval={0}
          allowDataOverflow
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
            fontSize,
          }}
          isAnimationActive={false}
        />
        {layout.legend ? (
          <Legend itemSorter={null} wrapperStyle={{ color: 'var(--text)', fontSize }} />
        ) : null}
        {target != null ? (
          <ReferenceLine y={target} stroke="var(--chart-target)" strokeWidth={2} ifOverflow="extendDomain" />
        ) : null}
        {drawOrder.map((s) => (
          <Line
            key={s.id}
            dataKey={s.id}
            name={s.label}
            type="linear"
            stroke={`var(--chart-${s.colorIndex})`}
            strokeWidth={s.colorIndex === 0 ? 3.5 : 2.25}
            strokeDasharray={dashes[s.colorIndex % dashes.length]}
            dot={long ? false : markerShape(s.colorIndex, s.colorIndex === 0 ? 4 : 3.5)}
            activeDot={long ? false : { r: 6 }}
            connectNulls={false}
            isAnimationActive={animate}
            animationDuration={600}
          />
        ))}
        <ChartLabels layout={layout} />
      </LineChart>
    </div>
  );
}

/** The labels drawn on the chart: axis caption, events, and the lines' and target's end labels. */
function ChartLabels({ layout }: { layout: TrendLayout }) {
  const xScale = useXAxisScale();
  const yScale = useYAxisScale();
  if (!xScale || !yScale) return null;
  const { fontSize, lineHeight, plot } = layout;
  const x = (v: number) => xScale(v) ?? 0;
  const y = (v: number) => yScale(v) ?? 0;
  const plotBottom = plot.y + plot.height;

  const ends = layout.endLabels.map((l) => ({
    label: l,
    centre: y(l.value),
    height: l.lines.length * lineHeight,
  }));
  const tops = spreadLabels(
    ends.map((e) => ({ centre: e.centre, height: e.height })),
    2,
    layout.height - layout.xAxisHeight,
  );
  const labelX = plot.x + plot.width + Math.round(fontSize * 0.6);

  return (
    <g className="trend-chart__labels">
      {layout.axisCaption.map((line, i) => (
        <text
          key={i}
          className="trend-chart__caption"
          x={2}
          y={lineHeight * (i + 1) - 4}
          fontSize={fontSize}
          fill="var(--text-muted)"
        >
          {line}
        </text>
      ))}
      {layout.zeroBased ? null : (
        <path
          className="trend-chart__axis-break"
          d={`M${plot.x - 6},${plotBottom - 6}l4,-4l4,4l4,-4`}
          fill="none"
          stroke="var(--chart-axis)"
          strokeWidth={1.5}
        />
      )}
      {layout.events.map((e) => {
        const ex = x(e.month);
        const top = layout.eventTop + e.row * layout.eventRowHeight;
        const badge = Math.round(fontSize * 1.45);
        const badgeX = e.anchor === 'start' ? ex : ex - e.width;
        const textX = badgeX + badge + Math.round(fontSize * 0.3);
        return (
          <g key={e.id} className="trend-chart__event">
            <line
              x1={ex}
              x2={ex}
              y1={top + badge}
              y2={plotBottom}
              stroke="var(--chart-marker)"
              strokeWidth={1.5}
              strokeDasharray="2 4"
            />
            <g className="trend-chart__event-label">
              <rect
                x={badgeX}
                y={top}
                width={badge}
                height={badge}
                rx={badge / 2}
                fill="var(--chart-marker)"
              />
              <text
                x={badgeX + badge / 2}
                y={top + badge / 2}
                dy="0.35em"
                textAnchor="middle"
                fontSize={fontSize}
                fontWeight={700}
                fill="var(--surface)"
              >
                {e.number}
              </text>
              {e.lines.map((line, i) => (
                <text
                  key={line}
                  x={textX}
                  y={top + lineHeight * i + Math.round(fontSize * 0.95)}
                  fontSize={fontSize}
                  fill="var(--text)"
                >
                  {line}
                </text>
              ))}
            </g>
          </g>
        );
      })}
      {ends.map(({ label, centre }, i) => {
        const top = tops[i]!;
        const middle = top + (label.lines.length * lineHeight) / 2;
        const isTarget = label.colorIndex === 'target';
        const colour = isTarget ? 'var(--chart-target)' : `var(--chart-${label.colorIndex})`;
        // The target's line runs to the plot's edge; a line's label is joined to its last point.
        const pointX = isTarget ? plot.x + plot.width : x(label.x) + 6;
        return (
          <g
            key={label.seriesId}
            className={`trend-chart__end-label${isTarget ? ' trend-chart__end-label--target' : ''}`}
            data-series={label.seriesId}
          >
            {/* Joined to its line when it had to move away from the line's end to make room. */}
            {Math.abs(middle - centre) > 2 ? (
              <line x1={pointX} y1={centre} x2={labelX - 3} y2={middle} stroke={colour} strokeWidth={1} />
            ) : null}
            <g className="trend-chart__end-label-text">
              {label.lines.map((line, k) => (
                <text
                  key={k}
                  x={labelX}
                  y={top + lineHeight * k + Math.round(fontSize * 0.95)}
                  fontSize={fontSize}
                  fontWeight={label.bold || k === label.lines.length - 1 ? 700 : 400}
                  fill={colour}
                >
                  {line}
                </text>
              ))}
            </g>
          </g>
        );
      })}
    </g>
  );
}
