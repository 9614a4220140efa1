import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, it } from 'vitest';

/**
 * Turns the committed DfE cut into the demo dataset's real indicator series. A reporting year
 * ("2017") is the year to 31 March, so it is the financial year 2016-17. The generated module is
 * compared with the committed one; `npm run generate` rewrites it.
 */
const dir = resolve(import.meta.dirname, '../../mocks/data/dfe');

function readCsv(file: string): Record<string, string>[] {
  const text = readFileSync(resolve(dir, file), 'utf8').replace(/^\uFEFF/, '');
  const [header, ...lines] = text.trim().split('\n');
  if (text.includes('"')) throw new Error(`${file}: quoted fields are not expected in this cut`);
  const columns = header!.split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((cell, i) => [columns[i]!, cell])));
}

const SYMBOLS = new Set(['c', 'x', 'z', 'low', 'u']);
type Obs = { period: string; value: number | null; symbol?: string };

function observation(year: string, cell: string): Obs {
  const period = `${Number(year) - 1}-${year.slice(2)}`;
  if (SYMBOLS.has(cell)) return { period, value: null, symbol: cell };
  const value = Number(cell);
  if (cell === '' || Number.isNaN(value)) throw new Error(`Unexpected cell "${cell}" for ${year}`);
  return { period, value };
}

function build(): string {
  const rows = readCsv('referrals-wolverhampton-region-england-neighbours.csv');
  const neighbours = readCsv('statistical-neighbours-2021-wolverhampton.csv')[0]!;
  const neighbourCodes = Object.entries(neighbours)
    .filter(([column]) => /^SN\d+$/.test(column))
    .map(([, code]) => code);
  expect(neighbourCodes).toHaveLength(10);

  const byYear = (predicate: (row: Record<string, string>) => boolean) =>
    rows.filter(predicate).sort((a, b) => a.time_period!.localeCompare(b.time_period!));
  const wolverhampton = byYear((r) => r.old_la_code === '336');
  const england = byYear((r) => r.geographic_level === 'National');
  const region = byYear((r) => r.geographic_level === 'Regional' && r.region_code === 'E12000005');
  const years = wolverhampton.map((r) => r.time_period!);

  const seriesOf = (source: Record<string, string>[], column: string) =>
    source.map((r) => observation(r.time_period!, r[column]!));

  const neighbourAverage = (column: string): Obs[] =>
    years.map((year) => {
      const values = rows
        .filter((r) => r.time_period === year && neighbourCodes.includes(r.old_la_code!))
        .map((r) => Number(r[column]))
        .filter((v) => Number.isFinite(v));
      const period = observation(year, '0').period;
      if (values.length === 0) return { period, value: null, symbol: 'x' };
      const mean = values.reduce((a, b) => a + b, 0) / values.length;
      return { period, value: Math.round(mean * 10) / 10 };
    });

  const measure = (column: string, withComparators: boolean) => ({
    series: seriesOf(wolverhampton, column),
    comparators: withComparators
      ? {
          england: seriesOf(england, column),
          region: seriesOf(region, column),
          statisticalNeighbours: neighbourAverage(column),
        }
      : null,
  });

  const data = {
    referrals: measure('referral_count', false),
    rereferralPercent: measure('rereferral_percent', true),
    noFurtherActionPercent: measure('no_further_action_percent', true),
  };
  return [
    '// Generated from mocks/data/dfe/*.csv by test/generated/dfe-demo-data.test.ts.',
    '// Do not edit by hand: run `npm run generate`. Contains public sector information',
    '// licensed under the Open Government Licence v3.0 (DfE, children in need statistics).',
    "import type { Observation } from '../../src/api/contract';",
    '',
    'type Measure = {',
    '  series: Observation[];',
    '  comparators: { england: Observation[]; region: Observation[]; statisticalNeighbours: Observation[] } | null;',
    '};',
    '',
    `export const dfeReferrals: Record<'referrals' | 'rereferralPercent' | 'noFurtherActionPercent', Measure> = ${JSON.stringify(data, null, 2)};`,
    '',
  ].join('\n');
}

it('the demo dataset’s DfE series match the committed DfE source files', async () => {
  await expect(build()).toMatchFileSnapshot('../../mocks/data/dfe-referrals.generated.ts');
});
