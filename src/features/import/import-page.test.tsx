import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { server } from '../../../mocks/node';
import { renderApp } from '../../../test/render';
import { exportLocalDataset } from '../../api/local-indicators';

function fixture(name: string, as = name): File {
  return new File([readFileSync(resolve(import.meta.dirname, '../../../test/fixtures/import', name))], as);
}

type Setup = ReturnType<typeof renderApp>;

async function choose({ user }: Setup, ...files: File[]) {
  await user.upload(await screen.findByLabelText('Choose a CSV or Excel file'), files);
}

async function importFile(setup: Setup, ...files: File[]) {
  await choose(setup, ...files);
  await setup.user.click(await screen.findByRole('button', { name: /^Import \d+ indicators?$/ }));
  await screen.findByText(/indicators? imported\. They now appear on the Indicators page\./);
}

describe('Import page', () => {
  it('says the file stays on this computer', async () => {
    renderApp('/import');
    expect(
      await screen.findByText('Your file stays on this computer: nothing is uploaded.'),
    ).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'Import your own data' })).toBeInTheDocument();
  });

  it('reads a file dropped on the drop zone', async () => {
    renderApp('/import');
    const input = await screen.findByLabelText('Choose a CSV or Excel file');
    fireEvent.drop(input.parentElement!, { dataTransfer: { files: [fixture('bom.csv')] } });
    expect(await screen.findByText(/^1 indicator and 1 value will be added/)).toBeInTheDocument();
  });

  it('sends nothing from the file over the network', async () => {
    const requests: { method: string; url: string; body: string }[] = [];
    const record = async ({ request }: { request: Request }) => {
      requests.push({ method: request.method, url: request.url, body: await request.clone().text() });
    };
    server.events.on('request:start', record);
    try {
      const setup = renderApp('/import');
      await importFile(setup, fixture('template-valid.csv'));
      await setup.router.navigate('/indicators');
      await screen.findByRole('heading', { level: 1, name: /^Indicators/ });
      await screen.findByRole('link', { name: 'Children screened for CSE risk' });
    } finally {
      server.events.removeListener('request:start', record);
    }
    expect(requests.length).toBeGreaterThan(0);
    for (const request of requests) {
      expect(request.method).toBe('GET');
      expect(request.body).toBe('');
      expect(request.url).not.toMatch(/cse|screened/i);
    }
  });

  it('shows imported indicators on the Indicators list, marked with their source file', async () => {
    const setup = renderApp('/import');
    await importFile(setup, fixture('template-valid.csv'));
    await setup.router.navigate('/indicators');
    await screen.findByRole('heading', { level: 1, name: /^Indicators/ });
    const link = await screen.findByRole('link', { name: 'Children screened for CSE risk' });
    expect(link.closest('th')).toHaveTextContent('Imported from template-valid.csv');
  });

  it('shows a headline imported indicator on the overview', async () => {
    const setup = renderApp('/import');
    await importFile(setup, fixture('template-valid.csv'));
    await setup.router.navigate('/');
    const tiles = await screen.findByRole('region', { name: 'Headline indicators' });
    expect(await within(tiles).findByText('Children screened for CSE risk')).toBeInTheDocument();
  });

  it('rejects a file with errors, listing each with its row and column, and keeps the existing data', async () => {
    const setup = renderApp('/import');
    await importFile(setup, fixture('template-valid.csv'));
    await choose(setup, fixture('errors.csv'));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      'errors.csv was not imported: 4 problems to fix, of 4 kinds. Your existing data is unchanged.',
    );
    const rows = within(alert)
      .getAllByRole('row')
      .filter((row) => within(row).queryAllByRole('cell').length > 0)
      .map((row) => [...row.children].map((c) => c.textContent));
    expect(rows).toEqual([
      ['3', 'unit', 'Unknown unit "widgets": use count, percent, rate-per-10000 or gbp.'],
      ['4', 'value', '"ten" is not a number or an EES symbol (c, x, z, low, k or u).'],
      ['5', 'period', 'Duplicate period: 2016-17 appears more than once for bad-rows.'],
      ['6', 'period', 'Unreadable period or date "31/03/2019".'],
    ]);
    expect(
      within(alert)
        .getAllByRole('table')
        .map((table) => table.querySelector('caption')?.textContent),
    ).toEqual([
      'Unknown unit: 1 problem',
      'Unreadable value: 1 problem',
      'Repeated period: 1 problem',
      'Unreadable period: 1 problem',
    ]);
    expect(screen.queryByRole('button', { name: /^Import \d+ indicator/ })).not.toBeInTheDocument();
    const imported = screen.getByRole('table', { name: 'Imported indicators' });
    expect(
      within(imported).getByRole('link', { name: 'Children screened for CSE risk' }),
    ).toBeInTheDocument();
  });

  it('refuses a binary file renamed .csv with a clear message', async () => {
    const setup = renderApp('/import');
    await choose(setup, fixture('binary.csv', 'figures.csv'));
    expect(await screen.findByRole('alert')).toHaveTextContent(/not a text file: it contains binary data/);
  });

  it('says a file of only a header has no figures', async () => {
    const setup = renderApp('/import');
    await choose(setup, fixture('header-only.csv'));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The file has a header but no rows of figures.',
    );
  });

  it('shows a formula-injection payload in a text cell as plain text', async () => {
    const setup = renderApp('/import');
    await importFile(setup, fixture('formula.csv'));
    const imported = screen.getByRole('table', { name: 'Imported indicators' });
    expect(
      within(imported).getByRole('link', { name: '=HYPERLINK("http://evil.example","Click")' }),
    ).toBeInTheDocument();
  });

  it('imports the template from an Excel workbook', async () => {
    const setup = renderApp('/import');
    await choose(setup, fixture('template.xlsx'));
    expect(await screen.findByText(/^1 indicator and 2 values will be added/)).toBeInTheDocument();
  });

  it('removes an imported indicator', async () => {
    const setup = renderApp('/import');
    await importFile(setup, fixture('bom.csv'));
    await setup.user.click(await screen.findByRole('button', { name: 'Remove Return interviews taken up' }));
    expect(await screen.findByText('Nothing imported yet.')).toBeInTheDocument();
  });

  it('restores a dataset exported from another computer', async () => {
    const setup = renderApp('/import');
    await importFile(setup, fixture('semicolon.csv'));
    const saved = JSON.stringify(await exportLocalDataset());
    await setup.user.click(await screen.findByRole('button', { name: 'Remove Training courses run' }));
    await screen.findByText('Nothing imported yet.');
    await setup.user.upload(
      screen.getByLabelText('Import a saved dataset'),
      new File([saved], 'dashboard-local-data.json', { type: 'application/json' }),
    );
    const imported = await screen.findByRole('table', { name: 'Imported indicators' });
    expect(within(imported).getByRole('link', { name: 'Training courses run' })).toBeInTheDocument();
  });

  it('rejects a saved dataset that is not valid, changing nothing', async () => {
    const setup = renderApp('/import');
    await screen.findByText('Nothing imported yet.');
    await setup.user.upload(
      screen.getByLabelText('Import a saved dataset'),
      new File(['{"format":"something-else"}'], 'other.json', { type: 'application/json' }),
    );
    expect(await screen.findByRole('alert')).toHaveTextContent('other.json was not imported');
    expect(screen.getByText('Nothing imported yet.')).toBeInTheDocument();
  });
});
