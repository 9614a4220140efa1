import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Observation } from '../../../api/contract';
import { localIndicatorSchema, type LocalIndicator } from '../../../api/local-indicator-schemas';
import { parseEesPeriod, parseValue } from './cells';
import { describeEes, parseEesMeta, type EesFile } from './ees';
import {
  createEesBuilder,
  defaultAreaCode,
  defaultChoice,
  fairAlternative,
  guessTheme,
  type EesChoice,
} from './ees-build';
import { readFileBytes } from './read-file';
import type { Table } from './types';

const source = { fileName: 'file.csv', importedAt: '2026-01-01T00:00:00.000Z' };
const WOLVERHAMPTON = 'E08000031';

async function table(name: string): Promise<Table> {
  const bytes = readFileSync(resolve(import.meta.dirname, '../../../../test/fixtures/import', name));
  const result = await readFileBytes(
    name,
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
  );
  if (!result.ok) throw new Error(result.problem.message);
  return result.table;
}

/** Reads a fixture (with its .meta.csv when named) and returns a builder with default choices. */
async function open(name: string, metaName?: string) {
  const data = await table(name);
  const meta = metaName ? parseEesMeta(await table(metaName)) : undefined;
  const file = describeEes(data, meta);
  const fileSource = { ...source, fileName: name };
  const builder = createEesBuilder(file, fileSource);
  const base: EesChoice = {
    ...defaultChoice(file, guessTheme(file, name)),
    areaCode: defaultAreaCode(file, 'Wolverhampton'),
  };
  const build = (change: Partial<EesChoice> = {}) => builder({ ...base, ...change });
  const value = (filter: string, text: string) =>
    file.filters.find((f) => f.name === filter)!.values.indexOf(text);
  return { file, build, base, value };
}

const cells = (series: readonly Observation[]) => series.map((o) => [o.period, o.value ?? o.symbol]);

function only(indicators: LocalIndicator[]): LocalIndicator {
  expect(indicators).toHaveLength(1);
  expect(localIndicatorSchema.safeParse(indicators[0]).success).toBe(true);
  return indicators[0]!;
}

describe('the real DfE referrals file', () => {
  it('reads Wolverhampton’s referral counts 2013 to 2025 as reporting years, with suppressed cells as suppressed', async () => {
    const { file, build } = await open('dfe-referrals-cut.csv', 'dfe-referrals-cut.meta.csv');
    expect(file.areas.map((a) => a.name)).toEqual(['Dudley', 'Sandwell', 'Walsall', 'Wolverhampton']);
    const { indicators, problems, todo } = build({ columns: ['referral_count', 'no_further_action_count'] });
    expect(problems).toEqual([]);
    expect(todo).toEqual([]);
    const [referrals, nfa] = indicators;
    expect(referrals!.title).toBe('Referrals and Re-referrals: Number of referrals, Wolverhampton');
    expect(referrals!.frequency).toBe('reporting-year');
    expect(cells(referrals!.series)).toEqual([
      ['2013', 3701],
      ['2014', 6998],
      ['2015', 3801],
      ['2016', 4010],
      ['2017', 5983],
      ['2018', 5368],
      ['2019', 4013],
      ['2020', 3327],
      ['2021', 2838],
      ['2022', 3481],
      ['2023', 3937],
      ['2024', 3660],
      ['2025', 4451],
    ]);
    expect(referrals!.comparators.map((c) => c.label)).toEqual(['England', 'West Midlands']);
    expect(cells(nfa!.series).slice(-3)).toEqual([
      ['2023', 'c'],
      ['2024', 'c'],
      ['2025', 'c'],
    ]);
    expect(localIndicatorSchema.safeParse(referrals).success).toBe(true);
  });

  it('infers indicator columns, units and decimal places without a .meta.csv', async () => {
    const { file } = await open('dfe-referrals-cut.csv');
    expect(file.columns.map((c) => c.name)).not.toContain('category');
    expect(file.constants).toEqual([
      { name: 'category', label: 'Category', value: 'Referrals and Re-referrals' },
    ]);
    expect(file.columns.find((c) => c.name === 'rereferral_percent')).toEqual({
      name: 'rereferral_percent',
      label: 'Rereferral (%)',
      unit: 'percent',
      decimalPlaces: 1,
    });
  });
});

describe('breakdowns in rows', () => {
  it('finds a filter with no Total, names it, and asks for a value instead of reporting duplicates', async () => {
    const { file, build, value } = await open('ees-breakdown-no-total.csv');
    expect(file.filters).toEqual([
      {
        name: 'population_type',
        label: 'Population type',
        values: ['Starting', 'Ceasing', 'At 31 March'],
        total: null,
        numeric: false,
      },
    ]);
    expect(file.columns.map((c) => c.name)).toEqual(['children_count']);
    const unchosen = build({ columns: ['children_count'] });
    expect(unchosen.problems).toEqual([]);
    expect(unchosen.indicators).toEqual([]);
    expect(unchosen.todo).toEqual([
      'Choose a value of population_type (Population type): the file breaks each area’s figures down by it, into “Starting”, “Ceasing” and “At 31 March”.',
    ]);
    const chosen = build({
      columns: ['children_count'],
      filterValues: { population_type: value('population_type', 'At 31 March') },
    });
    expect(chosen.todo).toEqual([]);
    const indicator = only(chosen.indicators);
    expect(indicator.title).toBe('At 31 March: Children count, Wolverhampton');
    expect(cells(indicator.series)).toEqual([
      ['2022', 512],
      ['2023', 498],
    ]);
    expect(indicator.comparators.map((c) => [c.label, cells(c.series)])).toEqual([
      [
        'England',
        [
          ['2022', 82090],
          ['2023', 83750],
        ],
      ],
      [
        'West Midlands',
        [
          ['2022', 11400],
          ['2023', 11820],
        ],
      ],
    ]);
  });

  it('makes one indicator per value of a filter, each with its own id and title', async () => {
    const { build } = await open('ees-breakdown-no-total.csv');
    const { indicators, todo } = build({ columns: ['children_count'], splitBy: 'population_type' });
    expect(todo).toEqual([]);
    expect(indicators.map((i) => [i.title, cells(i.series)])).toEqual([
      [
        'Starting: Children count, Wolverhampton',
        [
          ['2022', 125],
          ['2023', 123],
        ],
      ],
      [
        'Ceasing: Children count, Wolverhampton',
        [
          ['2022', 155],
          ['2023', 138],
        ],
      ],
      [
        'At 31 March: Children count, Wolverhampton',
        [
          ['2022', 512],
          ['2023', 498],
        ],
      ],
    ]);
    expect(new Set(indicators.map((i) => i.id)).size).toBe(3);
  });

  it('chooses “All ages” first, as it stands for the others, and says so', async () => {
    const { file, build, value } = await open('ees-breakdown-all-ages.csv');
    expect(file.filters[0]).toMatchObject({ name: 'age_group', total: 'All ages' });
    const all = build({ columns: ['cpp_count'] });
    expect(all.notes).toContain(
      'age_group: “All ages” is chosen, as it stands for all the others. Choose another value to import that instead.',
    );
    const indicator = only(all.indicators);
    expect(indicator.title).toBe('Cpp count, Wolverhampton');
    expect(cells(indicator.series)).toEqual([
      ['2024', 228],
      ['2025', 213],
    ]);
    const underOne = build({
      columns: ['cpp_count'],
      filterValues: { age_group: value('age_group', 'Under 1') },
    });
    expect(only(underOne.indicators).title).toBe('Under 1: Cpp count, Wolverhampton');
    expect(cells(underOne.indicators[0]!.series)).toEqual([
      ['2024', 31],
      ['2025', 24],
    ]);
  });

  it('with two filters, takes Total for the one that has it and asks for the other', async () => {
    const { file, build, value } = await open('ees-two-filters.csv');
    expect(file.filters.map((f) => [f.name, f.total])).toEqual([
      ['sex', 'Total'],
      ['placement', null],
    ]);
    const first = build({ columns: ['children_count'] });
    expect(first.todo).toEqual([
      'Choose a value of placement (Placement): the file breaks each area’s figures down by it, into “Foster care” and “Residential”.',
    ]);
    const residential = build({
      columns: ['children_count'],
      filterValues: { sex: value('sex', 'Male'), placement: value('placement', 'Residential') },
    });
    const indicator = only(residential.indicators);
    expect(indicator.title).toBe('Male, Residential: Children count, Wolverhampton');
    expect(cells(indicator.series)).toEqual([
      ['2024', 38],
      ['2025', 45],
    ]);
    expect(cells(indicator.comparators[0]!.series)).toEqual([
      ['2024', 5700],
      ['2025', 5707],
    ]);
  });

  it('finds a numeric filter (age 0, 1, 2) without a .meta.csv and never offers it as an indicator', async () => {
    const { file, build, value } = await open('ees-numeric-filter.csv');
    expect(file.filters).toEqual([
      { name: 'age', label: 'Age', values: ['0', '1', '2'], total: null, numeric: true },
    ]);
    expect(file.columns.map((c) => c.name)).toEqual(['referral_count']);
    const indicator = only(
      build({ columns: ['referral_count'], filterValues: { age: value('age', '2') } }).indicators,
    );
    expect(indicator.title).toBe('2: Referral count, Wolverhampton');
    expect(cells(indicator.series)).toEqual([
      ['2024', 37],
      ['2025', 35],
    ]);
  });

  it('does not ask for a value of a text column that never varies within an area and period', async () => {
    const { file, build } = await open('ees-status-column.csv');
    expect(file.filters).toEqual([]);
    expect(file.attributes).toEqual([{ name: 'data_status', label: 'Data status' }]);
    const { indicators, todo } = build({ columns: ['referral_count'] });
    expect(todo).toEqual([]);
    expect(cells(only(indicators).series)).toEqual([
      ['2023', 3937],
      ['2024', 3660],
      ['2025', 4451],
    ]);
  });

  it('says which values a council has when it has no Total rows, instead of saying it has no rows', async () => {
    const { build, value } = await open('ees-council-without-total.csv');
    const total = build({ columns: ['referral_count'] });
    expect(total.indicators).toEqual([]);
    expect(total.todo).toEqual([
      'Wolverhampton has no rows for the values chosen. Its rows have sex “Male” and “Female”: choose one of those.',
    ]);
    const male = build({ columns: ['referral_count'], filterValues: { sex: value('sex', 'Male') } });
    expect(cells(only(male.indicators).series)).toEqual([['2025', 2301]]);
    expect(cells(male.indicators[0]!.comparators[0]!.series)).toEqual([['2025', 330110]]);
  });

  it('reads the real DfE children looked after file: a breakdown in rows without a Total', async () => {
    const { file, build, value } = await open('dfe-cla-rates-cut.csv');
    expect(file.filters.map((f) => [f.name, f.values])).toEqual([
      [
        'population_type',
        [
          'Children ceasing to be looked after each year',
          'Children looked after on 31 March each year',
          'Children starting to be looked after each year',
        ],
      ],
    ]);
    expect(file.columns.map((c) => [c.name, c.unit])).toEqual([
      ['population_estimate', 'count'],
      ['children_count', 'count'],
      ['rate_per_10000', 'rate-per-10000'],
    ]);
    const { indicators, problems } = build({
      columns: ['children_count', 'rate_per_10000'],
      filterValues: {
        population_type: value('population_type', 'Children looked after on 31 March each year'),
      },
    });
    expect(problems).toEqual([]);
    const [count, rate] = indicators;
    expect(count!.title).toBe('Children looked after on 31 March each year: Children count, Wolverhampton');
    expect(cells(count!.series)).toEqual([
      ['2021', 540],
      ['2022', 512],
      ['2023', 498],
      ['2024', 517],
      ['2025', 501],
    ]);
    expect(cells(rate!.series)).toEqual([
      ['2021', 88],
      ['2022', 83],
      ['2023', 78],
      ['2024', 78],
      ['2025', 73],
    ]);
    expect(rate!.comparators.map((c) => [c.label, cells(c.series).at(-1)])).toEqual([
      ['England', ['2025', 67]],
      ['West Midlands', ['2025', 86]],
    ]);
  });
});

describe('EES symbols', () => {
  it('keeps every symbol the EES guidance lists, reads the obsolete ones as their modern forms, and says so', async () => {
    const { build } = await open('ees-symbols.csv');
    const { indicators, problems, notes } = build({ columns: ['referral_count'] });
    expect(problems).toEqual([]);
    expect(cells(only(indicators).series)).toEqual([
      ['2014', 'c'],
      ['2015', 'k'],
      ['2016', 'low'],
      ['2017', 'u'],
      ['2018', 'x'],
      ['2019', 'z'],
      ['2020', 'x'],
      ['2021', 'low'],
      ['2022', 'x'],
      ['2023', 412],
    ]);
    expect(notes).toContain('1 empty cell is read as x (not available).');
    expect(notes).toContain(
      'Some figures are EES symbols, kept as they are and never drawn as 0: c (suppressed to protect confidentiality), x (not available), z (not applicable), low (a positive number that rounds to 0), k (a positive number that rounds to 0) and u (low reliability).',
    );
    expect(notes).toContain('“:” and “~” are older EES symbols, read as x and low.');
  });

  it('reads u alone and with any case, and refuses what is not a symbol', () => {
    expect(parseValue('u')).toEqual({ value: null, symbol: 'u' });
    expect(parseValue('LOW')).toEqual({ value: null, symbol: 'low' });
    expect(parseValue('n/a')).toBeNull();
  });
});

describe('identities', () => {
  it('gives two columns that share their first 60 characters different ids', async () => {
    const { file, build } = await open('ees-long-columns.csv');
    const { indicators } = build({ columns: file.columns.map((c) => c.name) });
    expect(indicators).toHaveLength(2);
    expect(indicators[0]!.id).not.toBe(indicators[1]!.id);
    expect(cells(indicators[1]!.series)).toEqual([
      ['2024', 12],
      ['2025', 9],
    ]);
  });

  it('gives the same column from two different files different ids, and the same file the same id again', async () => {
    const data = await table('ees-recent-years.csv');
    const file = describeEes(data);
    const idFrom = (fileName: string) => {
      const build = createEesBuilder(file, { ...source, fileName });
      return build({
        ...defaultChoice(file, 'referrals-and-assessment'),
        areaCode: WOLVERHAMPTON,
        columns: ['referral_count'],
      }).indicators[0]!.id;
    };
    expect(idFrom('referrals-a.csv')).not.toBe(idFrom('referrals-b.csv'));
    expect(idFrom('referrals-a.csv')).toBe(idFrom('referrals-a.csv'));
    // A second download of the same file ("name (1).csv") is the same file.
    expect(idFrom('referrals-a (1).csv')).toBe(idFrom('referrals-a.csv'));
  });

  it('gives each value of a filter its own id', async () => {
    const { build, value } = await open('ees-breakdown-no-total.csv');
    const ids = ['Starting', 'Ceasing'].map(
      (v) =>
        build({ columns: ['children_count'], filterValues: { population_type: value('population_type', v) } })
          .indicators[0]!.id,
    );
    expect(ids[0]).not.toBe(ids[1]);
  });
});

describe('areas', () => {
  it('offers a council whose code changed under both codes, and joins them into one series on request', async () => {
    const { file, build } = await open('ees-changed-code.csv');
    expect(file.areas.map((a) => [a.name, a.code, a.first, a.last, a.twins])).toEqual([
      ['North Yorkshire', 'E06000065', '2024', '2025', ['E10000023']],
      ['North Yorkshire', 'E10000023', '2021', '2023', ['E06000065']],
    ]);
    const newest = build({ areaCode: 'E06000065', columns: ['cpp_count'] });
    expect(cells(only(newest.indicators).series)).toEqual([
      ['2024', 389],
      ['2025', 402],
    ]);
    const joined = build({ areaCode: 'E06000065', join: true, columns: ['cpp_count'] });
    const indicator = only(joined.indicators);
    expect(cells(indicator.series)).toEqual([
      ['2021', 370],
      ['2022', 452],
      ['2023', 410],
      ['2024', 389],
      ['2025', 402],
    ]);
    expect(joined.notes).toContain(
      'North Yorkshire is joined into one series: E10000023 from 2021 to 2023 and E06000065 from 2024 to 2025.',
    );
    expect(indicator.id).not.toBe(newest.indicators[0]!.id);
    expect(indicator.importedFrom.areaCode).toBe('E06000065+E10000023');
  });

  it('joins the real North Yorkshire rows, 2013 to 2025, across its change of code in 2024', async () => {
    const { build } = await open('dfe-cpp-duration-cut.csv');
    const { indicators } = build({ areaCode: 'E06000065', join: true, columns: ['CPP_At31'] });
    const series = cells(only(indicators).series);
    expect(series.map(([period]) => period)).toEqual([
      '2013',
      '2014',
      '2015',
      '2016',
      '2017',
      '2018',
      '2019',
      '2020',
      '2021',
      '2022',
      '2023',
      '2024',
      '2025',
    ]);
    expect(series.slice(-3)).toEqual([
      ['2023', 375],
      ['2024', 420],
      ['2025', 633],
    ]);
  });
});

describe('time periods', () => {
  it.each([
    ['2017', 'Reporting year', { code: '2017', frequency: 'reporting-year' }],
    ['201617', 'Financial year', { code: '2016-17', frequency: 'annual' }],
    ['201617', 'Financial year Q3', { code: 'Q3 2016-17', frequency: 'quarterly' }],
    ['2017', 'Calendar year', { code: '2017', frequency: 'calendar-year' }],
    ['2017', 'Calendar year Q2', { code: 'Q2 2017', frequency: 'calendar-quarterly' }],
    ['201617', 'Academic year', { code: '2016/17', frequency: 'academic-year' }],
    ['2017', 'March', { code: '2017-03', frequency: 'monthly' }],
  ] as const)('reads %s %s', (period, identifier, expected) => {
    expect(parseEesPeriod(period, identifier)).toEqual(expected);
  });

  it('says why a period cannot be read', () => {
    expect(parseEesPeriod('2016/17', 'Financial year')).toEqual({
      problem:
        '"2016/17" is not a Financial year time_period: expected 6 digits for two years that follow on, such as 201617.',
    });
    expect(parseEesPeriod('202324', 'Tax year')).toEqual({
      problem: expect.stringContaining('"Tax year" periods cannot be shown yet'),
    });
  });

  it.each([
    [
      'ees-calendar-year.csv',
      'calendar-year',
      [
        ['2022', 118],
        ['2023', 131],
        ['2024', 127],
      ],
    ],
    [
      'ees-academic-year.csv',
      'academic-year',
      [
        ['2021/22', 41],
        ['2022/23', 52],
        ['2023/24', 47],
      ],
    ],
    [
      'ees-calendar-quarters.csv',
      'calendar-quarterly',
      [
        ['Q1 2024', 31],
        ['Q2 2024', 28],
        ['Q3 2024', 35],
        ['Q4 2024', 33],
      ],
    ],
    [
      'ees-financial-quarters.csv',
      'quarterly',
      [
        ['Q1 2024-25', 29],
        ['Q2 2024-25', 34],
        ['Q3 2024-25', 30],
        ['Q4 2024-25', 27],
      ],
    ],
    [
      'ees-months.csv',
      'monthly',
      [
        ['2025-01', 11],
        ['2025-02', 9],
        ['2025-03', 12],
      ],
    ],
  ])('imports %s as %s periods', async (name, frequency, expected) => {
    const { file, build } = await open(name);
    const indicator = only(build({ columns: [file.columns[0]!.name] }).indicators);
    expect(indicator.frequency).toBe(frequency);
    expect(cells(indicator.series)).toEqual(expected);
  });

  it('lets the user choose between the years and the quarters of a file that has both', async () => {
    const { file, build } = await open('ees-mixed-periods.csv');
    expect(file.periodKinds.map((k) => k.frequency)).toEqual(['annual', 'quarterly']);
    const years = build({ columns: ['missing_count'] });
    expect(cells(only(years.indicators).series)).toEqual([['2024-25', 120]]);
    expect(years.notes).toContain(
      'The file has financial years and financial-year quarters: financial years are imported.',
    );
    const quarters = build({ columns: ['missing_count'], frequency: 'quarterly' });
    expect(cells(only(quarters.indicators).series).map(([p]) => p)).toEqual([
      'Q1 2024-25',
      'Q2 2024-25',
      'Q3 2024-25',
      'Q4 2024-25',
    ]);
  });

  it('refuses a file whose periods cannot be read at all, once, saying what is read', async () => {
    const { file } = await open('ees-tax-year.csv');
    expect(file.problems).toEqual([
      {
        row: null,
        column: 'time_identifier',
        message: expect.stringContaining(
          '"Tax year" periods cannot be shown yet. The dashboard reads reporting years',
        ),
        kind: 'Unreadable time periods',
      },
    ]);
  });

  it('reports a repeated quarter and an unreadable period by row, grouped by kind', async () => {
    const { build } = await open('ees-quarters.csv');
    const { problems } = build({ columns: ['missing_count'] });
    expect(problems).toEqual([
      {
        row: 5,
        column: 'time_period',
        message:
          '"2016/17" is not a Financial year Q3 time_period: expected 6 digits for two years that follow on, such as 201617.',
        kind: 'Unreadable time period',
      },
      {
        row: 4,
        column: 'time_period',
        message:
          'Rows 3 and 4 all give Q2 2016-17 for Wolverhampton with the same filter values, so it is not clear which to use.',
        kind: 'Repeated rows',
      },
    ]);
  });
});

describe('meaning', () => {
  it('titles each indicator from its .meta.csv label, the file’s category and the area', async () => {
    const { build } = await open('ees-cpp-titles.csv', 'ees-cpp-titles.meta.csv');
    const { indicators } = build({ columns: ['CPP_At31', '2_years_or_more_percent', 'cpp_rate'] });
    expect(indicators.map((i) => [i.title, i.unit, i.decimalPlaces])).toEqual([
      [
        'Child protection plans by length of time: Children on a child protection plan at 31 March, Wolverhampton',
        'count',
        0,
      ],
      [
        'Child protection plans by length of time: Plans lasting 2 years or more (%), Wolverhampton',
        'percent',
        1,
      ],
      [
        'Child protection plans by length of time: Children on a plan per 10,000 children, Wolverhampton',
        'rate-per-10000',
        1,
      ],
    ]);
    expect(indicators[1]!.definition).toBe(
      'Plans lasting 2 years or more (%), for Wolverhampton (E08000031), from the DfE statistics file ees-cpp-titles.csv and its .meta.csv, column 2_years_or_more_percent. Yearly (DfE reporting year, to 31 March).',
    );
  });

  it('ticks nothing by default, and guesses the theme from the file’s words', async () => {
    const { file, base } = await open('ees-cpp-titles.csv', 'ees-cpp-titles.meta.csv');
    expect(base.columns).toEqual([]);
    expect(base.theme).toBe('child-protection');
    expect(guessTheme(file, 'missing-episodes.csv')).toBe('exploitation');
  });

  it('uses the theme and which way is better the user chose, neutral where they did not', async () => {
    const { build } = await open('ees-cpp-titles.csv', 'ees-cpp-titles.meta.csv');
    const { indicators } = build({
      columns: ['CPP_At31', '2_years_or_more_percent'],
      theme: 'child-protection',
      polarity: { '2_years_or_more_percent': 'down-is-good' },
    });
    expect(indicators.map((i) => [i.theme, i.polarity])).toEqual([
      ['child-protection', 'neutral'],
      ['child-protection', 'down-is-good'],
    ]);
  });
});

describe('fair comparison', () => {
  it('offers the percentage of the same measure, or the file’s one rate, for a count', async () => {
    const cpp = await open('ees-cpp-titles.csv', 'ees-cpp-titles.meta.csv');
    const column = (f: EesFile, name: string) => f.columns.find((c) => c.name === name)!;
    expect(fairAlternative(column(cpp.file, '2_years_or_more'), cpp.file.columns)?.name).toBe(
      '2_years_or_more_percent',
    );
    expect(fairAlternative(column(cpp.file, 'CPP_At31'), cpp.file.columns)?.name).toBe('cpp_rate');
    expect(fairAlternative(column(cpp.file, 'cpp_rate'), cpp.file.columns)).toBeNull();
    const cla = await open('dfe-cla-rates-cut.csv');
    expect(fairAlternative(column(cla.file, 'children_count'), cla.file.columns)?.name).toBe(
      'rate_per_10000',
    );
    const referrals = await open('dfe-referrals-cut.csv');
    expect(fairAlternative(column(referrals.file, 'referral_count'), referrals.file.columns)).toBeNull();
  });
});

describe('problems', () => {
  it('groups many problems by kind, each with its row', async () => {
    const { build } = await open('ees-many-problems.csv');
    const { problems } = build({ columns: ['referral_count'] });
    const kinds = new Map<string, number[]>();
    for (const p of problems) kinds.set(p.kind!, [...(kinds.get(p.kind!) ?? []), p.row!]);
    expect([...kinds]).toEqual([
      ['Unreadable time period', [14, 15, 16, 17, 18, 19]],
      ['Unreadable value', [2, 4, 6, 8, 10, 12]],
    ]);
  });
});
