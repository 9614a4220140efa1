import { useId, useRef, useState, type ReactNode } from 'react';
import { fileSlug } from '../../lib/csv';
import { chartToCsv } from './chart-csv';
import type { ChartData } from './chart-types';
import { DataTable } from './data-table';
import { FigureActions } from './figure-actions';
import { TrendChart } from './trend-chart';

interface Props extends ChartData {
  /** The chart's message, as a heading. */
  title: string;
  /** A plain-English sentence generated from the data. */
  narrative: string;
  /** Caption of the data table, e.g. "Children identified at risk of CSE, by quarter". */
  tableCaption: string;
  /** Base of the downloaded files' names; the title by default. */
  fileName?: string;
  source?: string;
  height?: number;
  /** Extra controls beside the table and download buttons (comparator toggles, for example). */
  controls?: ReactNode;
  /** A "Pin to meeting pack" toggle, shown with the chart's buttons. */
  pin?: ReactNode;
  /** False on a slide: no table, download or pin buttons. */
  toolbar?: boolean;
  /** Print the data table even when it is hidden on screen (the meeting pack's handout). */
  printTable?: boolean;
  className?: string;
}

/**
 * Every chart in the app: a figure with a headline, a generated narrative, the chart, its numbers
 * as a table the user can show, and downloads of the data (CSV) and the picture (PNG). The chart
 * itself is hidden from screen readers, which get the narrative and the table instead.
 */
export function ChartFigure({
  title,
  narrative,
  tableCaption,
  fileName,
  source,
  height,
  controls,
  pin,
  toolbar = true,
  printTable = false,
  className,
  ...data
}: Props) {
  const [showTable, setShowTable] = useState(false);
  const chartRef = useRef<HTMLDivElement>(null);
  const id = useId();
  const titleId = `${id}-title`;
  const tableId = `${id}-table`;
  const base = fileSlug(fileName ?? title);

  return (
    <figure className={`chart-figure ${className ?? ''}`} aria-labelledby={titleId}>
      <figcaption>
        <h3 id={titleId} className="chart-figure__title">
          {title}
        </h3>
        <p className="chart-figure__narrative">{narrative}</p>
      </figcaption>
      {controls}
      <div ref={chartRef}>
        <TrendChart {...data} height={height} />
      </div>
      {toolbar ? (
        <FigureActions
          title={title}
          fileBase={base}
          chartRef={chartRef}
          makeCsv={() => chartToCsv(title, data)}
          tableId={tableId}
          showTable={showTable}
          onToggleTable={() => setShowTable((shown) => !shown)}
          pin={pin}
        />
      ) : null}
      {showTable ? <DataTable id={tableId} caption={tableCaption} {...data} /> : null}
      {printTable && !showTable ? (
        <div className="print-only">
          <DataTable id={`${tableId}-print`} caption={tableCaption} {...data} />
        </div>
      ) : null}
      {source ? <p className="chart-figure__source">Source: {source}</p> : null}
    </figure>
  );
}
