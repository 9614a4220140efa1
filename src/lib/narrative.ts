import type { Indicator, Polarity } from '../api/contract';
import { formatDifference, formatValue, symbolMeanings, symbolStatus } from './format';
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

/** For a tile: `Up 26 since Q2 2017-18, an improvement`. */
export function describeChangeSince(indicator: Describable, latest: Point, previous: Point): string {
  if (latest.value === null || previous.value === null) return 'No earlier figure to compare with';
  const change = compareValues(previous.value, latest.value, indicator.polarity, indicator.decimalPlaces);
  if (change.direction === 'flat') return `No change since ${previous.period.label}`;
  const size = formatDifference(change.difference, indicator.unit, indicator.decimalPlaces);
  const verb = change.direction === 'up' ? 'Up' : 'Down';
  const judgement = judgementWords[change.judgement];
  return `${verb} ${size} since ${previous.period.label}${judgement ? `, ${judgement}` : ''}`;
}

function sentenceStart(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * One plain-English sentence (or two) on what the series did over the points given: where it
 * started and ended, whether that is good news, how it stands against target, and whether the
 * latest figure is suppressed.
 */
export function describeSeries(
  indicator: Describable & Pick<Indicator, 'shortTitle' | 'target'>,
  points: readonly Point[],
): string {
  const name = sentenceStart(indicator.shortTitle);
  const fmt = (value: number) => formatValue(value, indicator.unit, indicator.decimalPlaces);
  if (points.length === 0) return `There are no figures for ${indicator.shortTitle} in this period.`;

  const withValues = points.filter((p) => p.value !== null);
  const last = points.at(-1)!;
  const suppressedNote =
    last.value === null
      ? ` The latest figure, for ${last.period.label}, is ${symbolStatus[last.symbol ?? 'x']} (${last.symbol ?? 'x'}: ${symbolMeanings[last.symbol ?? 'x']}).`
      : '';

  if (withValues.length === 0) {
    return `Every figure for ${indicator.shortTitle} in this period is suppressed or not available, so no trend can be shown.`;
  }

  const first = withValues[0]!;
  const latest = withValues.at(-1)!;
  let sentence: string;
  if (withValues.length === 1) {
    sentence = `${name} stood at ${fmt(first.value!)} in ${first.period.label}.`;
  } else {
    const change = compareValues(first.value!, latest.value!, indicator.polarity, indicator.decimalPlaces);
    if (change.direction === 'flat') {
      sentence = `${name} stood at ${fmt(latest.value!)} in ${latest.period.label}, the same as in ${first.period.label}.`;
    } else {
      const verb = change.direction === 'up' ? 'rose' : 'fell';
      const judgement = judgementWords[change.judgement];
      sentence = `${name} ${verb} from ${fmt(first.value!)} in ${first.period.label} to ${fmt(latest.value!)} in ${latest.period.label}${judgement ? `, ${judgement}` : ''}.`;
    }
  }
  return `${sentence}${describeTarget(indicator, latest.value!)}${suppressedNote}`;
}

function describeTarget(indicator: Describable & Pick<Indicator, 'target'>, value: number): string {
  const { target, polarity } = indicator;
  if (!target || polarity === 'neutral') return '';
  const targetText = formatValue(target.value, indicator.unit, indicator.decimalPlaces);
  const change = compareValues(target.value, value, polarity, indicator.decimalPlaces);
  if (change.direction === 'flat') return ` That meets the target of ${targetText} exactly.`;
  return change.judgement === 'better'
    ? ` That is better than the target of ${targetText}.`
    : ` That is short of the target of ${targetText}.`;
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
