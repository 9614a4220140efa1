import { chartToCsv } from './chart-csv';
import type { ChartData } from './chart-types';
import { DataTable } from './data-table';
import { FigureFrame, type FigureFrameProps } from './figure-frame';
import { TrendChart } from './trend-chart';

interface Props extends ChartData, FigureFrameProps {
  /** Caption of the data table, e.g. "Children identified at risk of CSE, by quarter". */
  tableCaption: string;
  height?: number | undefined;
}

/**
 * Every trend chart in the app: the shared figure (headline, narrative, table, CSV and PNG
 * downloads, pin) around a TrendChart.
 */
export function ChartFigure({
  title,
  narrative,
  tableCaption,
  fileName,
  source,
  period,
  height,
  controls,
  pin,
  toolbar,
  printTable,
  className,
  ...data
}: Props) {
  return (
    <FigureFrame
      title={title}
      narrative={narrative}
      fileName={fileName}
      source={source}
      period={period}
      controls={controls}
      pin={pin}
      toolbar={toolbar}
      printTable={printTable}
      className={className}
      chart={<TrendChart {...data} height={height} />}
      makeCsv={() => chartToCsv(title, data)}
      renderTable={(id) => <DataTable id={id} caption={tableCaption} {...data} />}
    />
  );
}
