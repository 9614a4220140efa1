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
  /** The events could not be loaded: the narrative says none are marked, rather than nothing. */
  eventsFailed?: boolean;
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
  const range = `${yearInWords(from, indicator.frequency)} to ${yearInWords(to, indicator.frequency)}`;
  // A default range ends where the figures do by the as-at date; a chosen one where it was chosen.
  const lastYear = asAt ? (own.at(-1)?.period.financialYear ?? to) : to;
  const shownRange =
    from === lastYear
      ? yearInWords(from, indicator.frequency)
      : `${yearInWords(from, indicator.frequency)} to ${yearInWords(lastYear, indicator.frequency)}`;
  const names = shown.map((c) => c.label);
  const apartNote =
    apart && shown.length > 0
      ? `${names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`} ${shown.length === 1 ? 'is' : 'are'} left off this axis: ${indicator.unit === 'count' ? 'a count' : 'an amount'} depends on the size of the area.`
      : '';
  const narrative = [
    describeSeries(indicator, own),
    apart ? apartNote : latest ? describeComparators(indicator, latest.period, shown) : '',
    view.eventsFailed ? 'The events for this chart could not be loaded, so none are marked on it.' : '',
  ]
    .filter(Boolean)
    .join(' ');
  const markers: ChartMarker[] = events.map((e, i) => ({
    id: e.id,
    month: monthOfDate(e.date),
    label: e.label,
    number: i + 1,
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
      tableCaption: `${indicator.title}, ${shownRange}`,
      fileName: `${indicator.id}-${from}-to-${to}`,
      period: shownRange,
      series,
      unit: indicator.unit,
      decimalPlaces: indicator.decimalPlaces,
      target: indicator.target?.value ?? null,
      markers,
      source: indicator.source.name,
    },
  };
}
