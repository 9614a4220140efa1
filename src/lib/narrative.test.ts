import { describe, expect, it } from 'vitest';
import type { Indicator, Observation } from '../api/contract';
import {
  analyseTrend,
  compareValues,
  describeComparators,
  describeSeries,
  describeTrendBriefly,
} from './narrative';
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
      'Re-referrals within 12 months fell from 26.8% in 2014-15 to 20.7% in 2015-16, an improvement. That is below the target of 22.0%, better than the target (lower is better).',
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
    const points = toPoints(quarters([7, 7, 7]), 'quarterly');
    expect(describeSeries(cse, points)).toBe(
      'Children identified at risk of CSE stood at 7 in Q3 2015-16, the same as in Q1 2015-16.',
    );
  });

  it('names a peak between two equal ends, rather than calling the series unchanged', () => {
    // Behaviour changed by issue 11: a peak inside the range is said, not hidden by equal ends.
    const points = toPoints(quarters([7, 9, 7]), 'quarterly');
    expect(describeSeries(cse, points)).toBe(
      'Children identified at risk of CSE stood at 7 in Q1 2015-16, rose to a peak of 9 in Q2 2015-16, then fell back to 7 in Q3 2015-16.',
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

const referrals = {
  shortTitle: 'referrals to children’s social care',
  unit: 'count',
  decimalPlaces: 0,
  polarity: 'neutral',
  target: null,
} as const;

const years = (first: number, values: (number | null)[]) =>
  toPoints(
    values.map((value, i) => ({
      period: `${first + i}-${String((first + i + 1) % 100).padStart(2, '0')}`,
      value,
      ...(value === null ? { symbol: 'c' as const } : {}),
    })),
    'annual',
  );

describe('the narrative engine: peaks, troughs, flat series, gaps and single points', () => {
  it('names a peak that the ends would hide: referrals 2015-16 to 2017-18', () => {
    expect(describeSeries(referrals, years(2015, [4010, 5983, 5368]))).toBe(
      'Referrals to children’s social care stood at 4,010 in 2015-16, rose to a peak of 5,983 in 2016-17, then fell to 5,368 in 2017-18.',
    );
  });

  it('names both the peak and the low, in time order, over 2012-13 to 2024-25', () => {
    const points = years(
      2012,
      [3701, 6998, 3801, 4010, 5983, 5368, 4013, 3327, 2838, 3481, 3937, 3660, 4451],
    );
    expect(describeSeries(referrals, points)).toBe(
      'Referrals to children’s social care stood at 3,701 in 2012-13, rose to a peak of 6,998 in 2013-14, fell to a low of 2,838 in 2020-21, then rose to 4,451 in 2024-25.',
    );
  });

  it('names a trough and judges the whole period by polarity', () => {
    const points = years(2012, [32.6, 30.3, 26.8, 20.7, 24.3]);
    expect(describeSeries({ ...rereferrals, target: null }, points)).toBe(
      'Re-referrals within 12 months stood at 32.6% in 2012-13, fell to a low of 20.7% in 2015-16, then rose to 24.3% in 2016-17, an improvement over the period.',
    );
  });

  it('does not call a small wobble a peak or a low', () => {
    const points = toPoints(quarters([10, 11, 9, 10, 18, 29, 41, 50]), 'quarterly');
    expect(analyseTrend(cse, points)?.turns).toEqual([]);
    expect(describeSeries(cse, points)).toBe(
      'Children identified at risk of CSE rose from 10 in Q1 2015-16 to 50 in Q4 2016-17, an improvement.',
    );
  });

  it('ignores a peak that equals an end: it is not inside the range', () => {
    expect(analyseTrend(referrals, years(2015, [4010, 5983, 5983]))?.turns).toEqual([]);
  });

  it('says which figures are missing inside the range, and draws the trend from the figures there are', () => {
    expect(describeSeries(referrals, years(2015, [4010, null, 5368]))).toBe(
      'Referrals to children’s social care rose from 4,010 in 2015-16 to 5,368 in 2017-18. There is no figure for 2016-17 (c: suppressed to protect confidentiality).',
    );
  });

  it('counts the gaps when there are many', () => {
    expect(describeSeries(referrals, years(2012, [1, null, null, null, null, 2]))).toMatch(
      /4 periods in this range have no figure/,
    );
  });

  it('describes one figure as it stands, without a trend', () => {
    expect(describeSeries(referrals, years(2016, [5983]))).toBe(
      'Referrals to children’s social care stood at 5,983 in 2016-17.',
    );
    expect(describeTrendBriefly(referrals, years(2016, [5983]))).toBe('Stood at 5,983 in 2016-17.');
  });
});

describe('short steady series', () => {
  it('names every figure of a short steady rise: the CSE story, 10, 50 and 130', () => {
    const points = toPoints(
      [
        { period: 'Q4 2015-16', value: 10 },
        { period: 'Q4 2016-17', value: 50 },
        { period: 'Q3 2017-18', value: 130 },
      ],
      'quarterly',
    );
    expect(describeSeries({ ...cse, polarity: 'neutral' }, points)).toBe(
      'Children identified at risk of CSE rose from 10 in Q4 2015-16 to 50 in Q4 2016-17 and 130 in Q3 2017-18.',
    );
  });

  it('gives only the ends of a longer series', () => {
    expect(describeSeries(referrals, years(2012, [1, 2, 3, 4, 5]))).toBe(
      'Referrals to children’s social care rose from 1 in 2012-13 to 5 in 2016-17.',
    );
  });
});

describe('describeTrendBriefly, for tiles and list rows', () => {
  it('is the chart narrative’s own clause, without the indicator’s name', () => {
    const points = years(2015, [4010, 5983, 5368]);
    const brief = describeTrendBriefly(referrals, points);
    expect(brief).toBe(
      'Stood at 4,010 in 2015-16, rose to a peak of 5,983 in 2016-17, then fell to 5,368 in 2017-18.',
    );
    expect(describeSeries(referrals, points).toLowerCase()).toContain(brief.toLowerCase());
  });

  it('keeps polarity-aware words: a rise in re-referrals is a deterioration', () => {
    expect(describeTrendBriefly(rereferrals, years(2015, [20.7, 24.3]))).toBe(
      'Rose from 20.7% in 2015-16 to 24.3% in 2016-17, a deterioration.',
    );
  });

  it('says when there is nothing to describe', () => {
    expect(describeTrendBriefly(referrals, [])).toBe('No figures in this period.');
    expect(describeTrendBriefly(referrals, years(2015, [null]))).toBe(
      'Every figure in this period is suppressed or not available.',
    );
  });
});

describe('case 2: polarity in words, for every polarity, side of the target and direction', () => {
  const polarities = ['up-is-good', 'down-is-good', 'neutral'] as const;
  const sides = ['above', 'below', 'on'] as const;
  const directions = ['rising', 'falling', 'flat'] as const;
  const latestBySide = { above: 25, below: 19, on: 22 } as const;
  const firstBy = { rising: -3, falling: 3, flat: 0 } as const;
  const fmt = (v: number) => `${v.toFixed(1)}%`;

  /** The words expected, written out per combination rather than derived from the engine. */
  const changeWords: Record<(typeof polarities)[number], Record<(typeof directions)[number], string>> = {
    'up-is-good': { rising: ', an improvement', falling: ', a deterioration', flat: '' },
    'down-is-good': { rising: ', a deterioration', falling: ', an improvement', flat: '' },
    neutral: { rising: '', falling: '', flat: '' },
  };
  const targetWords: Record<(typeof polarities)[number], Record<(typeof sides)[number], string>> = {
    'up-is-good': {
      above: 'That is above the target of 22.0%, better than the target (higher is better).',
      below: 'That is below the target of 22.0%, worse than the target (higher is better).',
      on: 'That meets the target of 22.0% exactly.',
    },
    'down-is-good': {
      above: 'That is above the target of 22.0%, worse than the target (lower is better).',
      below: 'That is below the target of 22.0%, better than the target (lower is better).',
      on: 'That meets the target of 22.0% exactly.',
    },
    neutral: {
      above: 'That is above the target of 22.0%.',
      below: 'That is below the target of 22.0%.',
      on: 'That meets the target of 22.0% exactly.',
    },
  };

  const combinations = polarities.flatMap((polarity) =>
    sides.flatMap((side) => directions.map((direction) => ({ polarity, side, direction }))),
  );

  it('covers all 27 combinations', () => {
    expect(combinations).toHaveLength(27);
  });

  it.each(combinations)('$polarity, $side the target, $direction', ({ polarity, side, direction }) => {
    const last = latestBySide[side];
    const first = last + firstBy[direction];
    const indicator = { ...rereferrals, shortTitle: 'the measure', polarity };
    const text = describeSeries(indicator, years(2015, [first, last]));
    const trend =
      direction === 'flat'
        ? `The measure stood at ${fmt(last)} in 2016-17, the same as in 2015-16.`
        : `The measure ${direction === 'rising' ? 'rose' : 'fell'} from ${fmt(first)} in 2015-16 to ${fmt(last)} in 2016-17${changeWords[polarity][direction]}.`;
    expect(text).toBe(`${trend} ${targetWords[polarity][side]}`);
    // The words that misled: "short of" a target the figure is above, or better/worse on a neutral one.
    expect(text).not.toMatch(/short of/);
    if (polarity === 'neutral') expect(text).not.toMatch(/better|worse|improvement|deterioration/);
  });
});
