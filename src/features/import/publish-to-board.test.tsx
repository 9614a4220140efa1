import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { DEMO_SESSION } from '../../../mocks/demo-api';
import { server } from '../../../mocks/node';
import { renderApp } from '../../../test/render';
import { apiBaseUrl } from '../../api/client';
import type { Indicator, PublishIndicatorRequest } from '../../api/contract';

const url = (path: string) => `${apiBaseUrl()}${path}`;

function fixture(name: string): File {
  return new File([readFileSync(resolve(import.meta.dirname, '../../../test/fixtures/import', name))], name);
}

async function importBom(setup: ReturnType<typeof renderApp>) {
  await setup.user.upload(await screen.findByLabelText('Choose a CSV or Excel file'), fixture('bom.csv'));
  await setup.user.click(await screen.findByRole('button', { name: /^Import \d+ indicators?$/ }));
  await screen.findByText(/indicators? imported\. They now appear on the Indicators page\./);
}

describe('publishing an imported indicator to the board', () => {
  it('is offered to an administrator only', async () => {
    const setup = renderApp('/import');
    await importBom(setup);
    expect(screen.queryByRole('button', { name: /^Publish to the board/ })).not.toBeInTheDocument();
  });

  it('asks before replacing the board’s indicator of the same id, then replaces that version', async () => {
    const sent: PublishIndicatorRequest[] = [];
    let existing: Indicator | null = null;
    server.use(
      http.get(url('/session'), () =>
        HttpResponse.json({
          ...DEMO_SESSION,
          method: 'password',
          user: { ...DEMO_SESSION.user, role: 'administrator' },
        }),
      ),
      http.put(url('/indicators/:id'), async ({ request }) => {
        const body = (await request.json()) as PublishIndicatorRequest;
        sent.push(body);
        if (body.version === null) {
          existing = { ...body.indicator, title: 'Return interviews (published last year)', version: 4 };
          return HttpResponse.json({ message: 'stale', current: existing }, { status: 409 });
        }
        return HttpResponse.json({ ...body.indicator, version: 5 });
      }),
    );
    const setup = renderApp('/import');
    await importBom(setup);
    const publish = await screen.findByRole('button', { name: /^Publish to the board/ });
    await setup.user.click(publish);
    const dialog = screen.getByRole('group', { name: /Publish “Return interviews taken up” to the board/ });
    expect(within(dialog).getByLabelText(/Where the figures come from/)).toHaveValue('From bom.csv');
    await setup.user.click(within(dialog).getByRole('button', { name: 'Publish' }));

    expect(
      await within(dialog).findByText('The board already has an indicator with this id'),
    ).toBeInTheDocument();
    expect(within(dialog).getByText(/“Return interviews \(published last year\)”/)).toBeInTheDocument();
    await setup.user.click(within(dialog).getByRole('button', { name: 'Replace it' }));

    expect(
      await screen.findByText(/Published: every board member now sees “Return interviews taken up”\./),
    ).toBeInTheDocument();
    expect(sent.map((s) => s.version)).toEqual([null, 4]);
    expect(sent[1]!.indicator.id).not.toMatch(/^local-/);
    expect(sent[1]!.reason).toBe('From bom.csv');
    expect(existing).not.toBeNull();
  });
});
