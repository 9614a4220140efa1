import { useState, type ReactNode, type RefObject } from 'react';
import { chartToPng, type ExportMeta } from '../../lib/chart-png';
import { downloadBlob } from '../../lib/download';

interface Props {
  title: string;
  /** Written on the exported image and into its file. */
  exportMeta: ExportMeta;
  /** Base of the downloaded files' names. */
  fileBase: string;
  /** The element that holds the drawn chart (its SVG is turned into the PNG). */
  chartRef: RefObject<HTMLElement | null>;
  makeCsv: () => string;
  tableId: string;
  showTable: boolean;
  onToggleTable: () => void;
  pin?: ReactNode;
}

/**
 * The buttons every chart has: show or hide its data table, download its data (CSV) and its
 * picture (PNG), and optionally pin it to the meeting pack. A failed export says why, beside them.
 */
export function FigureActions({
  title,
  exportMeta,
  fileBase,
  chartRef,
  makeCsv,
  tableId,
  showTable,
  onToggleTable,
  pin,
}: Props) {
  const [exportError, setExportError] = useState<string | null>(null);

  const downloadCsv = () => {
    downloadBlob(new Blob([makeCsv()], { type: 'text/csv;charset=utf-8' }), `${fileBase}.csv`);
  };

  const downloadPng = async () => {
    setExportError(null);
    const svg = chartRef.current?.querySelector<SVGSVGElement>(
      'svg.recharts-surface, svg.trend-chart__svg, svg.bar-chart__svg',
    );
    try {
      if (!svg) throw new Error('The chart has not been drawn yet.');
      downloadBlob(await chartToPng(svg, exportMeta), `${fileBase}.png`);
    } catch (error) {
      setExportError(
        `The chart image could not be made: ${error instanceof Error ? error.message : 'unknown error'}`,
      );
    }
  };

  return (
    <>
      <div className="chart-figure__actions">
        <button
          type="button"
          className="button button--secondary"
          aria-expanded={showTable}
          aria-controls={showTable ? tableId : undefined}
          onClick={onToggleTable}
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
      {exportError ? (
        <p className="chart-figure__error" role="alert">
          {exportError}
        </p>
      ) : null}
    </>
  );
}
