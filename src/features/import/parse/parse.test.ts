import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { localIndicatorSchema } from '../../../api/local-indicators';
import { buildFromEes, describeEes, parseEesMeta } from './ees';
import { readFileBytes } from './read-file';
import { buildFromTemplate, templateCsv } from './template';
import type { Table } from './types';

const source = { fileName: 'file.csv', importedAt: '2026-01-01T00:00:00.000Z' };

function fixture(name: string): ArrayBuffer {
  const bytes = readFileSync(resolve(import.meta.dirname, '../../../../test/fixtures/import', name));
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
}

async function table(name: string): Promise<Table> {
  const result = await readFileBytes(name, fixture(name));
  if (!result.ok) throw new Error(result.problem.message);
  return result.table;
}

async function template(name: string) {
  return buildFromTemplate(await table(name), { ...source, fileName: name });
}

describe('the dashboard template', () => {
  it('reads indicators, comparators and suppressed values from a valid file', async () => {
    const { indicators, problems } = await template('template-valid.csv');
    expect(problems).toEqual([]);
    expect(indicators.map((i) => i.id)).toEqual(['local-cse-screenings', 'local-audit-grades']);
    expect(indicators[0]!.series).toEqual([
      { period: '2015-16', value: 10 },
      { period: '2016-17', value: 50 },
      { period: '2017-18', value: null, symbol: 'c' },
    ]);
    expect(indicators[1]!.comparators).toEqual([
      { id: 'england', label: 'England', series: [{ period: '2017-18', value: 58 }] },
    ]);
    for (const indicator of indicators) expect(localIndicatorSchema.safeParse(indicator).success).toBe(true);
  });

  it('the downloadable template is itself a valid file with one example row', async () => {
    const bytes = new TextEncoder().encode(templateCsv());
    const result = await readFileBytes('template.csv', bytes.buffer);
    if (!result.ok) throw new Error(result.problem.message);
    const { indicators, problems } = buildFromTemplate(result.table, source);
    expect(problems).toEqual([]);
    expect(indicators).toHaveLength(1);
  });

  it('strips a UTF-8 byte-order mark from the first column name', async () => {
    const { indicators, problems } = await template('bom.csv');
    expect(problems).toEqual([]);
    expect(indicators[0]!.series).toEqual([{ period: '2016-17', value: 72.5 }]);
  });

  it('reads a semicolon-separated file', async () => {
    const { indicators, problems } = await template('semicolon.csv');
    expect(problems).toEqual([]);
    expect(indicators[0]!.definition).toBe('Courses in the year, all agencies');
  });

  it('reads a Windows-1252 file, keeping its pound signs and accents', async () => {
    const { indicators, problems } = await template('windows-1252.csv');
    expect(problems).toEqual([]);
    expect(indicators[0]!.title).toBe('Partner contributions (£) – café fund');
    expect(indicators[0]!.series).toEqual([{ period: '2016-17', value: 1250 }]);
  });

  it('reads the same template from an Excel workbook', async () => {
    const { indicators, problems } = await template('template.xlsx');
    expect(problems).toEqual([]);
    expect(indicators[0]!.series).toEqual([
      { period: '2016-17', value: 41 },
      { period: '2017-18', value: null, symbol: 'c' },
    ]);
  });

  it('keeps a formula-like text cell as plain text', async () => {
    const { indicators } = await template('formula.csv');
    expect(indicators[0]!.title).toBe('=HYPERLINK("http://evil.example","Click")');
  });

  it('lists every problem with its row and column', async () => {
    const { problems } = await template('errors.csv');
    expect(problems).toEqual([
      { row: 3, column: 'unit', message: expect.stringContaining('Unknown unit "widgets"') },
      { row: 4, column: 'value', message: expect.stringContaining('"ten" is not a number') },
      { row: 5, column: 'period', message: expect.stringContaining('Duplicate period: 2016-17') },
      {
        row: 6,
        column: 'period',
        message: expect.stringContaining('Unreadable period or date "31/03/2019"'),
      },
    ]);
  });

  it('names a missing required column', async () => {
    const { problems } = await template('missing-column.csv');
    expect(problems).toEqual([{ row: 1, column: 'unit', message: 'The required column "unit" is missing.' }]);
  });

  it('says a file of only a header has no figures', async () => {
    const { indicators, problems } = await template('header-only.csv');
    expect(indicators).toEqual([]);
    expect(problems).toEqual([
      { row: null, column: null, message: 'The file has a header but no rows of figures.' },
    ]);
  });
});

describe('reading files', () => {
  it('refuses a binary file renamed .csv', async () => {
    const result = await readFileBytes('binary.csv', fixture('binary.csv'));
    expect(result).toEqual({
      ok: false,
      problem: expect.objectContaining({ message: expect.stringMatching(/not a text file/) }),
    });
  });

  it('refuses a file that is neither CSV nor Excel', async () => {
    const result = await readFileBytes('notes.pdf', new ArrayBuffer(4));
    expect(result.ok).toBe(false);
  });
});

describe('EES tidy CSV', () => {
  it('reads Wolverhampton’s real referral counts 2013 to 2025, with suppressed cells as suppressed', async () => {
    const data = await table('dfe-referrals-cut.csv');
    const meta = parseEesMeta(await table('dfe-referrals-cut.meta.csv'));
    const file = describeEes(data, meta);
    expect(file.areas.map((a) => a.name)).toEqual(['Dudley', 'Sandwell', 'Walsall', 'Wolverhampton']);
    const { indicators, problems } = buildFromEes(
      data,
      file,
      { areaCode: 'E08000031', columns: ['referral_count', 'no_further_action_count'] },
      source,
    );
    expect(problems).toEqual([]);
    const [referrals, nfa] = indicators;
    expect(referrals!.title).toBe('Number of referrals');
    expect(referrals!.series.map((o) => [o.period, o.value])).toEqual([
      ['2012-13', 3701],
      ['2013-14', 6998],
      ['2014-15', 3801],
      ['2015-16', 4010],
      ['2016-17', 5983],
      ['2017-18', 5368],
      ['2018-19', 4013],
      ['2019-20', 3327],
      ['2020-21', 2838],
      ['2021-22', 3481],
      ['2022-23', 3937],
      ['2023-24', 3660],
      ['2024-25', 4451],
    ]);
    expect(referrals!.comparators.map((c) => c.label)).toEqual(['England', 'West Midlands']);
    expect(nfa!.series.slice(-3)).toEqual([
      { period: '2022-23', value: null, symbol: 'c' },
      { period: '2023-24', value: null, symbol: 'c' },
      { period: '2024-25', value: null, symbol: 'c' },
    ]);
    expect(localIndicatorSchema.safeParse(referrals).success).toBe(true);
  });

  it('infers indicator columns, units and decimal places without a .meta.csv', async () => {
    const file = describeEes(await table('dfe-referrals-cut.csv'));
    expect(file.columns.map((c) => c.name)).not.toContain('category');
    expect(file.columns.find((c) => c.name === 'rereferral_percent')).toEqual({
      name: 'rereferral_percent',
      label: 'Rereferral percent',
      unit: 'percent',
      decimalPlaces: 1,
    });
  });

  it('reads quoted empty strings and column names starting with a digit, keeping the Total rows', async () => {
    const data = await table('ees-quoted-digits.csv');
    const file = describeEes(data);
    expect(file.columns.map((c) => c.name)).toEqual(['2nd_referral_count', '10_day_percent']);
    const { indicators, problems } = buildFromEes(
      data,
      file,
      { areaCode: 'E08000031', columns: ['2nd_referral_count', '10_day_percent'] },
      source,
    );
    expect(problems).toEqual([]);
    expect(indicators[0]!.series).toEqual([
      { period: '2016-17', value: 7 },
      { period: '2017-18', value: 9 },
    ]);
    expect(indicators[1]!.series).toEqual([
      { period: '2016-17', value: null, symbol: 'x' },
      { period: '2017-18', value: null, symbol: 'c' },
    ]);
  });

  it('maps financial-year quarters and reports duplicates and unreadable periods by row', async () => {
    const data = await table('ees-quarters.csv');
    const file = describeEes(data);
    const { problems } = buildFromEes(
      data,
      file,
      { areaCode: 'E08000031', columns: ['missing_count'] },
      source,
    );
    expect(problems).toEqual([
      { row: 4, column: 'time_period', message: expect.stringContaining('Duplicate period: Q2 2016-17') },
      { row: 5, column: 'time_period', message: expect.stringContaining('Unreadable time period "2016/17"') },
    ]);
  });
});
