import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fireEvent, screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { demoApi } from '../../../mocks/handlers';
import { server } from '../../../mocks/node';
import { renderApp } from '../../../test/render';
import { apiBaseUrl } from '../../api/client';
import type { Audit } from '../../api/contract';

const HEADER =
  'Title,Theme or priority,Kind of audit,Lead,Agencies taking part,Planned date,Or a quarter,Cases to sample';
const DISABLED = 'Disabled children subject to child protection plans';
const FORMULA = '=HYPERLINK("http://evil.example","click")';

const csv = (name: string, ...rows: string[]) =>
  new File([[HEADER, ...rows].join('\r\n')], name, { type: 'text/csv' });
const kept = () => (demoApi.handle('GET', '/audits').body as { audits: Audit[] }).audits;
const schedule = () => screen.getByRole('table', { name: /Audit schedule/ });

async function openLoader() {
  const setup = renderApp('/quality-assurance?year=2017-18');
  await setup.user.click(await screen.findByRole('button', { name: 'Load from a spreadsheet' }));
  return { ...setup, loader: await screen.findByRole('region', { name: 'Load audits from a spreadsheet' }) };
}

const choose = async ({ user, loader }: Awaited<ReturnType<typeof openLoader>>, file: File) =>
  user.upload(within(loader).getByLabelText('Choose the filled-in spreadsheet'), file);

/** Each problem listed, as "row | column | message". */
const problems = (loader: HTMLElement) =>
  within(within(loader).getByRole('table', { name: /^Needs correcting/ }))
    .getAllByRole('row')
    .slice(1)
    .map((r) =>
      within(r)
        .getAllByRole('cell')
        .map((c) => c.textContent)
        .join(' | '),
    );

describe('loading the audit programme from a spreadsheet', () => {
  it('previews every row, flags a repeat of the programme, and adds the others only when confirmed', async () => {
    const setup = await openLoader();
    const before = kept().length;
    await choose(
      setup,
      csv(
        'programme.csv',
        `Early help for teenagers,Priority 1,Single agency,Schools,Schools; Health,,Q4 2017-18,6`,
        `${DISABLED},Disabled children,Multi-agency,Wolverhampton CCG,Schools,30/09/2017,,`,
        `"${FORMULA.replace(/"/g, '""')}",<b>Exploitation</b>,,Police,West Midlands Police,15/02/2018,,10`,
      ),
    );
    const preview = await within(setup.loader).findByRole('table', {
      name: 'programme.csv: 2 audits to add, 1 already there (not added again)',
    });
    const rows = within(preview).getAllByRole('row');
    expect(rows[1]).toHaveTextContent(/^2Early help for teenagers.*Added$/);
    expect(rows[2]).toHaveTextContent(/^3Disabled children.*Already there: not added again$/);
    expect(within(rows[3]!).getByRole('rowheader', { name: '4' })).toBeInTheDocument();
    expect(within(rows[3]!).getByRole('cell', { name: FORMULA })).toBeInTheDocument();
    expect(within(rows[3]!).getByRole('cell', { name: '<b>Exploitation</b>' })).toBeInTheDocument();
    // Nothing is saved until confirmed.
    expect(kept()).toHaveLength(before);

    await setup.user.click(within(setup.loader).getByRole('button', { name: 'Add 2 audits' }));
    expect(await screen.findByText('Added 2 audits from programme.csv.')).toBeInTheDocument();
    expect(kept()).toHaveLength(before + 2);
    expect(kept().filter((a) => a.title === DISABLED)).toHaveLength(1);
    const added = kept().find((a) => a.title === FORMULA)!;
    expect(added).toMatchObject({
      theme: '<b>Exploitation</b>',
      kind: 'multi-agency',
      plannedDate: '2018-02-15',
    });
    expect(
      await within(schedule()).findByRole('row', { name: /^Early help for teenagers/ }),
    ).toHaveTextContent('Q4 2017-18');
    const formula = within(schedule()).getByRole('row', { name: (name) => name.startsWith(FORMULA) });
    expect(within(formula).getByRole('rowheader')).toHaveTextContent(FORMULA);
  });

  it('names each row’s problems by row and column with the form’s messages, and adds nothing', async () => {
    const setup = await openLoader();
    const before = kept().length;
    await choose(
      setup,
      csv(
        'mistakes.csv',
        `Fine audit,Priority 1,,Schools,Schools,,Q4 2017-18,`,
        `,Priority 1,Yearly,Schools,,31/02/2018,,2.5`,
        `No date,Priority 1,,Schools,Schools,,,`,
      ),
    );
    expect(
      await within(setup.loader).findByText(/^mistakes.csv was not imported: 6 problems to fix/),
    ).toHaveTextContent('Your existing data is unchanged.');
    await setup.user.click(
      within(setup.loader).getByRole('button', { name: 'Show all 6 problems of this kind' }),
    );
    expect(problems(setup.loader)).toEqual([
      '3 | Kind of audit | Enter Multi-agency or Single agency (or leave it empty)',
      '3 | Title | Enter the audit’s title',
      '3 | Agencies taking part | Choose at least one agency taking part',
      '3 | Planned date | Enter a real date, for example 3 April 2017',
      '3 | Cases to sample | Enter the number of cases as a whole number',
      '4 | Planned date | Enter the planned date or choose a quarter',
    ]);
    expect(within(setup.loader).queryByRole('button', { name: /^Add / })).toBeNull();
    expect(kept()).toHaveLength(before);
  });

  it('reads an Excel workbook the same way', async () => {
    const setup = await openLoader();
    const bytes = readFileSync(
      resolve(import.meta.dirname, '../../../test/fixtures/sheets/audit-programme.xlsx'),
    );
    await choose(setup, new File([bytes], 'audit-programme.xlsx'));
    const preview = await within(setup.loader).findByRole('table', {
      name: 'audit-programme.xlsx: 2 audits to add',
    });
    expect(within(preview).getByRole('cell', { name: FORMULA })).toBeInTheDocument();
    expect(within(preview).getByRole('cell', { name: 'Q4 2017-18' })).toBeInTheDocument();
    expect(within(setup.loader).getByRole('button', { name: 'Add 2 audits' })).toBeInTheDocument();
  });

  it('says plainly what is wrong with a file that is not the template, and adds nothing', async () => {
    const setup = await openLoader();
    const before = kept().length;
    const input = within(setup.loader).getByLabelText('Choose the filled-in spreadsheet');
    fireEvent.drop(input.parentElement!, {
      dataTransfer: { files: [new File(['%PDF-1.4'], 'minutes.pdf')] },
    });
    expect(await within(setup.loader).findByRole('alert')).toHaveTextContent(
      '"minutes.pdf" is not a CSV or an Excel .xlsx file.',
    );
    await choose(setup, new File(['indicator_id,period,value\nx,2017-18,3'], 'figures.csv'));
    expect(await within(setup.loader).findByRole('alert')).toHaveTextContent(
      'The file needs the columns Title, Theme or priority, Lead, Agencies taking part, Planned date, Or a quarter. Download the template to start from.',
    );
    await choose(setup, csv('empty.csv'));
    expect(await within(setup.loader).findByRole('alert')).toHaveTextContent(
      'The file has no audits under its header row.',
    );
    await choose(setup, new File(['x'.repeat(2 * 1024 * 1024 + 1)], 'huge.csv'));
    expect(await within(setup.loader).findByRole('alert')).toHaveTextContent(
      'huge.csv is too big (2.0 MB) for a list of audits',
    );
    expect(kept()).toHaveLength(before);
  });

  it('shows the data service’s refusal on the row it names, keeping the file’s rows unsaved', async () => {
    server.use(
      http.post(`${apiBaseUrl()}/audits/import`, () =>
        HttpResponse.json(
          {
            message: 'Some fields need correcting',
            fieldErrors: {
              'audits[1].title': ['This audit is already in the programme for that year (same title)'],
            },
          },
          { status: 422 },
        ),
      ),
    );
    const setup = await openLoader();
    const before = kept().length;
    await choose(
      setup,
      csv(
        'late.csv',
        'First audit,Priority 1,,Schools,Schools,,Q4 2017-18,',
        'Second audit,Priority 1,,Schools,Schools,,Q4 2017-18,',
      ),
    );
    await setup.user.click(await within(setup.loader).findByRole('button', { name: 'Add 2 audits' }));
    expect(
      await within(setup.loader).findByText(/^late.csv was not imported: one problem to fix/),
    ).toBeInTheDocument();
    expect(problems(setup.loader)).toEqual([
      '3 | Title | This audit is already in the programme for that year (same title)',
    ]);
    expect(kept()).toHaveLength(before);
  });

  it('a second load of the same file waits for the programme read again after the add, then has nothing to add', async () => {
    const setup = await openLoader();
    const again = () =>
      csv('again.csv', 'Early help for older teenagers,Priority 1,,Schools,Schools,,Q4 2017-18,4');
    await choose(setup, again());
    // From now on the programme is read again slowly, as on a busy service: held until let go.
    let letGo!: () => void;
    const held = new Promise<void>((done) => (letGo = done));
    server.use(
      http.get(`${apiBaseUrl()}/audits`, async ({ request }) => {
        await held;
        const url = new URL(request.url);
        return HttpResponse.json(demoApi.handle('GET', `/audits${url.search}`).body as { audits: Audit[] });
      }),
    );
    await setup.user.click(await within(setup.loader).findByRole('button', { name: 'Add 1 audit' }));
    expect(await screen.findByText('Added 1 audit from again.csv.')).toBeInTheDocument();

    await setup.user.click(screen.getByRole('button', { name: 'Load from a spreadsheet' }));
    const loader = screen.getByRole('region', { name: 'Load audits from a spreadsheet' });
    await setup.user.upload(within(loader).getByLabelText('Choose the filled-in spreadsheet'), again());
    // The programme it had is from before the add: which rows are there is not known yet.
    expect(
      await within(loader).findByText('Checking which rows of again.csv are already there…'),
    ).toBeInTheDocument();
    expect(within(loader).queryByRole('button', { name: /^Add / })).toBeNull();
    expect(within(loader).queryByRole('table', { name: /^again.csv/ })).toBeNull();

    letGo();
    expect(
      await within(loader).findByText('Every row of again.csv is already there: there is nothing to add.'),
    ).toBeInTheDocument();
    expect(within(loader).queryByRole('button', { name: /^Add / })).toBeNull();
    expect(kept().filter((a) => a.title === 'Early help for older teenagers')).toHaveLength(1);
  });
});
