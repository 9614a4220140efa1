import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../../../test/render';
import { saveLocalIndicators, type LocalIndicator } from '../../api/local-indicators';

function fixture(name: string, as = name): File {
  return new File([readFileSync(resolve(import.meta.dirname, '../../../test/fixtures/import', name))], as);
}

type Setup = ReturnType<typeof renderApp>;

async function choose({ user }: Setup, ...files: File[]) {
  await user.upload(await screen.findByLabelText('Choose a CSV or Excel file'), files);
}

const columns = () => screen.getByRole('group', { name: 'Indicator columns to import' });

/** Ticks the columns whose checkbox names start with these labels. */
async function tick({ user }: Setup, ...labels: string[]) {
  for (const label of labels) {
    await user.click(within(columns()).getByRole('checkbox', { name: new RegExp(`^${escape(label)}`) }));
  }
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

async function importNow({ user }: Setup) {
  await user.click(screen.getByRole('button', { name: /^Import \d+ indicators?$/ }));
  await screen.findByText(/indicators? imported\. They now appear on the Indicators page\./);
}

/** Opens an imported indicator from the list on the Import page. */
async function open({ user }: Setup, title: string) {
  const imported = await screen.findByRole('table', { name: 'Imported indicators' });
  await user.click(within(imported).getByRole('link', { name: title }));
  await screen.findByRole('heading', { level: 1, name: title });
}

/** The main figure's data table, row by row, every cell as text. */
async function tableCells({ user }: Setup, figure: HTMLElement = screen.getAllByRole('figure')[0]!) {
  await user.click(within(figure).getByRole('button', { name: 'Show data table' }));
  const table = within(figure).getByRole('table');
  return within(table)
    .getAllByRole('row')
    .map((row) => [...row.children].map((cell) => cell.textContent));
}

const summary = () => screen.getByRole('region', { name: /^Preview of/ });

describe('Import page: DfE statistics files', () => {
  it('imports Wolverhampton’s real referral counts, whole, 2013 to 2025, labelled as the file’s reporting years', async () => {
    const setup = renderApp('/import');
    await choose(setup, fixture('dfe-referrals-cut.csv'), fixture('dfe-referrals-cut.meta.csv'));
    expect(await screen.findByRole('combobox', { name: 'Local authority' })).toHaveDisplayValue(
      'Wolverhampton (E08000031)',
    );
    // Nothing is ticked until the user ticks it; "Select all" is at hand.
    expect(
      within(columns())
        .getAllByRole('checkbox')
        .filter((box) => (box as HTMLInputElement).checked),
    ).toEqual([]);
    expect(screen.getByRole('button', { name: 'Import 0 indicators' })).toBeDisabled();
    expect(within(summary()).getByText('Tick at least one indicator column.')).toBeInTheDocument();
    await setup.user.click(screen.getByRole('button', { name: 'Select all 10 columns' }));
    expect(screen.getByText(/^10 indicators and 390 values will be added/)).toBeInTheDocument();
    await importNow(setup);

    await open(setup, 'Referrals and Re-referrals: Number of referrals, Wolverhampton');
    expect(await tableCells(setup)).toEqual([
      ['Period', 'Wolverhampton'],
      ['2013', '3,701'],
      ['2014', '6,998'],
      ['2015', '3,801'],
      ['2016', '4,010'],
      ['2017', '5,983'],
      ['2018', '5,368'],
      ['2019', '4,013'],
      ['2020', '3,327'],
      ['2021', '2,838'],
      ['2022', '3,481'],
      ['2023', '3,937'],
      ['2024', '3,660'],
      ['2025', '4,451'],
    ]);
    expect(screen.getByRole('combobox', { name: 'From' })).toHaveDisplayValue('2013');
    expect(screen.getByRole('combobox', { name: 'To' })).toHaveDisplayValue('2025');
    expect(screen.getByText('Yearly (DfE reporting year, to 31 March)')).toBeInTheDocument();
  });

  it('keeps suppressed cells suppressed and compares a percentage with England and the region on one axis', async () => {
    const setup = renderApp('/import');
    await choose(setup, fixture('dfe-referrals-cut.csv'), fixture('dfe-referrals-cut.meta.csv'));
    await setup.user.selectOptions(
      await screen.findByRole('combobox', { name: 'Local authority' }),
      'Sandwell (E08000028)',
    );
    await tick(setup, 'Re-referrals within 12 months (%)');
    expect(screen.getByText(/^1 indicator and 39 values will be added/)).toBeInTheDocument();
    await importNow(setup);
    await open(setup, 'Referrals and Re-referrals: Re-referrals within 12 months (%), Sandwell');
    const rows = await tableCells(setup);
    expect(rows[0]).toEqual(['Period', 'Sandwell', 'England', 'West Midlands']);
    expect(rows.at(-1)).toEqual(['2025', '22.7%', '22.6%', '19.5%']);
  });
});

describe('Import page: breakdowns in rows', () => {
  it('names the breakdown of the real children looked after file and asks for a value, instead of listing duplicates', async () => {
    const setup = renderApp('/import');
    await choose(setup, fixture('dfe-cla-rates-cut.csv'));
    const breakdown = await screen.findByRole('combobox', { name: 'population_type (Population type)' });
    expect(breakdown).toHaveDisplayValue('Choose a value');
    await tick(setup, 'Children count');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(
      within(summary()).getByText(/^Choose a value of population_type \(Population type\)/),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Import 0 indicators' })).toBeDisabled();

    await setup.user.selectOptions(breakdown, 'Children looked after on 31 March each year');
    await importNow(setup);
    await open(setup, 'Children looked after on 31 March each year: Children count, Wolverhampton');
    expect(await tableCells(setup)).toEqual([
      ['Period', 'Wolverhampton'],
      ['2021', '540'],
      ['2022', '512'],
      ['2023', '498'],
      ['2024', '517'],
      ['2025', '501'],
    ]);
  });

  it('imports one indicator for each value of a breakdown', async () => {
    const setup = renderApp('/import');
    await choose(setup, fixture('ees-breakdown-no-total.csv'));
    await setup.user.selectOptions(
      await screen.findByRole('combobox', { name: 'population_type (Population type)' }),
      'Every value: one indicator each',
    );
    await tick(setup, 'Children count');
    expect(within(summary()).getByText(/^3 indicators and 18 values will be added/)).toBeInTheDocument();
    await importNow(setup);
    const imported = screen.getByRole('table', { name: 'Imported indicators' });
    expect(
      within(imported)
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual([
      'Starting: Children count, Wolverhampton',
      'Ceasing: Children count, Wolverhampton',
      'At 31 March: Children count, Wolverhampton',
    ]);
  });

  it('chooses “All ages” first and says so; another value can be imported instead', async () => {
    const setup = renderApp('/import');
    await choose(setup, fixture('ees-breakdown-all-ages.csv'));
    const ages = await screen.findByRole('combobox', { name: 'age_group (Age group)' });
    expect(ages).toHaveDisplayValue('All ages (all of them)');
    await tick(setup, 'Cpp count');
    expect(
      within(summary()).getByText(
        'age_group: “All ages” is chosen, as it stands for all the others. Choose another value to import that instead.',
      ),
    ).toBeInTheDocument();
    await setup.user.selectOptions(ages, 'Under 1');
    await importNow(setup);
    await open(setup, 'Under 1: Cpp count, Wolverhampton');
    expect((await tableCells(setup)).slice(1)).toEqual([
      ['2024', '31'],
      ['2025', '24'],
    ]);
  });

  it('says which values a council has when it has no Total rows', async () => {
    const setup = renderApp('/import');
    await choose(setup, fixture('ees-council-without-total.csv'));
    await tick(setup, 'Referral count');
    expect(
      within(summary()).getByText(
        'Wolverhampton has no rows for the values chosen. Its rows have sex “Male” and “Female”: choose one of those.',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByText(/There are no rows for/)).not.toBeInTheDocument();
  });

  it('reads a numeric breakdown (age 0, 1, 2) without a .meta.csv, and does not offer it as an indicator', async () => {
    const setup = renderApp('/import');
    await choose(setup, fixture('ees-numeric-filter.csv'));
    expect(await screen.findByRole('combobox', { name: 'age (Age)' })).toBeInTheDocument();
    expect(
      within(columns())
        .getAllByRole('checkbox')
        .map((box) => box.parentElement?.textContent),
    ).toEqual(['Referral count (referral_count: count, 0 decimal places)']);
  });
});

describe('Import page: symbols and periods', () => {
  it('keeps u and every other EES symbol, and explains each under the table', async () => {
    const setup = renderApp('/import');
    await choose(setup, fixture('ees-symbols.csv'));
    await tick(setup, 'Referral count');
    expect(
      within(summary()).getByText('“:” and “~” are older EES symbols, read as x and low.'),
    ).toBeInTheDocument();
    await importNow(setup);
    await open(setup, 'Referral count, Wolverhampton');
    expect((await tableCells(setup)).slice(1)).toEqual([
      ['2014', 'c'],
      ['2015', 'k'],
      ['2016', 'low'],
      ['2017', 'u'],
      ['2018', 'x'],
      ['2019', 'z'],
      ['2020', 'x'],
      ['2021', 'low'],
      ['2022', 'x'],
      ['2023', '412'],
    ]);
    const key = screen.getByRole('list', { name: 'Symbols used in this table' });
    expect(
      within(key)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual([
      'c: suppressed to protect confidentiality',
      'k: a positive number that rounds to 0',
      'low: a positive number that rounds to 0',
      'u: low reliability',
      'x: not available',
      'z: not applicable',
    ]);
  });

  it.each([
    ['ees-calendar-year.csv', 'Missing count, Wolverhampton', ['2022', '2023', '2024']],
    ['ees-academic-year.csv', 'Exclusion count, Wolverhampton', ['2021/22', '2022/23', '2023/24']],
    [
      'ees-calendar-quarters.csv',
      'Missing count, Wolverhampton',
      ['Jan to Mar 2024', 'Apr to Jun 2024', 'Jul to Sep 2024', 'Oct to Dec 2024'],
    ],
    ['ees-months.csv', 'Missing count, Wolverhampton', ['January 2025', 'February 2025', 'March 2025']],
  ])('labels the periods of %s in their own words', async (name, title, periods) => {
    const setup = renderApp('/import');
    await choose(setup, fixture(name));
    await setup.user.click(await screen.findByRole('button', { name: 'Select the only column' }));
    await importNow(setup);
    await open(setup, title);
    expect((await tableCells(setup)).slice(1).map(([period]) => period)).toEqual(periods);
  });
});

describe('Import page: identities and re-imports', () => {
  it('says exactly which figures a re-import of the same file changes, then replaces the indicator', async () => {
    const setup = renderApp('/import');
    await choose(setup, fixture('ees-referrals-first-release.csv', 'referrals.csv'));
    await tick(setup, 'Referral count');
    await importNow(setup);
    await choose(setup, fixture('ees-referrals-revised.csv', 'referrals (1).csv'));
    await tick(setup, 'Referral count');
    const preview = summary();
    expect(within(preview).getByText(/replacing 1 indicator imported before/)).toBeInTheDocument();
    expect(
      within(preview).getByText(/Replaces the one imported from referrals\.csv on .*: 2 figures change\./),
    ).toBeInTheDocument();
    const changes = within(preview).getByRole('list', {
      name: 'Figures that change: Referral count, Wolverhampton',
    });
    expect(
      within(changes)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['2024 for Wolverhampton: 4,400 becomes 4,451', '2025 for Wolverhampton: 4,112 added']);
    await importNow(setup);
    const imported = screen.getByRole('table', { name: 'Imported indicators' });
    expect(
      within(imported)
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual(['Referral count, Wolverhampton']);
    expect(within(imported).getByRole('cell', { name: 'referrals (1).csv' })).toBeInTheDocument();
  });

  it('replaces what the first version of this page saved for the same file under its older id', async () => {
    const older: LocalIndicator = {
      id: 'local-wolverhampton-referral-count',
      title: 'Referral count',
      shortTitle: 'Referral count',
      theme: 'referrals-and-assessment',
      definition: 'Referral count for Wolverhampton.',
      unit: 'count',
      decimalPlaces: 0,
      polarity: 'neutral',
      frequency: 'annual',
      target: null,
      headline: false,
      illustrative: false,
      source: { name: 'ees-recent-years.csv', publisher: 'Department for Education (imported file)' },
      series: [{ period: '2022-23', value: 3660 }],
      comparators: [],
      importedFrom: {
        fileName: 'ees-recent-years.csv',
        importedAt: '2026-01-01T00:00:00.000Z',
        area: 'Wolverhampton',
      },
    };
    await saveLocalIndicators([older]);
    const setup = renderApp('/import');
    await choose(setup, fixture('ees-recent-years.csv'));
    await tick(setup, 'Referral count');
    expect(
      within(summary()).getByText(/Replaces the one imported from ees-recent-years\.csv on 1 January 2026/),
    ).toBeInTheDocument();
    await importNow(setup);
    const imported = screen.getByRole('table', { name: 'Imported indicators' });
    expect(
      within(imported)
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual(['Referral count, Wolverhampton']);
  });

  it('never lets a second file overwrite the first: the same column from another file is another indicator', async () => {
    const setup = renderApp('/import');
    await choose(setup, fixture('ees-recent-years.csv', 'referrals-a.csv'));
    await tick(setup, 'Referral count');
    await importNow(setup);
    await choose(setup, fixture('ees-recent-years.csv', 'referrals-b.csv'));
    await tick(setup, 'Referral count');
    expect(within(summary()).getByText(/New\.$/)).toBeInTheDocument();
    await importNow(setup);
    const imported = screen.getByRole('table', { name: 'Imported indicators' });
    expect(
      within(imported)
        .getAllByRole('row')
        .slice(1)
        .map((row) => row.children[1]?.textContent),
    ).toEqual(['referrals-a.csv', 'referrals-b.csv']);
  });

  it('keeps two columns that share their first 60 characters apart, and removes only the one asked', async () => {
    const setup = renderApp('/import');
    await choose(setup, fixture('ees-long-columns.csv'));
    await setup.user.click(await screen.findByRole('button', { name: 'Select all 2 columns' }));
    expect(within(summary()).getByText(/^2 indicators and 4 values will be added/)).toBeInTheDocument();
    await importNow(setup);
    const first = 'Children with a child protection plan at 31 march who were first on a plan, Wolverhampton';
    const second =
      'Children with a child protection plan at 31 march who were first on a plan in 2020, Wolverhampton';
    await setup.user.click(screen.getByRole('button', { name: `Remove ${first}` }));
    await screen.findByText(`${first} was removed.`);
    const imported = screen.getByRole('table', { name: 'Imported indicators' });
    expect(
      within(imported)
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual([second]);
    await open(setup, second);
    expect((await tableCells(setup)).slice(1)).toEqual([
      ['2024', '12'],
      ['2025', '9'],
    ]);
  });

  it('shows a council whose code changed with its codes, and joins the two into one series on request', async () => {
    const setup = renderApp('/import');
    await choose(setup, fixture('ees-changed-code.csv'));
    const area = await screen.findByRole('combobox', { name: 'Local authority' });
    expect(
      within(area)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['North Yorkshire (E06000065, 2024 to 2025)', 'North Yorkshire (E10000023, 2021 to 2023)']);
    await setup.user.click(
      screen.getByRole('checkbox', { name: /^Join North Yorkshire’s other code into one series/ }),
    );
    await tick(setup, 'Cpp count');
    expect(
      within(summary()).getByText(
        'North Yorkshire is joined into one series: E10000023 from 2021 to 2023 and E06000065 from 2024 to 2025.',
      ),
    ).toBeInTheDocument();
    await importNow(setup);
    await open(setup, 'Cpp count, North Yorkshire');
    expect((await tableCells(setup)).map((row) => row.slice(0, 2))).toEqual([
      ['Period', 'North Yorkshire'],
      ['2021', '370'],
      ['2022', '452'],
      ['2023', '410'],
      ['2024', '389'],
      ['2025', '402'],
    ]);
  });
});

describe('Import page: whole series', () => {
  it('calls an imported indicator’s own last figure “latest”, whatever the board’s reporting year', async () => {
    const setup = renderApp('/import');
    await choose(setup, fixture('ees-recent-years.csv'));
    await tick(setup, 'Referral count');
    await importNow(setup);
    await setup.router.navigate('/indicators?year=2016-17');
    await screen.findByRole('heading', { level: 1, name: /^Indicators/ });
    const list = await screen.findByRole('table', { name: 'Referrals and assessment indicators' });
    const link = within(list).getByRole('link', { name: 'Referral count, Wolverhampton' });
    const row = link.closest('tr')!;
    expect(within(row).getAllByRole('cell')[0]).toHaveTextContent('4,1122025');
    // Issue 11: the list says what the chart says (it said "Down 339 since 2024").
    expect(within(row).getAllByRole('cell')[1]).toHaveTextContent(
      'Stood at 3,660 in 2023, rose to a peak of 4,451 in 2024, then fell to 4,112 in 2025.',
    );
    await setup.user.click(link);
    await screen.findByRole('heading', { level: 1, name: 'Referral count, Wolverhampton' });
    expect((await tableCells(setup)).slice(1)).toEqual([
      ['2023', '3,660'],
      ['2024', '4,451'],
      ['2025', '4,112'],
    ]);
  });
});

describe('Import page: meaning', () => {
  it('titles indicators from the .meta.csv, the category and the area, with the theme and direction chosen', async () => {
    const setup = renderApp('/import');
    await choose(setup, fixture('ees-cpp-titles.csv'), fixture('ees-cpp-titles.meta.csv'));
    const theme = await screen.findByRole('combobox', { name: 'Theme' });
    expect(theme).toHaveDisplayValue('Child protection');
    await tick(setup, 'Plans lasting 2 years or more (%)');
    const direction = screen.getByRole('combobox', {
      name: 'Which way is better: Plans lasting 2 years or more (%)',
    });
    expect(direction).toHaveDisplayValue('Neither (neutral)');
    expect(
      screen.getByText(/Which way is better is “neither” for each column until you choose/),
    ).toBeInTheDocument();
    await setup.user.selectOptions(direction, 'Lower is better');
    await setup.user.selectOptions(theme, 'Quality assurance');
    await importNow(setup);
    const title =
      'Child protection plans by length of time: Plans lasting 2 years or more (%), Wolverhampton';
    await open(setup, title);
    const about = screen.getByRole('region', { name: 'About this indicator' });
    expect(within(about).getByText('Quality assurance')).toBeInTheDocument();
    expect(within(about).getByText('Lower is better')).toBeInTheDocument();
  });
});

describe('Import page: fair comparison', () => {
  it('offers the file’s rate for a count, and draws England beside a council’s count on its own scale', async () => {
    const setup = renderApp('/import');
    await choose(setup, fixture('dfe-cla-rates-cut.csv'));
    await setup.user.selectOptions(
      await screen.findByRole('combobox', { name: 'population_type (Population type)' }),
      'Children looked after on 31 March each year',
    );
    await tick(setup, 'Children count');
    expect(
      within(summary()).getByText(/England and West Midlands will be drawn beside it, each on its own scale/),
    ).toBeInTheDocument();
    await setup.user.click(screen.getByRole('button', { name: 'Import Rate per 10,000 too' }));
    expect(within(columns()).getByRole('checkbox', { name: /^Rate per 10,000/ })).toBeChecked();
    await importNow(setup);

    await open(setup, 'Children looked after on 31 March each year: Children count, Wolverhampton');
    const [main, england, region] = screen.getAllByRole('figure');
    expect(await tableCells(setup, main)).toEqual([
      ['Period', 'Wolverhampton'],
      ['2021', '540'],
      ['2022', '512'],
      ['2023', '498'],
      ['2024', '517'],
      ['2025', '501'],
    ]);
    expect(
      within(main!).getByText(
        /England and West Midlands are left off this axis: a count depends on the size of the area\./,
      ),
    ).toBeInTheDocument();
    expect(await tableCells(setup, england)).toEqual([
      ['Period', 'England'],
      ['2021', '80,780'],
      ['2022', '82,090'],
      ['2023', '83,750'],
      ['2024', '83,530'],
      ['2025', '81,770'],
    ]);
    expect((await tableCells(setup, region)).at(-1)).toEqual(['2025', '11,560']);

    await setup.router.navigate('/import');
    await open(setup, 'Children looked after on 31 March each year: Rate per 10,000, Wolverhampton');
    expect(screen.getAllByRole('figure')).toHaveLength(1);
    expect(await tableCells(setup)).toEqual([
      ['Period', 'Wolverhampton', 'England', 'West Midlands'],
      ['2021', '88 per 10,000 children', '69 per 10,000 children', '86 per 10,000 children'],
      ['2022', '83 per 10,000 children', '70 per 10,000 children', '88 per 10,000 children'],
      ['2023', '78 per 10,000 children', '70 per 10,000 children', '90 per 10,000 children'],
      ['2024', '78 per 10,000 children', '69 per 10,000 children', '89 per 10,000 children'],
      ['2025', '73 per 10,000 children', '67 per 10,000 children', '86 per 10,000 children'],
    ]);
  });
});

describe('Import page: large files and many problems', () => {
  it('groups problems by kind with counts, shows the first of each and the full list on demand', async () => {
    const setup = renderApp('/import');
    await choose(setup, fixture('ees-many-problems.csv'));
    await tick(setup, 'Referral count');
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent(
      'ees-many-problems.csv was not imported: 12 problems to fix, of 2 kinds. Your existing data is unchanged.',
    );
    expect(
      within(within(alert).getByRole('list', { name: 'Problems by kind' }))
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['Unreadable time period: 6', 'Unreadable value: 6']);
    const values = within(alert).getByRole('table', { name: /^Unreadable value: 6 problems/ });
    expect(within(values).getAllByRole('row')).toHaveLength(1 + 5);
    await setup.user.click(
      within(alert).getAllByRole('button', { name: 'Show all 6 problems of this kind' })[1]!,
    );
    expect(within(values).getAllByRole('row')).toHaveLength(1 + 6);
    expect(
      within(values)
        .getAllByRole('row')
        .slice(1)
        .map((row) => row.children[0]?.textContent),
    ).toEqual(['2', '4', '6', '8', '10', '12']);
  });

  it('keeps the file chosen last when an earlier, slower read finishes after it', async () => {
    let release = () => {};
    const gate = new Promise<void>((done) => (release = done));
    /** A large file whose bytes arrive late, as a 20 MB file's do. */
    class SlowFile extends File {
      override async arrayBuffer() {
        await gate;
        return super.arrayBuffer();
      }
    }
    const slow = new SlowFile(
      [readFileSync(resolve(import.meta.dirname, '../../../test/fixtures/import/dfe-cla-rates-cut.csv'))],
      'big.csv',
    );
    const setup = renderApp('/import');
    await choose(setup, slow);
    await screen.findByText(/Reading big\.csv/);
    await choose(setup, fixture('ees-recent-years.csv'));
    expect(
      await screen.findByText('Stopped reading big.csv: the file chosen last is read instead.'),
    ).toBeInTheDocument();
    await screen.findByRole('heading', { name: 'Preview of ees-recent-years.csv' });
    release();
    await new Promise((done) => setTimeout(done, 50));
    expect(screen.getByRole('heading', { name: 'Preview of ees-recent-years.csv' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Preview of big.csv' })).not.toBeInTheDocument();
  });
});
