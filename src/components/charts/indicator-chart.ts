import type { Annotation, ComparatorId, FinancialYear, Indicator } from '../../api/contract';
import type { ChartMarker, ChartSeries } from './chart-types';
import { formatValue } from '../../lib/format';
import { describeComparators, describeSeries } from '../../lib/narrative';
import {
  financialYearCode,
  financialYearEndMonth,
  financialYearStart,
  financialYearStartMonth,
  monthOfDate,
} from '../../lib/periods';
import { lastWholeMonth, pointsInRange } from '../../lib/reporting-range';
import { latestPair, toPoints, type Point } from '../../lib/series';

/** Every financial year an indicator (or its comparators) has a figure in, in order. */
export function yearsCovered(indicator: Indicator): FinancialYear[] {
  const all = [indicator.series, ...indicator.comparators.map((c) => c.series)].flatMap((s) =>
    toPoints(s, indicator.frequency).map((p) => financialYearStart(p.period.financialYear)!),
  );
  if (all.length === 0) return [];
  const first = Math.min(...all);
  const last = Math.max(...all);
  return Array.from({ length: last - first + 1 }, (_, i) => financialYearCode(first + i));
}

export interface IndicatorChartView {
  from: FinancialYear;
  to: FinancialYear;
  /** The last date a figure may cover (the reporting year's as-at date); none for a chosen range. */
  asAt?: string | null | undefined;
  /** Comparators switched off. */
  hidden: readonly ComparatorId[];
  /** The board's area, the label of its own line: "Wolverhampton". */
  areaName: string;
  annotations: readonly Annotation[];
}

export interface IndicatorComparatorLine {
  id: ComparatorId;
  label: string;
  points: Point[];
  colorIndex: number;
}

/**
 * An indicator over a range, as the props of a ChartFigure: the indicator page, the overview and
 * the meeting pack all draw an indicator this way, so a pinned chart matches the one it came from,
 * and its narrative is the same words its overview tile uses.
 */
export function indicatorChart(indicator: Indicator, view: IndicatorChartView) {
  const { from, to, areaName, asAt } = view;
  const within = (series: Indicator['series']) =>
    pointsInRange({ series, frequency: indicator.frequency }, { from, to, asAt });
  const own = within(indicator.series);
  const comparators: IndicatorComparatorLine[] = indicator.comparators.map((c, i) => ({
    id: c.id,
    label: c.label,
    points: within(c.series),
    colorIndex: i + 1,
  }));
  const shown = comparators.filter((c) => !view.hidden.includes(c.id));
  const series: ChartSeries[] = [
    { id: indicator.id, label: areaName, points: own, colorIndex: 0 },
    ...shown.map((c) => ({ id: c.id, label: c.label, points: c.points, colorIndex: c.colorIndex })),
  ];
  const lastMonth = Math.min(financialYearEndMonth(to), asAt ? lastWholeMonth(asAt) : Infinity);
  const events = view.annotations
    .filter(
      (a) =>
        (a.indicatorId === null || a.indicatorId === indicator.id) &&
        monthOfDate(a.date) >= financialYearStartMonth(from) &&
        monthOfDate(a.date) <= lastMonth,
    )
    .sort((a, b) => a.date.localeCompare(b.date) || a.label.localeCompare(b.label));
  const { latest } = latestPair(own);
  const narrative = [
    describeSeries(indicator, own),
    latest ? describeComparators(indicator, latest.period, shown) : '',
  ]
    .filter(Boolean)
    .join(' ');
  const markers: ChartMarker[] = events.map((e, i) => ({
    id: e.id,
    month: monthOfDate(e.date),
    label: e.label,
    number: i + 1,
  }));
  const shownTo = own.at(-1)?.period.financialYear ?? to;

  return {
    comparators,
    events,
    /** The latest figure in the range, for a slide's key figure. */
    keyFigure:
      latest && latest.value !== null
        ? {
            value: formatValue(latest.value, indicator.unit, indicator.decimalPlaces),
            period: latest.period.label,
          }
        : null,
    figure: {
      title: indicator.title,
      narrative,
      tableCaption: `${indicator.title}, ${from} to ${shownTo}`,
      fileName: `${indicator.id}-${from}-to-${to}`,
      period: from === shownTo ? from : `${from} to ${shownTo}`,
      series,
      unit: indicator.unit,
      decimalPlaces: indicator.decimalPlaces,
      target: indicator.target?.value ?? null,
      markers,
      source: indicator.source.name,
    },
  };
}
