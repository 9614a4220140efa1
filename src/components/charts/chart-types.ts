import type { Unit } from '../../api/contract';
import type { Point } from '../../lib/series';

/** One line on a chart and one column of its data table. */
export interface ChartSeries {
  id: string;
  label: string;
  points: readonly Point[];
  /** 0 is the board's own series; comparators take 1, 2, 3. */
  colorIndex: number;
}

export interface ChartMarker {
  id: string;
  /** Month index on the shared time line (see lib/periods). */
  month: number;
  label: string;
  /** Its number in the list of events under the chart, if there is one. */
  number?: number;
}

export interface ChartData {
  series: readonly ChartSeries[];
  unit: Unit;
  decimalPlaces: number;
  target?: number | null;
  markers?: readonly ChartMarker[];
}
