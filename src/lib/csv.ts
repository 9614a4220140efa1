/**
 * CSV for spreadsheets: RFC 4180 quoting, CRLF line ends, and a byte-order mark so Excel reads
 * UTF-8 (pound signs, curly quotes) correctly.
 *
 * Text cells that a spreadsheet would run as a formula (starting with =, +, -, @, tab or carriage
 * return) are prefixed with an apostrophe, which spreadsheets show as text. Numbers are written
 * as numbers, so a negative value stays a number.
 */
export type CsvCell = string | number | null;

const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function cell(value: CsvCell): string {
  if (value === null) return '';
  const text = typeof value === 'number' ? String(value) : neutraliseFormula(value);
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  return `\uFEFF${rows.map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
}

/**
 * Lower-case words joined by hyphens, accents dropped: safe in a file name or a URL. The fallback
 * stands in when nothing usable is left.
 */
export function slugify(text: string, maxLength: number, fallback: string): string {
  return (
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, maxLength)
      .replace(/-+$/, '') || fallback
  );
}

/** A file name from a title: lower case, hyphens, nothing a file system objects to. */
export const fileSlug = (text: string): string => slugify(text, 80, 'chart');
