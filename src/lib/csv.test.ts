import { describe, expect, it } from 'vitest';
import { fileSlug, neutraliseFormula, toCsv } from './csv';

describe('toCsv', () => {
  it('starts with a byte-order mark and ends rows with CRLF, for Excel', () => {
    expect(toCsv([['a', 1]])).toBe('\uFEFFa,1\r\n');
  });

  it('quotes cells with commas, quotes and line breaks', () => {
    expect(toCsv([['Children, young people', 'He said "no"', 'two\nlines']])).toBe(
      '\uFEFF"Children, young people","He said ""no""","two\nlines"\r\n',
    );
  });

  it('writes a missing value as an empty cell and a negative number as a number', () => {
    expect(toCsv([[null, -5]])).toBe('\uFEFF,-5\r\n');
  });

  it.each(['=HYPERLINK("http://evil.example","click")', '+1+1', '-2+3', '@SUM(A1)', '\tTAB', '\rCR'])(
    'neutralises a formula in a text cell: %j',
    (payload) => {
      const csv = toCsv([[payload]]);
      expect(
        csv
          .slice(1)
          .replace(/^"/, '')
          .startsWith(`'${payload.slice(0, 1)}`),
      ).toBe(true);
    },
  );
});

describe('neutraliseFormula', () => {
  it('leaves ordinary text alone', () => {
    expect(neutraliseFormula('Q1 2016-17')).toBe('Q1 2016-17');
  });
});

describe('fileSlug', () => {
  it('makes a safe file name from a title', () => {
    expect(fileSlug('Re-referrals within 12 months: “2016-17”')).toBe(
      're-referrals-within-12-months-2016-17',
    );
    expect(fileSlug('=+@')).toBe('chart');
  });
});
