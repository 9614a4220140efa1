import { useId, useRef, useState, type ReactNode } from 'react';
import { fileSlug } from '../../lib/csv';
import { Unbroken } from '../unbroken';
import { FigureActions } from './figure-actions';
import { useFigureExport } from './figure-context';

export interface FigureFrameProps {
  /** The chart's message, as a heading. */
  title: string;
  /** A plain-English sentence generated from the data. */
  narrative: string;
  /** Base of the downloaded files' names; the title by default. */
  fileName?: string | undefined;
  source?: string | undefined;
  /** The stretch of time shown ("2015-16 to 2017-18"), written on the exported image. */
  period?: string | undefined;
  /** Extra controls above the chart (comparator toggles, for example). */
  controls?: ReactNode;
  /** A "Pin to meeting pack" toggle, shown with the chart's buttons. */
  pin?: ReactNode;
  /** False on a slide: no table, download or pin buttons. */
  toolbar?: boolean;
  /** Print the data table even when it is hidden on screen (the meeting pack's handout). */
  printTable?: boolean;
  className?: string | undefined;
}

interface Props extends FigureFrameProps {
  chart: ReactNode;
  makeCsv: () => string;
  renderTable: (id: string) => ReactNode;
}

/**
 * What every chart shares, whatever its kind: a figure with a headline and a generated narrative,
 * the chart (hidden from screen readers, who get the narrative and the table), its buttons, its
 * data table on request and in print, and its source.
 */
export function FigureFrame({
  title,
  narrative,
  fileName,
  source,
  period,
  controls,
  pin,
  toolbar = true,
  printTable = false,
  className,
  chart,
  makeCsv,
  renderTable,
}: Props) {
  const [showTable, setShowTable] = useState(false);
  const chartRef = useRef<HTMLDivElement>(null);
  const { boardName } = useFigureExport();
  const id = useId();
  const titleId = `${id}-title`;
  const tableId = `${id}-table`;
  return (
    <figure className={`chart-figure ${className ?? ''}`} aria-labelledby={titleId}>
      <figcaption>
        <h3 id={titleId} className="chart-figure__title">
          <Unbroken text={title} />
        </h3>
        <p className="chart-figure__narrative">
          <Unbroken text={narrative} />
        </p>
      </figcaption>
      {controls}
      <div ref={chartRef} className="chart-figure__chart">
        {chart}
      </div>
      {toolbar ? (
        <FigureActions
          title={title}
          exportMeta={{ title, board: boardName, period: period ?? null, source: source ?? null }}
          fileBase={fileSlug(fileName ?? title)}
          chartRef={chartRef}
          makeCsv={makeCsv}
          tableId={tableId}
          showTable={showTable}
          onToggleTable={() => setShowTable((shown) => !shown)}
          pin={pin}
        />
      ) : null}
      {showTable ? renderTable(tableId) : null}
      {printTable && !showTable ? <div className="print-only">{renderTable(`${tableId}-print`)}</div> : null}
      {source ? (
        <p className="chart-figure__source">
          Source: <Unbroken text={source} />
        </p>
      ) : null}
    </figure>
  );
}
