import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { server } from '../../../mocks/node';
import { renderApp } from '../../../test/render';
import { apiBaseUrl } from '../../api/client';
import type { Audit } from '../../api/contract';

const url = (path: string) => `${apiBaseUrl()}${path}`;

/** A year of 30 planned audits, each with one open action arising: more than a screenful of each. */
const generated = (n: number): Audit => ({
  id: `generated-audit-${n}`,
  title: `Generated audit ${n}`,
  theme: 'Priority 1: exploitation',
  kind: 'single-agency',
  leadAgency: 'Health',
  agencies: ['Health'],
  plannedDate: '2017-06-30',
  plannedQuarter: null,
  casesToSample: null,
  cancelledReason: null,
  status: 'planned',
  completedDate: null,
  casesAudited: null,
  grades: null,
  actionsArising: [
    {
      id: `generated-action-${n}`,
      description: `Generated action ${n}`,
      owner: 'Designated nurse',
      dueDate: '2018-03-31',
      status: 'open',
      closedDate: null,
      retired: false,
    },
  ],
  version: 1,
});

/** Every read of the audit programme, by its query; the whole programme is refused. */
let asked: string[];
function recordAuditReads(yearAudits?: Audit[]) {
  server.use(
    http.get(url('/audits'), ({ request }) => {
      const year = new URL(request.url).searchParams.get('year');
      asked.push(year ?? 'every year');
      if (year === null) {
        return HttpResponse.json({ message: 'The page asked for the whole programme' }, { status: 500 });
      }
      return yearAudits ? HttpResponse.json({ audits: yearAudits, total: 70 }) : undefined;
    }),
  );
}
beforeEach(() => {
  asked = [];
});

const bodyRows = (table: HTMLElement) => within(table).getAllByRole('row').slice(1);

describe('the quality assurance page shows a year a screenful at a time', () => {
  it('shows the first 25 audits and actions arising, says how many there are, and shows the rest when asked', async () => {
    recordAuditReads(Array.from({ length: 30 }, (_, i) => generated(i + 1)));
    const { user } = renderApp('/quality-assurance?year=2017-18');
    const schedule = await screen.findByRole('table', { name: 'Audit schedule, 2017-18' });
    expect(bodyRows(schedule)).toHaveLength(25);
    expect(screen.getByText('Showing 1–25 of 30 audits')).toBeInTheDocument();
    expect(within(schedule).queryByText('Generated audit 26')).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Show 5 more audits' }));
    expect(bodyRows(schedule)).toHaveLength(30);
    expect(within(schedule).getByText('Generated audit 30')).toBeInTheDocument();
    // The button has gone with nothing left to show: the count, now whole, holds the focus.
    expect(screen.getByText('Showing all 30 audits')).toHaveFocus();
    expect(screen.queryByRole('button', { name: /more audits/ })).not.toBeInTheDocument();

    const actions = screen.getByRole('table', { name: 'Actions arising from audits, 2017-18' });
    expect(bodyRows(actions)).toHaveLength(25);
    expect(screen.getByText('Showing 1–25 of 30 actions arising')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Show 5 more actions arising' }));
    expect(within(actions).getByText('Generated action 30')).toBeInTheDocument();
    expect(asked).toEqual(['2017-18']);
  });

  it('asks only for the year it shows, never for the whole programme, and for another year when it changes', async () => {
    recordAuditReads();
    const { router } = renderApp('/quality-assurance?year=2017-18');
    const schedule = await screen.findByRole('table', { name: 'Audit schedule, 2017-18' });
    expect(
      within(schedule).getByText('Disabled children subject to child protection plans'),
    ).toBeInTheDocument();
    // A year that fits a screenful is shown whole, with nothing added.
    expect(screen.queryByText(/^Showing /)).not.toBeInTheDocument();
    await router.navigate('/quality-assurance?year=2016-17');
    expect(await screen.findByRole('table', { name: 'Audit schedule, 2016-17' })).toBeInTheDocument();
    expect(asked).toEqual(['2017-18', '2016-17']);
  });
});
