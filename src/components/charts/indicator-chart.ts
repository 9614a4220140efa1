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
  yearInWords,
} from '../../lib/periods';
import { latestPair, pointsWithin, toPoints, type Point } from '../../lib/series';

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
 * Whether an indicator's comparators are drawn apart, each on its own scale: a count (or an amount
 * of money) depends on the size of the area, so a council's 24 beside England's 12,000 on one axis
 * reads as zero. Rates and percentages share one axis.
 */
export function comparesOnOwnScale(indicator: Pick<Indicator, 'unit' | 'comparators'>): boolean {
  return (indicator.unit === 'count' || indicator.unit === 'gbp') && indicator.comparators.length > 0;
}

/**
 * An indicator over a range, as the props of a ChartFigure: the indicator page, the overview and
 * the meeting pack all draw an indicator this way, so a pinned chart matches the one it came from.
 */
export function indicatorChart(indicator: Indicator, view: IndicatorChartView) {
  const { from, to, areaName } = view;
  const own = pointsWithin(toPoints(indicator.series, indicator.frequency), from, to);
  const comparators: IndicatorComparatorLine[] = indicator.comparators.map((c, i) => ({
    id: c.id,
    label: c.label,
    points: pointsWithin(toPoints(c.series, indicator.frequency), from, to),
    colorIndex: i + 1,
  }));
  const shown = comparators.filter((c) => !view.hidden.includes(c.id));
  const apart = comparesOnOwnScale(indicator);
  const series: ChartSeries[] = [
    { id: indicator.id, label: areaName, points: own, colorIndex: 0 },
    ...(apart ? [] : shown).map((c) => ({
      id: c.id,
      label: c.label,
      points: c.points,
      colorIndex: c.colorIndex,
    })),
  ];
  const events = view.annotations.filter(
    (a) => (a.indicatorId === null || a.indicatorId === indicator.id) && inRange(a, from, to),
  );
  const { latest } = latestPair(own);
  const range = `${yearInWords(from, indicator.frequency)} to ${yearInWords(to, indicator.frequency)}`;
  const names = shown.map((c) => c.label);
  const apartNote =
    apart && shown.length > 0
      ? `${names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`} ${shown.length === 1 ? 'is' : 'are'} left off this axis: ${indicator.unit === 'count' ? 'a count' : 'an amount'} depends on the size of the area.`
      : '';
  const narrative = [
    describeSeries(indicator, own),
    apart ? apartNote : latest ? describeComparators(indicator, latest.period, shown) : '',
  ]
    .filter(Boolean)
    .join(' ');
  const markers: ChartMarker[] = events.map((e) => ({
    id: e.id,
    month: monthOfDate(e.date),
    label: e.label,
  }));

  return {
    comparators,
    events,
    /** Where comparators are drawn apart (see comparesOnOwnScale): one figure each, on its own scale. */
    comparatorFigures: apart
      ? shown.map((c) => ({
          title: c.label,
          narrative: describeSeries(
            { ...indicator, target: null, shortTitle: `${indicator.shortTitle} for ${c.label}` },
            c.points,
          ),
          tableCaption: `${c.label}: ${indicator.title}, ${range}`,
          fileName: `${indicator.id}-${c.id}-${from}-to-${to}`,
          series: [{ id: c.id, label: c.label, points: c.points, colorIndex: c.colorIndex }],
          unit: indicator.unit,
          decimalPlaces: indicator.decimalPlaces,
          source: indicator.source.name,
        }))
      : [],
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
      tableCaption: `${indicator.title}, ${range}`,
      fileName: `${indicator.id}-${from}-to-${to}`,
      series,
      unit: indicator.unit,
      decimalPlaces: indicator.decimalPlaces,
      target: indicator.target?.value ?? null,
      markers,
      source: indicator.source.name,
    },
  };
}

function inRange(annotation: Annotation, from: FinancialYear, to: FinancialYear): boolean {
  const month = monthOfDate(annotation.date);
  return month >= financialYearStartMonth(from) && month <= financialYearEndMonth(to);
}
