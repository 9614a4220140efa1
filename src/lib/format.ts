import type { EesSymbol, Unit } from '../api/contract';
import { MONTHS } from './periods';

/**
 * A number with thousands separators and exactly `decimalPlaces` decimals, as
 * `Intl.NumberFormat('en-GB')` writes it (`-1,234.5`), digit for digit: Intl rounds the number's
 * shortest decimal form (the one `String` gives: 1.005, not the 1.00499… stored) half away from
 * zero, and so does this (`toFixed` would round the stored value: 1.00). Written out rather than
 * asked of Intl because the first Intl format a page makes loads the browser's locale data: on the
 * indicator page, profiled under load, 57 ms of one task while the page was taken over. Intl still
 * writes what this does not (from 10^21, and what is not a finite number).
 */
function formatNumber(value: number, decimalPlaces: number): string {
  if (!Number.isFinite(value) || Math.abs(value) >= 1e21)
    return intlNumberFormat(decimalPlaces).format(value);
  const [mantissa = '0', exponent = '0'] = String(Math.abs(value)).split('e');
  const [whole = '0', fraction = ''] = mantissa.split('.');
  // The decimal digits, and how many of them come before the decimal point.
  let digits = `${whole}${fraction}`;
  let point = whole.length + Number(exponent);
  if (point < 0) {
    digits = `${'0'.repeat(-point)}${digits}`;
    point = 0;
  }
  const kept = point + decimalPlaces;
  digits = digits.padEnd(kept + 1, '0');
  let rounded = digits.slice(0, kept);
  if (digits[kept]! >= '5') {
    // Add one in the last place kept, carrying.
    let carried = '';
    let i = rounded.length - 1;
    while (i >= 0 && rounded[i] === '9') {
      carried = `0${carried}`;
      i -= 1;
    }
    rounded = i < 0 ? `1${carried}` : `${rounded.slice(0, i)}${Number(rounded[i]) + 1}${carried}`;
    if (i < 0) point += 1;
  }
  const integer = (rounded.slice(0, point).replace(/^0+(?=\d)/, '') || '0').replace(/\B(?=(\d{3})+$)/g, ',');
  const decimals = rounded.slice(point);
  const sign = value < 0 || Object.is(value, -0) ? '-' : '';
  return decimals ? `${sign}${integer}.${decimals}` : `${sign}${integer}`;
}

const numberFormats = new Map<number, Intl.NumberFormat>();
function intlNumberFormat(decimalPlaces: number): Intl.NumberFormat {
  let format = numberFormats.get(decimalPlaces);
  if (!format) {
    format = new Intl.NumberFormat('en-GB', {
      minimumFractionDigits: decimalPlaces,
      maximumFractionDigits: decimalPlaces,
    });
    numberFormats.set(decimalPlaces, format);
  }
  return format;
}

/** A value as an English public-sector reader expects: `1,234`, `24.3%`, `45.6 per 10,000 children`, `£120,000`. */
export function formatValue(value: number, unit: Unit, decimalPlaces: number): string {
  const number = formatNumber(value, decimalPlaces);
  switch (unit) {
    case 'count':
      return number;
    case 'percent':
      return `${number}%`;
    case 'rate-per-10000':
      return `${number} per 10,000 children`;
    case 'gbp':
      return value < 0 ? `−£${formatNumber(-value, decimalPlaces)}` : `£${number}`;
  }
}

/** A short form for chart axes and tiles: no "per 10,000 children" suffix. */
export function formatValueShort(value: number, unit: Unit, decimalPlaces: number): string {
  if (unit === 'rate-per-10000') return formatNumber(value, decimalPlaces);
  return formatValue(value, unit, decimalPlaces);
}

/** The size of a change: percentages change by percentage points, not per cent. */
export function formatDifference(difference: number, unit: Unit, decimalPlaces: number): string {
  const size = Math.abs(difference);
  if (unit === 'percent') {
    const points = formatNumber(size, decimalPlaces);
    return `${points} percentage ${size === 1 ? 'point' : 'points'}`;
  }
  return formatValue(size, unit, decimalPlaces);
}

/** What each EES symbol means, for the key under a table. */
export const symbolMeanings: Record<EesSymbol, string> = {
  c: 'suppressed to protect confidentiality',
  x: 'not available',
  z: 'not applicable',
  low: 'a positive number that rounds to 0',
  k: 'a positive number that rounds to 0',
  u: 'low reliability',
};

/** A missing figure in words, for a sentence: "The latest figure, for 2017, is suppressed". */
export const symbolStatus: Record<EesSymbol, string> = {
  c: 'suppressed',
  x: 'not available',
  z: 'not applicable',
  low: 'too small to show (it rounds to 0)',
  k: 'too small to show (it rounds to 0)',
  u: 'withheld as of low reliability',
};

/** An observation for a table cell: the value, or its EES symbol where there is none. */
export function formatObservation(
  obs: { value: number | null; symbol?: EesSymbol | undefined },
  unit: Unit,
  decimalPlaces: number,
): string {
  if (obs.value === null) return obs.symbol ?? 'x';
  const text = formatValue(obs.value, unit, decimalPlaces);
  return obs.symbol === 'u' ? `${text} (u)` : text;
}

/**
 * Made the first time it is needed, not as the page's code starts: making an Intl format loads the
 * browser's locale data (and here a time zone's). The date formats made at start were most of the
 * entry module's own evaluation (about 80 ms of 138, profiled under load).
 */
function once<T>(make: () => T): () => T {
  let made: T | undefined;
  return () => (made ??= make());
}

/**
 * `2017-04-03` as `3 April 2017`, as `Intl.DateTimeFormat('en-GB')` writes it in UTC (day, long
 * month, year), written out so that a page of dates needs no locale data (see formatNumber).
 */
export function formatDate(isoDate: string): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) throw new RangeError(`Invalid time value: ${isoDate}`);
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

const dateTimeFormat = once(
  () =>
    new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/London' }),
);

/** An instant as the board's clock shows it: `20 Apr 2018, 10:00`. */
export function formatDateTime(iso: string): string {
  return dateTimeFormat().format(new Date(iso));
}

/** "1 action", "3 actions": a count with its noun. */
export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;
