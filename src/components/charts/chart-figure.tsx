import { useId, useState } from 'react';
import type { ChartData } from './chart-types';
import { DataTable } from './data-table';
import { TrendChart } from './trend-chart';

interface Props extends ChartData {
  /** The chart's message, as a heading. */
  title: string;
  /** A plain-English sentence generated from the data. */
  narrative: string;
  /** Caption of the data table, e.g. "Children identified at risk of CSE, by quarter". */
  tableCaption: string;
  source?: string;
  height?: number;
}

/**
 * Every chart in the app: a figure with a headline, a generated narrative, the chart, and its
 * numbers as a table the user can show. The chart itself is hidden from screen readers, which get
 * the narrative and the table instead.
 */
export function ChartFigure({ title, narrative, tableCaption, source, height, ...data }: Props) {
  const [showTable, setShowTable] = useState(false);
  const id = useId();
  const titleId = `${id}-title`;
  const tableId = `${id}-table`;
  return (
    <figure className="chart-figure" aria-labelledby={titleId}>
      <figcaption>
        <h3 id={titleId} className="chart-figure__title">
          {title}
        </h3>
        <p className="chart-figure__narrative">{narrative}</p>
      </figcaption>
      <TrendChart {...data} height={height} />
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
      </div>
      {showTable ? <DataTable id={tableId} caption={tableCaption} {...data} /> : null}
      {source ? <p className="chart-figure__source">Source: {source}</p> : null}
    </figure>
  );
}
