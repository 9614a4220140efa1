import { LEGEND_SWATCH, spreadLabels, type TrendLayout } from './trend-layout';

/*
 * The parts of a trend chart drawn the same way whichever renderer draws it: as plain SVG, on the
 * server and in the browser (StaticTrendSvg), or by recharts once a pointer reaches the chart, for
 * its tooltips (TrendSvg).
 *
 * Each line has its own colour, dash and marker shape, so lines are told apart in greyscale and by
 * people who do not see colour. The board's own line is solid and thickest; no comparator is
 * solid, and the target is a thin neutral line with its own label, so nothing looks like it.
 */

/** One row of a chart's data: a month and each series' value in it (null: no figure). */
export interface Row {
  x: number;
  [seriesId: string]: number | null;
}

export const dashes = ['', '9 4', '3 3', '12 3 3 3'];

export const lineColour = (colorIndex: number) => `var(--chart-${colorIndex})`;
export const lineWidth = (colorIndex: number) => (colorIndex === 0 ? 3.5 : 2.25);
export const lineDash = (colorIndex: number) => dashes[colorIndex % dashes.length] ?? '';
export const markerSize = (colorIndex: number) => (colorIndex === 0 ? 4 : 3.5);

/** A point's marker: circle, square, triangle or diamond by the line's colour index. */
export function Marker({ cx, cy, colorIndex }: { cx: number; cy: number; colorIndex: number }) {
  const fill = lineColour(colorIndex);
  const r = markerSize(colorIndex);
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
}

/**
 * The labels drawn on the chart: the value axis' caption, events, and the lines' and target's end
 * labels. `x` and `y` map a month and a value to pixels.
 */
export function ChartLabels({
  layout,
  x,
  y,
}: {
  layout: TrendLayout;
  x: (month: number) => number;
  y: (value: number) => number;
}) {
  const { fontSize, lineHeight, plot } = layout;
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
        const colour = isTarget ? 'var(--chart-target)' : lineColour(label.colorIndex as number);
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
      {layout.legendItems.map((item) => {
        const middle = item.y + lineHeight / 2;
        const textX = item.x + LEGEND_SWATCH + Math.round(fontSize * 0.4);
        return (
          <g key={item.seriesId} className="trend-chart__legend-item" data-series={item.seriesId}>
            <line
              x1={item.x}
              x2={item.x + LEGEND_SWATCH}
              y1={middle}
              y2={middle}
              stroke={lineColour(item.colorIndex)}
              strokeWidth={lineWidth(item.colorIndex)}
              strokeDasharray={lineDash(item.colorIndex) || undefined}
            />
            <Marker cx={item.x + LEGEND_SWATCH / 2} cy={middle} colorIndex={item.colorIndex} />
            {item.lines.map((line, k) => (
              <text
                key={k}
                x={textX}
                y={item.y + lineHeight * k + Math.round(fontSize * 0.95)}
                fontSize={fontSize}
                fontWeight={item.colorIndex === 0 ? 700 : 400}
                fill="var(--text)"
              >
                {line}
              </text>
            ))}
          </g>
        );
      })}
    </g>
  );
}

/** Month and value to pixels, as recharts works them out from the same layout. */
export function trendScales(layout: TrendLayout) {
  const { plot, xDomain, yDomain, xPadding } = layout;
  const x0 = plot.x + xPadding;
  const xSpan = plot.width - 2 * xPadding;
  const x = (month: number) => x0 + ((month - xDomain[0]) / (xDomain[1] - xDomain[0])) * xSpan;
  const bottom = plot.y + plot.height;
  const y = (value: number) => bottom - ((value - yDomain[0]) / (yDomain[1] - yDomain[0])) * plot.height;
  return { x, y };
}
