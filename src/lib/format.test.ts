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

describe('figures and dates are written out, digit for digit as Intl writes them in en-GB', () => {
  // A fixed sequence (no Math.random): the same values on every run.
  function* values(): Generator<number> {
    yield* [0, -0, 0.5, 1.5, 2.5, -0.5, -2.5, 0.125, -0.125, 1.005, 0.045, 1.45, 8.345, 99.95, 999.995];
    yield* [999, 1000, -1000, 1234567.891, -0.0004, 0.00049, 12.345, 1e15, 123456789012345680000, 1e21];
    yield* [Number.MAX_SAFE_INTEGER, Number.MIN_VALUE, Number.NaN, Number.POSITIVE_INFINITY];
    for (let k = -2000; k <= 2000; k += 1) yield k / 8;
    for (let k = 0; k <= 5000; k += 7) yield k / 1000;
    let seed = 20261205;
    for (let i = 0; i < 3000; i += 1) {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      const magnitude = 10 ** ((seed % 17) - 4);
      yield ((seed / 2 ** 31) * 2 - 1) * magnitude;
    }
  }

  it('every figure a board has: signs, ties, thousands, tiny and vast, in 0 to 3 decimal places', () => {
    for (const decimalPlaces of [0, 1, 2, 3]) {
      const intl = new Intl.NumberFormat('en-GB', {
        minimumFractionDigits: decimalPlaces,
        maximumFractionDigits: decimalPlaces,
      });
      for (const value of values()) {
        expect(formatValue(value, 'count', decimalPlaces), `${value} to ${decimalPlaces} places`).toBe(
          intl.format(value),
        );
      }
    }
  });

  it('every day of a leap year, and days centuries apart', () => {
    const intl = new Intl.DateTimeFormat('en-GB', {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    });
    const days: string[] = [];
    for (let day = Date.UTC(2024, 0, 1); day < Date.UTC(2025, 0, 1); day += 86_400_000)
      days.push(new Date(day).toISOString().slice(0, 10));
    days.push('1066-10-14', '1900-02-28', '2000-02-29', '2099-12-31', '9999-12-31');
    for (const iso of days) expect(formatDate(iso), iso).toBe(intl.format(new Date(`${iso}T00:00:00Z`)));
    expect(() => formatDate('not a date')).toThrow(RangeError);
  });
});
