import { describe, expect, it } from 'vitest';
import { formatDate, formatDifference, formatObservation, formatValue } from './format';

describe('formatValue', () => {
  it('writes counts with thousands separators', () => {
    expect(formatValue(5983, 'count', 0)).toBe('5,983');
  });

  it('writes percentages with their stated decimal places', () => {
    expect(formatValue(24, 'percent', 1)).toBe('24.0%');
    expect(formatValue(24.35, 'percent', 0)).toBe('24%');
  });

  it('writes rates per 10,000 children', () => {
    expect(formatValue(168.4, 'rate-per-10000', 1)).toBe('168.4 per 10,000 children');
  });

  it('writes money in pounds', () => {
    expect(formatValue(326500, 'gbp', 0)).toBe('£326,500');
  });
});

describe('formatDifference', () => {
  it('describes a change in a percentage in percentage points', () => {
    expect(formatDifference(-3.6, 'percent', 1)).toBe('3.6 percentage points');
    expect(formatDifference(1, 'percent', 0)).toBe('1 percentage point');
  });
});

describe('formatObservation', () => {
  it('shows a suppressed value as its symbol, never as 0', () => {
    expect(formatObservation({ value: null, symbol: 'c' }, 'count', 0)).toBe('c');
  });

  it('marks a low-reliability value', () => {
    expect(formatObservation({ value: 12, symbol: 'u' }, 'count', 0)).toBe('12 (u)');
  });
});

it('writes dates the English way', () => {
  expect(formatDate('2017-04-03')).toBe('3 April 2017');
});
