import { useId, useRef, useState, type ReactNode } from 'react';
import { fileSlug } from '../../lib/csv';
import { chartToPng } from '../../lib/chart-png';
import { downloadBlob } from '../../lib/download';
import { chartToCsv } from './chart-csv';
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
  const [exportError, setExportError] = useState<string | null>(null);
  const chartRef = useRef<HTMLDivElement>(null);
  const id = useId();
  const titleId = `${id}-title`;
  const tableId = `${id}-table`;
  const base = fileSlug(fileName ?? title);

  const downloadCsv = () => {
    downloadBlob(new Blob([chartToCsv(title, data)], { type: 'text/csv;charset=utf-8' }), `${base}.csv`);
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
          {pin}
        </div>
      ) : null}
      {exportError ? (
        <p className="chart-figure__error" role="alert">
          {exportError}
        </p>
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
