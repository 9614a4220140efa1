import { describe, expect, it } from 'vitest';
import type { Indicator, Observation } from '../api/contract';
import { compareValues, describeChangeSince, describeComparators, describeSeries } from './narrative';
import { toPoints } from './series';

const cse: Pick<Indicator, 'shortTitle' | 'unit' | 'decimalPlaces' | 'polarity' | 'target' | 'frequency'> = {
  shortTitle: 'children identified at risk of CSE',
  unit: 'count',
  decimalPlaces: 0,
  polarity: 'up-is-good',
  target: null,
  frequency: 'quarterly',
};

const rereferrals = {
  shortTitle: 're-referrals within 12 months',
  unit: 'percent',
  decimalPlaces: 1,
  polarity: 'down-is-good',
  target: { value: 22, tolerance: 0.1 },
  frequency: 'annual',
} as const;

const quarters = (values: (number | null)[]): Observation[] =>
  values.map((value, i) => ({
    period: `Q${(i % 4) + 1} ${2015 + Math.floor(i / 4)}-${16 + Math.floor(i / 4)}`,
    value,
    ...(value === null ? { symbol: 'c' as const } : {}),
  }));

describe('compareValues', () => {
  it('calls a rise in an up-is-good indicator better', () => {
    expect(compareValues(10, 130, 'up-is-good').judgement).toBe('better');
  });

  it('calls a rise in a down-is-good indicator worse', () => {
    expect(compareValues(20, 25, 'down-is-good').judgement).toBe('worse');
  });

  it('makes no judgement on a neutral indicator', () => {
    expect(compareValues(20, 25, 'neutral').judgement).toBe('neutral');
  });

  it('treats a change below the displayed precision as no change', () => {
    expect(compareValues(24.31, 24.34, 'up-is-good', 1).direction).toBe('flat');
  });
});

describe('describeSeries', () => {
  it('describes the CSE rise from 10 to 130 as an improvement in identification, not as worse', () => {
    const points = toPoints(quarters([10, 11, 9, 10, 18, 29, 41, 50, 78, 104, 130]), 'quarterly');
    expect(describeSeries(cse, points)).toBe(
      'Children identified at risk of CSE rose from 10 in Q1 2015-16 to 130 in Q3 2017-18, an improvement.',
    );
  });

  it('calls a fall in a down-is-good indicator an improvement and compares it with the target', () => {
    const points = toPoints(
      [
        { period: '2014-15', value: 26.8 },
        { period: '2015-16', value: 20.7 },
      ],
      'annual',
    );
    expect(describeSeries(rereferrals, points)).toBe(
      'Re-referrals within 12 months fell from 26.8% in 2014-15 to 20.7% in 2015-16, an improvement. That is better than the target of 22.0%.',
    );
  });

  it('says when the target is met exactly', () => {
    const points = toPoints([{ period: '2015-16', value: 22 }], 'annual');
    expect(describeSeries(rereferrals, points)).toBe(
      'Re-referrals within 12 months stood at 22.0% in 2015-16. That meets the target of 22.0% exactly.',
    );
  });

  it('describes a single point without inventing a trend', () => {
    const points = toPoints(quarters([42]), 'quarterly');
    expect(describeSeries(cse, points)).toBe('Children identified at risk of CSE stood at 42 in Q1 2015-16.');
  });

  it('describes a flat series as unchanged', () => {
    const points = toPoints(quarters([7, 9, 7]), 'quarterly');
    expect(describeSeries(cse, points)).toBe(
      'Children identified at risk of CSE stood at 7 in Q3 2015-16, the same as in Q1 2015-16.',
    );
  });

  it('says so when every value is suppressed', () => {
    const points = toPoints(quarters([null, null]), 'quarterly');
    expect(describeSeries(cse, points)).toMatch(/every figure .* is suppressed or not available/i);
  });

  it('says so when the latest value is suppressed, and describes the trend up to the last figure', () => {
    const points = toPoints(quarters([10, 50, null]), 'quarterly');
    expect(describeSeries(cse, points)).toBe(
      'Children identified at risk of CSE rose from 10 in Q1 2015-16 to 50 in Q2 2015-16, an improvement. The latest figure, for Q3 2015-16, is suppressed (c: suppressed to protect confidentiality).',
    );
  });

  it('says when there are no figures at all', () => {
    expect(describeSeries(cse, [])).toBe(
      'There are no figures for children identified at risk of CSE in this period.',
    );
  });
});

describe('describeChangeSince', () => {
  it('uses percentage points and polarity for a tile', () => {
    const [previous, latest] = toPoints(
      [
        { period: '2014-15', value: 26.8 },
        { period: '2015-16', value: 20.7 },
      ],
      'annual',
    );
    expect(describeChangeSince(rereferrals, latest!, previous!)).toBe(
      'Down 6.1 percentage points since 2014-15, an improvement',
    );
  });

  it('makes no judgement for a neutral indicator', () => {
    const [previous, latest] = toPoints(
      [
        { period: '2015-16', value: 4010 },
        { period: '2016-17', value: 5983 },
      ],
      'annual',
    );
    expect(
      describeChangeSince({ unit: 'count', decimalPlaces: 0, polarity: 'neutral' }, latest!, previous!),
    ).toBe('Up 1,973 since 2015-16');
  });
});

describe('describeComparators', () => {
  it('lists the comparators’ figures for the same period', () => {
    const [latest] = toPoints([{ period: '2016-17', value: 24.3 }], 'annual');
    const comparators = [
      { label: 'England', points: toPoints([{ period: '2016-17', value: 21.9 }], 'annual') },
      { label: 'West Midlands', points: toPoints([{ period: '2016-17', value: 22.3 }], 'annual') },
      {
        label: 'Statistical neighbours',
        points: toPoints([{ period: '2016-17', value: null, symbol: 'x' }], 'annual'),
      },
    ];
    expect(describeComparators(rereferrals, latest!.period, comparators)).toBe(
      'In 2016-17 the figure was 21.9% for England and 22.3% for West Midlands.',
    );
  });

  it('says nothing when no comparator has a figure for the period', () => {
    const [latest] = toPoints([{ period: '2016-17', value: 24.3 }], 'annual');
    expect(describeComparators(rereferrals, latest!.period, [])).toBe('');
  });
});
