import { useId } from 'react';
import type { Unit } from '../../api/contract';
import { toCsv } from '../../lib/csv';
import { formatValue } from '../../lib/format';
import { layoutBars } from './bar-layout';
import { useChartMeasure, useChartMedium } from './chart-text';
import { FigureFrame, type FigureFrameProps } from './figure-frame';
import { sizeKey, useSize } from './use-width';
import { Unbroken } from '../unbroken';

export interface BarSeries {
  id: string;
  label: string;
  values: readonly (number | null)[];
  colorIndex: number;
}

export interface BarFigureProps {
  title: string;
  narrative: string;
  tableCaption: string;
  /** Header of the first table column: "Quarter", "Priority", "Grade". */
  categoryLabel: string;
  categories: readonly string[];
  series: readonly BarSeries[];
  unit: Unit;
  decimalPlaces: number;
  /** Fixes the value axis, e.g. 100 for percentages of progress. */
  max?: number;
  fileName?: string;
  source?: string;
  /** The period the chart covers, for its exported image: "2017-18". */
  period?: string;
}

/** How a figure is shown: the same options as ChartFigure's, for the meeting pack's slides and handout. */
export type FigureDisplayProps = Pick<FigureFrameProps, 'pin' | 'toolbar' | 'printTable' | 'className'>;

export function barsToCsv({ title, categoryLabel, categories, series }: BarFigureProps): string {
  return toCsv([
    ['Chart', categoryLabel, ...series.map((s) => s.label)],
    ...categories.map((category, i) => [title, category, ...series.map((s) => s.values[i] ?? null)]),
  ]);
}

function CategoryTable({ id, figure }: { id: string; figure: BarFigureProps }) {
  const { tableCaption, categoryLabel, categories, series, unit, decimalPlaces } = figure;
  return (
    <div
      className="table-scroll"
      id={id}
      tabIndex={0}
      role="region"
      aria-label={`${tableCaption}: data table`}
    >
      <table className="data-table">
        <caption>
          <Unbroken text={tableCaption} />
        </caption>
        <thead>
          <tr>
            <th scope="col">{categoryLabel}</th>
            {series.map((s) => (
              <th key={s.id} scope="col">
                {s.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {categories.map((category, i) => (
            <tr key={category}>
              <th scope="row">{category}</th>
              {series.map((s) => {
                const value = s.values[i];
                return <td key={s.id}>{value == null ? '–' : formatValue(value, unit, decimalPlaces)}</td>;
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * Every categorical chart in the app (audits by quarter, grades, progress by priority, funding): a
 * figure with a headline, a generated narrative, horizontal bars with their values written at
 * their ends, the numbers as a table on request, and CSV and PNG downloads. Series after the first
 * are hatched, so they stay apart in greyscale. Drawn as plain SVG from a tested layout
 * (bar-layout), so long names wrap to two lines at most and a zero is still seen.
 */
export function BarFigure(props: BarFigureProps & FigureDisplayProps & { height?: number | undefined }) {
  const { pin, toolbar, printTable, className, height, ...figure } = props;
  const { title, narrative, fileName, source, period } = figure;
  return (
    <FigureFrame
      title={title}
      narrative={narrative}
      fileName={fileName}
      source={source}
      period={period}
      pin={pin}
      toolbar={toolbar}
      printTable={printTable}
      className={className}
      makeCsv={() => barsToCsv(figure)}
      renderTable={(tableId) => <CategoryTable id={tableId} figure={figure} />}
      chart={<BarChartSvg figure={figure} maxHeight={height} />}
    />
  );
}

function BarChartSvg({ figure, maxHeight }: { figure: BarFigureProps; maxHeight?: number | undefined }) {
  const { categories, series, unit, decimalPlaces, max } = figure;
  const { fontSize, fillHeight } = useChartMedium();
  const measure = useChartMeasure();
  const { ref, width, height: room, drawnFor } = useSize<HTMLDivElement>();
  const id = useId().replace(/[^a-zA-Z0-9-]/g, '');
  const patternId = (i: number) => `${id}-hatch-${i}`;
  const fill = (i: number) => (i === 0 ? `var(--chart-${series[i]!.colorIndex})` : `url(#${patternId(i)})`);
  const layout = layoutBars({
    width,
    maxHeight: fillHeight && room > 0 ? room : maxHeight,
    fontSize,
    categories,
    series,
    unit,
    decimalPlaces,
    max,
    formatValue: (v) => formatValue(v, unit, decimalPlaces),
    measure,
  });
  const { plot, lineHeight } = layout;
  const baseline = plot.y + plot.height;
  const swatch = Math.round(fontSize * 1.1);
  const stub = Math.max(3, Math.round(fontSize * 0.2));

  return (
    <div className="trend-chart bar-chart" aria-hidden="true" ref={ref} data-room={drawnFor}>
      <svg
        key={sizeKey(layout)}
        className="bar-chart__svg"
        width={layout.width}
        height={layout.height}
        viewBox={`0 0 ${layout.width} ${layout.height}`}
        preserveAspectRatio="xMinYMin meet"
        fontSize={fontSize}
      >
        <defs>
          {series.map((s, i) =>
            i === 0 ? null : (
              <pattern
                key={s.id}
                id={patternId(i)}
                width="6"
                height="6"
                patternUnits="userSpaceOnUse"
                patternTransform={`rotate(${i % 2 ? 45 : -45})`}
              >
                <rect width="6" height="6" fill="var(--surface)" />
                <rect width="3" height="6" fill={`var(--chart-${s.colorIndex})`} />
              </pattern>
            ),
          )}
        </defs>
        {layout.key.map((k) => (
          <g key={k.seriesIndex} className="bar-chart__key">
            <rect
              x={k.x}
              y={k.y + (lineHeight - swatch) / 2}
              width={swatch}
              height={swatch}
              fill={fill(k.seriesIndex)}
              stroke={`var(--chart-${series[k.seriesIndex]!.colorIndex})`}
              strokeWidth={1.5}
            />
            <text x={k.x + swatch + 6} y={k.y + lineHeight / 2} dy="0.35em" fill="var(--text)">
              {k.label}
            </text>
          </g>
        ))}
        {layout.ticks.map((t) => (
          <g key={t.value} className="bar-chart__tick">
            <line x1={t.x} x2={t.x} y1={plot.y} y2={baseline} stroke="var(--chart-grid)" />
            <text x={t.x} y={baseline + fontSize + 4} textAnchor="middle" fill="var(--text-muted)">
              {t.text}
            </text>
          </g>
        ))}
        <line
          x1={plot.x}
          x2={plot.x}
          y1={plot.y}
          y2={baseline}
          stroke="var(--chart-axis)"
          strokeWidth={1.5}
        />
        {layout.rows.map((row) => (
          <g key={row.category} className="bar-chart__row">
            {row.lines.map((line, i) => (
              <text
                key={i}
                className="bar-chart__category"
                x={layout.labelsAbove ? 0 : layout.labelWidth}
                y={row.labelY + lineHeight * (i + 1) - Math.round(lineHeight * 0.25)}
                textAnchor={layout.labelsAbove ? 'start' : 'end'}
                fill="var(--text)"
              >
                {line}
              </text>
            ))}
            {row.bars.map((bar) => {
              const colour = `var(--chart-${series[bar.seriesIndex]!.colorIndex})`;
              const zero = bar.value === 0;
              const end = plot.x + (zero ? stub : bar.width);
              return (
                <g key={bar.seriesIndex} className="bar-chart__bar" data-value={bar.value ?? ''}>
                  {bar.value === null ? null : (
                    <rect
                      x={plot.x}
                      y={bar.y}
                      width={zero ? stub : Math.max(bar.width, 1)}
                      height={layout.barThickness}
                      fill={zero ? colour : fill(bar.seriesIndex)}
                      stroke={colour}
                      strokeWidth={1.5}
                    />
                  )}
                  <text
                    x={end + Math.round(fontSize * 0.4)}
                    y={bar.y + layout.barThickness / 2}
                    dy="0.35em"
                    fill={bar.value === null ? 'var(--text-muted)' : 'var(--text)'}
                    fontWeight={bar.value === null ? 400 : 700}
                  >
                    {bar.text}
                  </text>
                </g>
              );
            })}
          </g>
        ))}
      </svg>
    </div>
  );
}
