import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { demoDataset } from '../../../mocks/data';
import { DEMO_SESSION } from '../../../mocks/demo-api';
import { server } from '../../../mocks/node';
import { renderApp } from '../../../test/render';
import { apiBaseUrl } from '../../api/client';
import type { Board } from '../../api/contract';

const url = (path: string) => `${apiBaseUrl()}${path}`;

beforeEach(() => {
  server.use(
    http.get(url('/session'), () =>
      HttpResponse.json({
        ...DEMO_SESSION,
        method: 'password',
        user: { ...DEMO_SESSION.user, role: 'administrator' },
      }),
    ),
  );
});

describe('issue 23 case 6: names of today’s partnerships (board settings)', () => {
  it('the administrator makes the board a partnership; the settings then read partnership words', async () => {
    let saved: Record<string, unknown> | null = null;
    server.use(
      http.put(url('/board'), async ({ request }) => {
        saved = (await request.json()) as Record<string, unknown>;
        return HttpResponse.json({ ...(demoDataset.board as Board), ...saved, version: 2 });
      }),
    );
    const { user } = renderApp('/admin/board');
    const kind = await screen.findByRole('combobox', { name: /^What it is/ });
    expect(kind).toHaveValue('board');
    expect(screen.getByRole('heading', { level: 1, name: 'Board settings' })).toBeInTheDocument();
    await user.selectOptions(kind, 'A safeguarding children partnership');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(
      await screen.findByText('Saved the board’s settings. Every page now uses them.'),
    ).toBeInTheDocument();
    expect(saved).toMatchObject({ kind: 'partnership', name: demoDataset.board.name, version: 1 });
    // The board's own name is kept as typed; the generic words change.
    expect(screen.getByRole('textbox', { name: /^Board name/ })).toHaveValue(demoDataset.board.name);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Partnership settings' }),
    ).toBeInTheDocument();
    const nav = screen.getByRole('navigation', { name: 'Administration' });
    expect(within(nav).getByRole('link', { name: 'Partnership settings' })).toBeInTheDocument();
  });

  it('a board not yet set up is offered as a partnership, as every new one is today', async () => {
    server.use(
      http.get(url('/board'), () =>
        HttpResponse.json({ message: 'This board has not been set up yet.' }, { status: 404 }),
      ),
    );
    renderApp('/admin/board');
    expect(await screen.findByRole('combobox', { name: /^What it is/ })).toHaveValue('partnership');
  });
});
