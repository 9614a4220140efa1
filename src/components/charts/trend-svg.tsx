import {
  CartesianGrid,
  Line,
  LineChart,
  ReferenceLine,
  Tooltip,
  XAxis,
  YAxis,
  useXAxisScale,
  useYAxisScale,
} from 'recharts';
import { formatValue } from '../../lib/format';
import type { ChartData } from './chart-types';
import { formatAxisValue, type TrendLayout } from './trend-layout';
import { ChartLabels, Marker, lineColour, lineDash, lineWidth, type Row } from './trend-marks';

interface DotProps {
  cx?: number;
  cy?: number;
  value?: unknown;
}

function markerShape(colorIndex: number) {
  const MarkerDot = ({ cx, cy, value }: DotProps) =>
    cx == null || cy == null || value == null ? <g /> : <Marker cx={cx} cy={cy} colorIndex={colorIndex} />;
  return MarkerDot;
}

export interface TrendSvgProps {
  series: ChartData['series'];
  unit: ChartData['unit'];
  decimalPlaces: ChartData['decimalPlaces'];
  target: ChartData['target'];
  rows: readonly Row[];
  label: (x: number) => string;
  layout: TrendLayout;
  fontSize: number;
  /** Long series: no dots, no animation. */
  long: boolean;
}

/**
 * The recharts part of a trend chart, in a chunk of its own so that a page's figures, narrative
 * and table never wait for it (see TrendChart, which lays the chart out and holds its place).
 * Lines are drawn at once, never animated in: the figure is there the moment the chart is.
 */
export function TrendSvg({
  series,
  unit,
  decimalPlaces,
  target,
  rows,
  label,
  layout,
  fontSize,
  long,
}: TrendSvgProps) {
  const tick = { fill: 'var(--text-muted)', fontSize };
  // Comparators are drawn after the board's own line, so a thin line on top of the thick one shows.
  const drawOrder = [...series].sort((a, b) => a.colorIndex - b.colorIndex);

  return (
    <LineChart
      width={layout.width}
      height={layout.height}
      data={rows as Row[]}
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
      {target != null ? (
        <ReferenceLine y={target} stroke="var(--chart-target)" strokeWidth={2} ifOverflow="extendDomain" />
      ) : null}
      {drawOrder.map((s) => (
        <Line
          key={s.id}
          dataKey={s.id}
          name={s.label}
          type="linear"
          stroke={lineColour(s.colorIndex)}
          strokeWidth={lineWidth(s.colorIndex)}
          strokeDasharray={lineDash(s.colorIndex)}
          dot={long ? false : markerShape(s.colorIndex)}
          activeDot={long ? false : { r: 6 }}
          connectNulls={false}
          isAnimationActive={false}
        />
      ))}
      <RechartsLabels layout={layout} />
    </LineChart>
  );
}

/** The shared labels, placed with recharts' own scales. */
function RechartsLabels({ layout }: { layout: TrendLayout }) {
  const xScale = useXAxisScale();
  const yScale = useYAxisScale();
  if (!xScale || !yScale) return null;
  return <ChartLabels layout={layout} x={(v) => xScale(v) ?? 0} y={(v) => yScale(v) ?? 0} />;
}
