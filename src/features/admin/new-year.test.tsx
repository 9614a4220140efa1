import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { demoApi } from '../../../mocks/handlers';
import { server } from '../../../mocks/node';
import { renderApp } from '../../../test/render';
import { signedInAs } from '../../../test/session';
import type { Board } from '../../api/contract';

const board = () => demoApi.handle('GET', '/board').body as Board;

beforeEach(() => {
  server.use(signedInAs('administrator'));
});

async function openConfirmation(user: ReturnType<typeof renderApp>['user']) {
  await user.click(await screen.findByRole('button', { name: 'Start the reporting year 2018-19' }));
  return screen.getByRole('form', { name: 'Start the reporting year 2018-19?' });
}

describe('starting a new reporting year', () => {
  it('says what carries over before it is done, then shows the new year first with the open work carried over', async () => {
    const { user } = renderApp('/admin/board');
    const form = await openConfirmation(user);
    const audits = await within(form).findByRole('list', { name: 'Audits carried over into 2018-19' });
    expect(
      within(audits)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'Disabled children subject to child protection plans (planned 30 September 2017)',
      'Adolescents at risk: exploitation and gangs (planned 15 December 2017)',
      'Schools’ section 175 safeguarding self-assessments (planned 31 January 2018)',
      'Neglect: re-audit after the toolkit relaunch (planned 31 March 2018)',
    ]);
    const actions = within(form).getByRole('list', { name: 'Actions carried over into 2018-19' });
    expect(within(actions).getByText(/^Agree a step-down protocol/)).toBeVisible();
    expect(within(actions).getByText(/^Link return home interview findings/)).toBeVisible();
    // The action plan: its 6 open actions go on, the 5 closed stay in the years they closed in.
    expect(
      await within(form).findByText(
        'The action plan’s 6 open actions go on into 2018-19; 5 closed actions stay in the years they were closed in.',
      ),
    ).toBeVisible();
    expect(within(actions).queryByText(/^Relaunch the neglect toolkit/)).toBeNull();
    expect(board().currentYear).toBe('2016-17');

    await user.click(within(form).getByRole('button', { name: 'Start 2018-19' }));
    expect(
      await screen.findByText(
        'Started 2018-19: every page now shows it first, with the open work carried over.',
      ),
    ).toBeVisible();
    expect(board()).toMatchObject({
      currentYear: '2018-19',
      reportingYears: ['2015-16', '2016-17', '2017-18', '2018-19'],
    });
    const period = screen.getByRole('combobox', { name: 'Reporting period' });
    expect(await within(period).findByRole('option', { name: /2018-19/ })).toBeInTheDocument();
    expect(period).toHaveValue('2018-19');

    await user.click(screen.getByRole('link', { name: 'Quality assurance' }));
    const schedule = await screen.findByRole('table', { name: 'Audit schedule, 2018-19' });
    const carried = within(schedule).getByRole('row', { name: /^Disabled children subject/ });
    expect(carried).toHaveTextContent('Carried over from 2017-18');
    expect(within(schedule).queryByRole('row', { name: /^Early help assessments/ })).toBeNull();
    const arising = screen.getByRole('table', { name: 'Actions arising from audits, 2018-19' });
    expect(within(arising).getByRole('row', { name: /^Agree a step-down protocol/ })).toHaveTextContent(
      'Carried over from 2017-18',
    );
    expect(within(arising).queryByRole('row', { name: /^Relaunch the neglect toolkit/ })).toBeNull();
  });

  it('refuses a stale start with the other person’s change said, and never starts a year twice', async () => {
    const { user } = renderApp('/admin/board');
    const form = await openConfirmation(user);
    await within(form).findByRole('list', { name: 'Audits carried over into 2018-19' });
    const started = demoApi.handle('POST', '/board/years', { year: '2018-19', version: board().version });
    expect(started.status).toBe(201);
    await user.click(within(form).getByRole('button', { name: 'Start 2018-19' }));
    expect(
      await within(form).findByText(
        'Someone else saved a change to the board’s settings while you were editing',
      ),
    ).toBeVisible();
    // Someone else started the same year: nothing differs, and starting it again is refused.
    expect(within(form).getByText(/Their saved values are the same as yours/)).toBeVisible();
    await user.click(within(form).getByRole('button', { name: 'Start 2018-19' }));
    expect(
      await within(form).findByRole('link', { name: /The next reporting year is 2019-20/ }),
    ).toBeVisible();
    expect(board().reportingYears).toEqual(['2015-16', '2016-17', '2017-18', '2018-19']);
  });

  it('is not offered to anyone but an administrator', async () => {
    server.use(signedInAs('editor'));
    renderApp('/admin/board');
    await screen.findByRole('heading', { level: 1 });
    expect(screen.queryByRole('button', { name: /Start the reporting year/ })).toBeNull();
    expect(screen.queryByRole('heading', { name: 'A new reporting year' })).toBeNull();
  });
});
