import { describe, expect, it } from 'vitest';
import { indicatorSchema, observationSchema } from './indicators';

const base = {
  id: 'cla-rate',
  title: 'Children looked after',
  shortTitle: 'children looked after',
  theme: 'child-protection',
  definition: 'Children looked after on 31 March.',
  unit: 'count',
  decimalPlaces: 0,
  polarity: 'neutral',
  target: null,
  headline: false,
  illustrative: false,
  source: { name: 'DfE', publisher: 'Department for Education' },
  comparators: [],
} as const;

describe('observations and their EES symbols', () => {
  it('keeps every symbol the EES guidance lists for a missing figure: c, x, z, low, k and u', () => {
    for (const symbol of ['c', 'x', 'z', 'low', 'k', 'u'] as const) {
      expect(observationSchema.safeParse({ period: '2016-17', value: null, symbol }).success).toBe(true);
    }
  });

  it('lets u mark a value that is shown, and no other symbol', () => {
    expect(observationSchema.safeParse({ period: '2016-17', value: 12, symbol: 'u' }).success).toBe(true);
    expect(observationSchema.safeParse({ period: '2016-17', value: 12, symbol: 'c' }).success).toBe(false);
  });

  it('needs a symbol for a missing figure', () => {
    expect(observationSchema.safeParse({ period: '2016-17', value: null }).success).toBe(false);
  });
});

describe('period codes follow the frequency', () => {
  it.each([
    ['annual', '2016-17'],
    ['quarterly', 'Q1 2016-17'],
    ['monthly', '2016-04'],
    ['reporting-year', '2017'],
    ['calendar-year', '2017'],
    ['calendar-quarterly', 'Q1 2017'],
    ['academic-year', '2016/17'],
  ] as const)('a %s series has periods like %s', (frequency, period) => {
    const parsed = indicatorSchema.safeParse({ ...base, frequency, series: [{ period, value: 1 }] });
    expect(parsed.success).toBe(true);
  });

  it('refuses a period of another form than the frequency says', () => {
    const parsed = indicatorSchema.safeParse({
      ...base,
      frequency: 'academic-year',
      series: [{ period: '2016-17', value: 1 }],
    });
    expect(parsed.success).toBe(false);
  });
});
