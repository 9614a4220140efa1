import type { EesSymbol, Unit } from '../api/contract';

const numberFormats = new Map<number, Intl.NumberFormat>();
function numberFormat(decimalPlaces: number): Intl.NumberFormat {
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
  const number = numberFormat(decimalPlaces).format(value);
  switch (unit) {
    case 'count':
      return number;
    case 'percent':
      return `${number}%`;
    case 'rate-per-10000':
      return `${number} per 10,000 children`;
    case 'gbp':
      return value < 0 ? `−£${numberFormat(decimalPlaces).format(-value)}` : `£${number}`;
  }
}

/** A short form for chart axes and tiles: no "per 10,000 children" suffix. */
export function formatValueShort(value: number, unit: Unit, decimalPlaces: number): string {
  if (unit === 'rate-per-10000') return numberFormat(decimalPlaces).format(value);
  return formatValue(value, unit, decimalPlaces);
}

/** The size of a change: percentages change by percentage points, not per cent. */
export function formatDifference(difference: number, unit: Unit, decimalPlaces: number): string {
  const size = Math.abs(difference);
  if (unit === 'percent') {
    const points = numberFormat(decimalPlaces).format(size);
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
 * Date formats are made the first time one is needed, not as the page's code starts: making an
 * Intl.DateTimeFormat loads the locale's and the time zone's data, and the two of these took the
 * longest part of the dashboard's start (about 80 ms of a phone's main thread, profiled under
 * load), on every page, whether or not it shows a date.
 */
function once<T>(make: () => T): () => T {
  let made: T | undefined;
  return () => (made ??= make());
}

const dateFormat = once(
  () => new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
);

/** `2017-04-03` as `3 April 2017`. */
export function formatDate(isoDate: string): string {
  return dateFormat().format(new Date(`${isoDate}T00:00:00Z`));
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
