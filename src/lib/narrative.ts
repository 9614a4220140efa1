import type { Indicator, Polarity } from '../api/contract';
import { formatValue, symbolMeanings, symbolStatus } from './format';
import type { Point } from './series';

export type Direction = 'up' | 'down' | 'flat';
export type Judgement = 'better' | 'worse' | 'neutral';

export interface Change {
  direction: Direction;
  judgement: Judgement;
  difference: number;
}

/** Which way a value moved, and whether that is good news given the indicator's polarity. */
export function compareValues(from: number, to: number, polarity: Polarity, decimalPlaces = 3): Change {
  // Compare at the displayed precision, so "24.3% to 24.3%" is never described as a change.
  const scale = 10 ** decimalPlaces;
  const difference = Math.round((to - from) * scale) / scale;
  const direction: Direction = difference > 0 ? 'up' : difference < 0 ? 'down' : 'flat';
  let judgement: Judgement = 'neutral';
  if (direction !== 'flat' && polarity !== 'neutral') {
    judgement = (direction === 'up') === (polarity === 'up-is-good') ? 'better' : 'worse';
  }
  return { direction, judgement, difference };
}

const judgementWords: Record<Judgement, string> = {
  better: 'an improvement',
  worse: 'a deterioration',
  neutral: '',
};

type Describable = Pick<Indicator, 'unit' | 'decimalPlaces' | 'polarity'>;

/** A high or low point inside a range, worth saying because the ends alone would hide it. */
export interface Turn {
  kind: 'peak' | 'low';
  point: Point & { value: number };
}

/**
 * What a series did over a range, the one reading of it that every tile, page, slide and handout
 * puts into words: where it started and ended, the overall change, and any peak or low inside the
 * range that the two ends would hide.
 */
export interface Trend {
  first: Point & { value: number };
  last: Point & { value: number };
  /** First to last, judged by polarity. */
  change: Change;
  /** At most one peak and one low, in time order. */
  turns: Turn[];
  /** Every figure in the range, in order. */
  figures: (Point & { value: number })[];
  /** Periods in the range without a figure (suppressed or unavailable), the latest excluded. */
  gaps: Point[];
  /** The range's last period, when it has no figure. */
  missingLatest: Point | null;
}

const hasValue = (p: Point): p is Point & { value: number } => p.value !== null;

/**
 * A high or low inside the range is worth naming when it stands clear of both ends: by a tenth of
 * the range's spread and by a twentieth of its own size. A wobble of 10 to 9 to 50 is not a low.
 */
function isMaterial(beyondEnds: number, spread: number, size: number): boolean {
  return beyondEnds > 0 && beyondEnds >= spread * 0.1 && beyondEnds >= Math.abs(size) * 0.05;
}

function findTurns(values: readonly (Point & { value: number })[], decimalPlaces: number): Turn[] {
  if (values.length < 3) return [];
  const scale = 10 ** decimalPlaces;
  const shown = values.map((p) => Math.round(p.value * scale) / scale);
  const first = shown[0]!;
  const last = shown.at(-1)!;
  const max = Math.max(...shown);
  const min = Math.min(...shown);
  const spread = max - min;
  const turns: { index: number; turn: Turn }[] = [];
  const peak = shown.indexOf(max);
  if (peak > 0 && peak < shown.length - 1 && isMaterial(max - Math.max(first, last), spread, max)) {
    turns.push({ index: peak, turn: { kind: 'peak', point: values[peak]! } });
  }
  const low = shown.indexOf(min);
  if (low > 0 && low < shown.length - 1 && isMaterial(Math.min(first, last) - min, spread, min)) {
    turns.push({ index: low, turn: { kind: 'low', point: values[low]! } });
  }
  return turns.sort((a, b) => a.index - b.index).map((t) => t.turn);
}

/** Reads a series over a range; null when no period in it has a figure. */
export function analyseTrend(
  indicator: Pick<Indicator, 'decimalPlaces' | 'polarity'>,
  points: readonly Point[],
): Trend | null {
  const values = points.filter(hasValue);
  if (values.length === 0) return null;
  const first = values[0]!;
  const last = values.at(-1)!;
  const lastPoint = points.at(-1)!;
  const missingLatest = lastPoint.value === null ? lastPoint : null;
  return {
    first,
    last,
    change: compareValues(first.value, last.value, indicator.polarity, indicator.decimalPlaces),
    turns: findTurns(values, indicator.decimalPlaces),
    figures: values,
    gaps: points.filter((p) => p.value === null && p !== missingLatest),
    missingLatest,
  };
}

function sentenceStart(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * The trend as a clause without its subject: "rose from 10 in Q4 2015-16 to 50 in Q4 2016-17",
 * or, with a peak inside the range, "stood at 4,010 in 2015-16, rose to a peak of 5,983 in
 * 2016-17, then fell to 5,368 in 2017-18".
 */
function trendClause(indicator: Describable, trend: Trend): string {
  const fmt = (value: number) => formatValue(value, indicator.unit, indicator.decimalPlaces);
  const at = (p: Point & { value: number }) => `${fmt(p.value)} in ${p.period.label}`;
  const { first, last, change, turns } = trend;
  if (first === last) return `stood at ${at(first)}`;
  const judgement = judgementWords[change.judgement];
  if (turns.length === 0) {
    if (change.direction === 'flat') return `stood at ${at(last)}, the same as in ${first.period.label}`;
    const verb = change.direction === 'up' ? 'rose' : 'fell';
    // A short steady rise or fall names every figure: "from 10 to 50 and 130".
    const steps = trend.figures.slice(1);
    const steady =
      trend.figures.length <= 4 &&
      steps.every(
        (p, i) => Math.sign(p.value - trend.figures[i]!.value) !== (change.direction === 'up' ? -1 : 1),
      );
    const to = steady ? listAnd(steps.map(at)) : at(last);
    return `${verb} from ${at(first)} to ${to}${judgement ? `, ${judgement}` : ''}`;
  }
  const parts = [`stood at ${at(first)}`];
  turns.forEach((turn) => {
    parts.push(
      turn.kind === 'peak' ? `rose to a peak of ${at(turn.point)}` : `fell to a low of ${at(turn.point)}`,
    );
  });
  const lastTurn = turns.at(-1)!;
  const back = change.direction === 'flat' ? ' back' : '';
  parts.push(`then ${last.value > lastTurn.point.value ? 'rose' : 'fell'}${back} to ${at(last)}`);
  return `${parts.join(', ')}${judgement ? `, ${judgement} over the period` : ''}`;
}

function listAnd(items: readonly string[]): string {
  return items.length === 1 ? items[0]! : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

function listPeriods(points: readonly Point[]): string {
  return listAnd(points.map((p) => p.period.label));
}

function describeGaps(gaps: readonly Point[]): string {
  if (gaps.length === 0) return '';
  if (gaps.length > 3)
    return ` ${gaps.length} periods in this range have no figure (suppressed or not available).`;
  const symbols = [...new Set(gaps.map((g) => g.symbol ?? 'x'))];
  const meaning = symbols.map((s) => `${s}: ${symbolMeanings[s]}`).join('; ');
  return ` There is no figure for ${listPeriods(gaps)} (${meaning}).`;
}

/**
 * The short reading of a trend, for a tile or a list row: the same words as the chart's narrative,
 * without the indicator's name. "Stood at 4,010 in 2015-16, rose to a peak of 5,983 in 2016-17,
 * then fell to 5,368 in 2017-18."
 */
export function describeTrendBriefly(indicator: Describable, points: readonly Point[]): string {
  if (points.length === 0) return 'No figures in this period.';
  const trend = analyseTrend(indicator, points);
  if (!trend) return 'Every figure in this period is suppressed or not available.';
  return `${sentenceStart(trendClause(indicator, trend))}.`;
}

/**
 * The narrative of a chart, in plain English: what the series did over the points given (with any
 * peak or low inside the range), how the latest figure stands against target, and which figures
 * are missing.
 */
export function describeSeries(
  indicator: Describable & Pick<Indicator, 'shortTitle' | 'target'>,
  points: readonly Point[],
): string {
  const name = sentenceStart(indicator.shortTitle);
  if (points.length === 0) return `There are no figures for ${indicator.shortTitle} in this period.`;
  const trend = analyseTrend(indicator, points);
  if (!trend) {
    return `Every figure for ${indicator.shortTitle} in this period is suppressed or not available, so no trend can be shown.`;
  }
  const missing = trend.missingLatest;
  const suppressedNote = missing
    ? ` The latest figure, for ${missing.period.label}, is ${symbolStatus[missing.symbol ?? 'x']} (${missing.symbol ?? 'x'}: ${symbolMeanings[missing.symbol ?? 'x']}).`
    : '';
  return `${name} ${trendClause(indicator, trend)}.${describeTarget(indicator, trend.last.value)}${describeGaps(trend.gaps)}${suppressedNote}`;
}

const polarityReason: Record<Exclude<Polarity, 'neutral'>, string> = {
  'up-is-good': 'higher is better',
  'down-is-good': 'lower is better',
};

/**
 * The latest figure against the target, in words that follow the indicator's polarity: which side
 * of the target it is on, and (unless neither way is better) whether that side is the better one.
 * "Above the target" is never called "short of" it, and a lower-is-better figure above its target
 * is worse, not better.
 */
export function describeTarget(indicator: Describable & Pick<Indicator, 'target'>, value: number): string {
  const { target, polarity } = indicator;
  if (!target) return '';
  const targetText = formatValue(target.value, indicator.unit, indicator.decimalPlaces);
  const change = compareValues(target.value, value, polarity, indicator.decimalPlaces);
  if (change.direction === 'flat') return ` That meets the target of ${targetText} exactly.`;
  const side = change.direction === 'up' ? 'above' : 'below';
  if (polarity === 'neutral') return ` That is ${side} the target of ${targetText}.`;
  const verdict = change.judgement === 'better' ? 'better than the target' : 'worse than the target';
  return ` That is ${side} the target of ${targetText}, ${verdict} (${polarityReason[polarity]}).`;
}

/**
 * How the latest figure compares with the comparators in the same period:
 * `In 2016-17 the figure was 21.9% for England and 22.3% for West Midlands.`
 */
export function describeComparators(
  indicator: Pick<Indicator, 'unit' | 'decimalPlaces'>,
  period: Point['period'],
  comparators: readonly { label: string; points: readonly Point[] }[],
): string {
  const parts = comparators.flatMap((c) => {
    const point = c.points.find((p) => p.period.endMonth === period.endMonth);
    return point?.value != null
      ? [`${formatValue(point.value, indicator.unit, indicator.decimalPlaces)} for ${c.label}`]
      : [];
  });
  if (parts.length === 0) return '';
  const list = parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
  return `In ${period.label} the figure was ${list}.`;
}
