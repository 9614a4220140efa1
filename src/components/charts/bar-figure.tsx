import { useId, useRef, useState } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Unit } from '../../api/contract';
import { chartToPng } from '../../lib/chart-png';
import { fileSlug, toCsv } from '../../lib/csv';
import { downloadBlob } from '../../lib/download';
import { formatValue, formatValueShort } from '../../lib/format';
import { usePrefersReducedMotion } from '../../lib/use-media-query';

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

/**
 * Every categorical chart in the app (audits by quarter, grades, progress by priority): a figure
 * with a headline, a generated narrative, horizontal bars, the numbers as a table on request, and
 * CSV and PNG downloads. Series after the first are hatched, so they stay apart in greyscale.
 */
export function BarFigure({
  title,
  narrative,
  tableCaption,
  categoryLabel,
  categories,
  series,
  unit,
  decimalPlaces,
  max,
  fileName,
  source,
}: BarFigureProps) {
  const [showTable, setShowTable] = useState(false);
  const [exportError, setExportError] = useState<string | null>(null);
  const reducedMotion = usePrefersReducedMotion();
  const chartRef = useRef<HTMLDivElement>(null);
  const id = useId();
  const titleId = `${id}-title`;
  const tableId = `${id}-table`;
  const patternId = (i: number) => `${id.replace(/[^a-zA-Z0-9-]/g, '')}-hatch-${i}`;
  const base = fileSlug(fileName ?? title);
  const fmt = (v: number) => formatValue(v, unit, decimalPlaces);
  const rows = categories.map((category, i) => ({
    category,
    ...Object.fromEntries(series.map((s) => [s.id, s.values[i] ?? null])),
  }));
  const height = Math.max(160, categories.length * (series.length > 1 ? 56 : 40) + 70);

  const downloadCsv = () => {
    const csv = toCsv([
      ['Chart', categoryLabel, ...series.map((s) => s.label)],
      ...categories.map((category, i) => [title, category, ...series.map((s) => s.values[i] ?? null)]),
    ]);
    downloadBlob(new Blob([csv], { type: 'text/csv;charset=utf-8' }), `${base}.csv`);
  };

  const downloadPng = async () => {
    setExportError(null);
    const svg = chartRef.current?.querySelector<SVGSVGElement>('svg.recharts-surface');
    try {
      if (!svg) throw new Error('The chart has not been drawn yet.');
      downloadBlob(await chartToPng(svg, title), `${base}.png`);
    } catch (error) {
      setExportError(
        `The chart image could not be made: ${error instanceof Error ? error.message : 'unknown error'}`,
      );
    }
  };

  return (
    <figure className="chart-figure" aria-labelledby={titleId}>
      <figcaption>
        <h3 id={titleId} className="chart-figure__title">
          {title}
        </h3>
        <p className="chart-figure__narrative">{narrative}</p>
      </figcaption>
      <div ref={chartRef} className="trend-chart" aria-hidden="true">
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
            {series.length > 1 ? <Legend itemSorter={null} wrapperStyle={{ color: 'var(--text)' }} /> : null}
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
      <div className="chart-figure__actions">
        <button
          type="button"
          className="button button--secondary"
          aria-expanded={showTable}
          aria-controls={showTable ? tableId : undefined}
          onClick={() => setShowTable((shown) => !shown)}
        >
          {showTable ? 'Hide data table' : 'Show data table'}
        </button>
        <button type="button" className="button button--secondary" onClick={downloadCsv}>
          Download CSV <span className="visually-hidden">of {title}</span>
        </button>
        <button type="button" className="button button--secondary" onClick={() => void downloadPng()}>
          Download PNG <span className="visually-hidden">of {title}</span>
        </button>
      </div>
      {exportError ? (
        <p className="chart-figure__error" role="alert">
          {exportError}
        </p>
      ) : null}
      {showTable ? (
        <div
          className="table-scroll"
          id={tableId}
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
                    return <td key={s.id}>{value == null ? '–' : fmt(value)}</td>;
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {source ? <p className="chart-figure__source">Source: {source}</p> : null}
    </figure>
  );
}
