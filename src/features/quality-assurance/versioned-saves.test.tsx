import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { demoApi } from '../../../mocks/handlers';
import { DEMO_SESSION } from '../../../mocks/demo-api';
import { server } from '../../../mocks/node';
import { renderApp } from '../../../test/render';
import { apiBaseUrl } from '../../api/client';
import type { Audit, Session } from '../../api/contract';

const url = (path: string) => `${apiBaseUrl()}${path}`;
const DISABLED = 'Disabled children subject to child protection plans';

const scheduleRow = (name: string) =>
  within(screen.getByRole('table', { name: /Audit schedule/ })).getByRole('row', { name: new RegExp(name) });

async function openForm(user: ReturnType<typeof renderApp>['user']) {
  await screen.findByText(DISABLED);
  await user.click(
    within(scheduleRow(DISABLED)).getByRole('button', { name: `Record progress for ${DISABLED}` }),
  );
  return screen.findByRole('form', { name: `Record progress: ${DISABLED}` });
}

/** Someone else records progress on the audit, through the API, after this page loaded it. */
function someoneElseSaves() {
  const reply = demoApi.handle('PATCH', '/audits/macfa-disabled-children-2017', {
    status: 'completed',
    completedDate: '2017-10-02',
    casesAudited: 4,
    grades: { outstanding: 0, good: 4, requiresImprovement: 0, inadequate: 0 },
    version: 1,
  });
  expect(reply.status).toBe(200);
}

describe('a save based on an old version', () => {
  it('keeps what was typed, shows the other person’s change beside it, and saves over it when asked', async () => {
    const { user } = renderApp('/quality-assurance?year=2017-18');
    const form = await openForm(user);
    await user.type(within(form).getByRole('spinbutton', { name: 'Cases audited' }), '0');
    someoneElseSaves();
    await user.click(within(form).getByRole('button', { name: 'Save progress' }));

    expect(
      await within(form).findByText('Someone else saved a change to this audit while you were editing'),
    ).toBeInTheDocument();
    const table = within(form).getByRole('table');
    expect(within(table).getByRole('row', { name: /Status/ })).toHaveTextContent('CompletedIn progress');
    expect(within(table).getByRole('row', { name: /Cases audited/ })).toHaveTextContent('40');
    // What this person typed is still in the form; the page behind shows the other person's audit.
    expect(within(form).getByRole('spinbutton', { name: 'Cases audited' })).toHaveValue(0);
    expect(scheduleRow(DISABLED)).toHaveTextContent('Completed');

    // Saving again is based on their version, and replaces it.
    await user.clear(within(form).getByRole('spinbutton', { name: 'Cases audited' }));
    await user.selectOptions(within(form).getByRole('combobox', { name: 'Status' }), 'In progress');
    await user.click(within(form).getByRole('button', { name: 'Save progress' }));
    expect(await screen.findByText(`Saved: “${DISABLED}” is now in progress.`)).toBeInTheDocument();
    const saved = demoApi.handle('GET', '/audits').body as { audits: Audit[] };
    expect(saved.audits.find((a) => a.id === 'macfa-disabled-children-2017')).toMatchObject({
      status: 'in-progress',
      version: 3,
    });
  });
});

describe('a session that ends while someone is typing', () => {
  it('says so once at the top, keeps the typing, and brings the form back with it after signing in', async () => {
    const { user, unmount } = renderApp('/quality-assurance?year=2017-18');
    const form = await openForm(user);
    await user.type(within(form).getByRole('spinbutton', { name: 'Cases audited' }), '6');
    server.use(http.all(url('/*'), () => HttpResponse.json({ message: 'Sign in' }, { status: 401 })));
    await user.click(within(form).getByRole('button', { name: 'Save progress' }));
    expect(
      await within(form).findByText(
        'Your changes were not saved because your session has ended. Sign in again: what you typed is kept and will be here when you come back.',
      ),
    ).toBeInTheDocument();
    const banner = await screen.findByText('Your session has ended');
    expect(screen.getAllByText('Your session has ended')).toHaveLength(1);
    expect(
      within(banner.closest('.banner') as HTMLElement).getByRole('link', { name: 'Sign in again' }),
    ).toHaveAttribute('href', '/sign-in?next=%2Fquality-assurance%3Fyear%3D2017-18');

    // After signing in, the same page opens the form again with what was typed.
    unmount();
    server.resetHandlers();
    renderApp('/quality-assurance?year=2017-18');
    const again = await screen.findByRole('form', { name: `Record progress: ${DISABLED}` });
    expect(within(again).getByText(/This is what you typed before your session ended/)).toBeInTheDocument();
    expect(within(again).getByRole('spinbutton', { name: 'Cases audited' })).toHaveValue(6);
  });
});

describe('what a role may change', () => {
  const as = (user: Partial<Session['user']>) =>
    server.use(
      http.get(url('/session'), () =>
        HttpResponse.json({ ...DEMO_SESSION, method: 'password', user: { ...DEMO_SESSION.user, ...user } }),
      ),
    );

  it('a board member sees no Record progress or Update buttons', async () => {
    as({ role: 'viewer' });
    renderApp('/quality-assurance?year=2017-18');
    await screen.findByText(DISABLED);
    await waitFor(() =>
      expect(screen.queryAllByRole('button', { name: /^Record progress/ })).toHaveLength(0),
    );
  });

  it('an action owner may update their own actions only', async () => {
    as({ role: 'viewer', actionOwner: 'CSE Coordinator' });
    renderApp('/action-plan');
    await screen.findByRole('heading', { name: /Priority 1/ });
    const buttons = await screen.findAllByRole('button', { name: /^Update / });
    const owned = (
      demoApi.handle('GET', '/action-plan').body as {
        priorities: { actions: { title: string; owner: string }[] }[];
      }
    ).priorities
      .flatMap((p) => p.actions)
      .filter((a) => a.owner === 'CSE Coordinator');
    expect(buttons.map((b) => b.textContent?.replace(/^Update /, '')).sort()).toEqual(
      owned.map((a) => a.title).sort(),
    );
  });
});
