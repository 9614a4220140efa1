import { useId } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Unit } from '../../api/contract';
import { toCsv } from '../../lib/csv';
import { formatValue, formatValueShort } from '../../lib/format';
import { usePrefersReducedMotion } from '../../lib/use-media-query';
import { FigureFrame, type FigureFrameProps } from './figure-frame';

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
        <caption>{tableCaption}</caption>
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
 * Every categorical chart in the app (audits by quarter, grades, progress by priority): a figure
 * with a headline, a generated narrative, horizontal bars, the numbers as a table on request, and
 * CSV and PNG downloads. Series after the first are hatched, so they stay apart in greyscale.
 */
export function BarFigure(props: BarFigureProps & FigureDisplayProps) {
  const { pin, toolbar, printTable, className, ...figure } = props;
  const { title, narrative, categories, series, unit, decimalPlaces, max, fileName, source } = figure;
  const reducedMotion = usePrefersReducedMotion();
  const id = useId();
  const patternId = (i: number) => `${id.replace(/[^a-zA-Z0-9-]/g, '')}-hatch-${i}`;
  const fmt = (v: number) => formatValue(v, unit, decimalPlaces);
  const rows = categories.map((category, i) => ({
    category,
    ...Object.fromEntries(series.map((s) => [s.id, s.values[i] ?? null])),
  }));
  const height = Math.max(160, categories.length * (series.length > 1 ? 56 : 40) + 70);

  return (
    <FigureFrame
      title={title}
      narrative={narrative}
      fileName={fileName}
      source={source}
      pin={pin}
      toolbar={toolbar}
      printTable={printTable}
      className={className}
      makeCsv={() => barsToCsv(figure)}
      renderTable={(tableId) => <CategoryTable id={tableId} figure={figure} />}
      chart={
        <div className="trend-chart" aria-hidden="true">
          <ResponsiveContainer width="100%" height={height} initialDimension={{ width: 640, height }}>
            <BarChart
              data={rows}
              layout="vertical"
              margin={{ top: 8, right: 24, bottom: 8, left: 8 }}
              accessibilityLayer={false}
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
                      patternTransform="rotate(45)"
                    >
                      <rect width="6" height="6" fill="var(--surface)" />
                      <rect width="3" height="6" fill={`var(--chart-${s.colorIndex})`} />
                    </pattern>
                  ),
                )}
              </defs>
              <CartesianGrid stroke="var(--chart-grid)" strokeDasharray="3 3" horizontal={false} />
              <XAxis
                type="number"
                domain={[0, max ?? 'auto']}
                allowDecimals={false}
                tickFormatter={(v: number) => formatValueShort(v, unit, 0)}
                stroke="var(--chart-axis)"
                tick={{ fill: 'var(--text-muted)', fontSize: 12 }}
              />
              <YAxis
                type="category"
                dataKey="category"
                width={150}
                stroke="var(--chart-axis)"
                tick={{ fill: 'var(--text)', fontSize: 12 }}
              />
              <Tooltip
                formatter={(value) => (typeof value === 'number' ? fmt(value) : 'No figure')}
                contentStyle={{
                  background: 'var(--surface)',
                  borderColor: 'var(--border)',
                  color: 'var(--text)',
                }}
                cursor={{ fill: 'var(--surface-2)' }}
                isAnimationActive={false}
              />
              {series.length > 1 ? (
                <Legend itemSorter={null} wrapperStyle={{ color: 'var(--text)' }} />
              ) : null}
              {series.map((s, i) => (
                <Bar
                  key={s.id}
                  dataKey={s.id}
                  name={s.label}
                  fill={i === 0 ? `var(--chart-${s.colorIndex})` : `url(#${patternId(i)})`}
                  stroke={`var(--chart-${s.colorIndex})`}
                  strokeWidth={1.5}
                  isAnimationActive={!reducedMotion}
                  animationDuration={500}
                />
              ))}
            </BarChart>
          </ResponsiveContainer>
        </div>
      }
    />
  );
}
