import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { localIndicatorSchema } from '../../../api/local-indicator-schemas';
import { readCsvText } from './read-csv';
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

  it('gives two long indicator_ids that start alike different ids', () => {
    const long = 'children-with-a-child-protection-plan-at-31-march-who-were-first-on-a-plan';
    const text = [
      'indicator_id,title,unit,period,value',
      `${long},First plans,count,2016-17,12`,
      `${long}-in-2020,First plans in 2020,count,2016-17,3`,
    ].join('\n');
    const result = readCsvText(text);
    if (!result.ok) throw new Error(result.problem.message);
    const { indicators, problems } = buildFromTemplate(result.table, source);
    expect(problems).toEqual([]);
    expect(indicators.map((i) => i.title)).toEqual(['First plans', 'First plans in 2020']);
    expect(new Set(indicators.map((i) => i.id)).size).toBe(2);
  });

  it('reads u (low reliability) as a missing value with its symbol', () => {
    const result = readCsvText(
      'indicator_id,title,unit,period,value\nlow-rel,Low reliability,count,2016-17,u\n',
    );
    if (!result.ok) throw new Error(result.problem.message);
    const { indicators, problems } = buildFromTemplate(result.table, source);
    expect(problems).toEqual([]);
    expect(indicators[0]!.series).toEqual([{ period: '2016-17', value: null, symbol: 'u' }]);
    expect(localIndicatorSchema.safeParse(indicators[0]).success).toBe(true);
  });

  it('keeps a formula-like text cell as plain text', async () => {
    const { indicators } = await template('formula.csv');
    expect(indicators[0]!.title).toBe('=HYPERLINK("http://evil.example","Click")');
  });

  it('lists every problem with its row and column', async () => {
    const { problems } = await template('errors.csv');
    expect(problems).toEqual([
      {
        row: 3,
        column: 'unit',
        message: expect.stringContaining('Unknown unit "widgets"'),
        kind: 'Unknown unit',
      },
      {
        row: 4,
        column: 'value',
        message: expect.stringContaining('"ten" is not a number'),
        kind: 'Unreadable value',
      },
      {
        row: 5,
        column: 'period',
        message: expect.stringContaining('Duplicate period: 2016-17'),
        kind: 'Repeated period',
      },
      {
        row: 6,
        column: 'period',
        message: expect.stringContaining('Unreadable period or date "31/03/2019"'),
        kind: 'Unreadable period',
      },
    ]);
  });

  it('names a missing required column', async () => {
    const { problems } = await template('missing-column.csv');
    expect(problems).toEqual([
      { row: 1, column: 'unit', message: 'The required column "unit" is missing.', kind: 'Missing column' },
    ]);
  });

  it('says a file of only a header has no figures', async () => {
    const { indicators, problems } = await template('header-only.csv');
    expect(indicators).toEqual([]);
    expect(problems).toEqual([
      {
        row: null,
        column: null,
        message: 'The file has a header but no rows of figures.',
        kind: 'No figures',
      },
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
