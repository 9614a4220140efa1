import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { DEMO_SESSION } from '../../../mocks/demo-api';
import { server } from '../../../mocks/node';
import { renderApp } from '../../../test/render';
import { apiBaseUrl } from '../../api/client';
import type { AgencyReturn, LateByAgency, ReturnRound, Session } from '../../api/contract';

const url = (path: string) => `${apiBaseUrl()}${path}`;

const qa: Session = {
  ...DEMO_SESSION,
  method: 'password',
  user: { ...DEMO_SESSION.user, name: 'Quinn QA', role: 'quality-assurance', agencyIds: [] },
};

const round: ReturnRound = {
  id: 'q4-2017-18',
  quarter: 'Q4 2017-18',
  dueDate: '2018-04-30',
  opened: { name: 'Alex Administrator', at: '2018-04-01T09:00:00.000Z' },
  agencies: [
    {
      agencyId: 'childrens-social-care',
      agencyName: 'Children’s social care',
      status: 'submitted',
      late: false,
      itemCount: 1,
      filledCount: 1,
      submitted: { name: 'Hana Health', at: '2018-04-25T10:00:00.000Z' },
      published: null,
    },
    {
      agencyId: 'west-midlands-police',
      agencyName: 'West Midlands Police',
      status: 'draft',
      late: true,
      itemCount: 1,
      filledCount: 0,
      submitted: null,
      published: null,
    },
  ],
};

const submitted: AgencyReturn = {
  roundId: 'q4-2017-18',
  quarter: 'Q4 2017-18',
  dueDate: '2018-04-30',
  agencyId: 'childrens-social-care',
  agencyName: 'Children’s social care',
  status: 'submitted',
  late: false,
  comment: null,
  submitted: { name: 'Hana Health', at: '2018-04-25T10:00:00.000Z' },
  published: null,
  items: [
    {
      indicatorId: 'referrals',
      title: 'Referrals to children’s social care',
      unit: 'count',
      decimalPlaces: 0,
      frequency: 'quarterly',
      period: 'Q4 2017-18',
      entered: { value: 812, symbol: null, note: 'Includes the new front door', checked: false },
      previous: { period: 'Q3 2017-18', value: 790, symbol: null },
      published: null,
    },
  ],
  version: 3,
};

// As the data service sends it: the most behind first.
const late: LateByAgency = {
  returnsAsAt: '2018-05-10',
  auditsAsAt: '2017-12-31',
  agencies: [
    {
      agencyId: 'west-midlands-police',
      agencyName: 'West Midlands Police',
      lateReturns: [{ roundId: 'q4-2017-18', quarter: 'Q4 2017-18', dueDate: '2018-04-30', status: 'draft' }],
      overdueAudits: [
        {
          auditId: 'macfa-adolescent-risk-2017',
          title: 'Adolescents at risk outside the home',
          plannedDate: '2017-12-15',
          plannedQuarter: null,
          status: 'planned',
        },
      ],
    },
    {
      agencyId: null,
      agencyName: 'Wolverhampton CCG',
      lateReturns: [],
      overdueAudits: [
        {
          auditId: 'macfa-disabled-children-2017',
          title: 'Disabled children',
          plannedDate: '2017-09-30',
          plannedQuarter: 'Q2 2017-18',
          status: 'in-progress',
        },
      ],
    },
    {
      agencyId: 'childrens-social-care',
      agencyName: 'Children’s social care',
      lateReturns: [],
      overdueAudits: [],
    },
  ],
};

beforeEach(() => {
  server.use(
    http.get(url('/session'), () => HttpResponse.json(qa)),
    http.get(url('/returns'), () => HttpResponse.json({ rounds: [round] })),
    http.get(url('/returns/late-by-agency'), () => HttpResponse.json(late)),
    http.get(url('/returns/q4-2017-18/childrens-social-care'), () => HttpResponse.json(submitted)),
  );
});

const lateTable = async () =>
  within(await screen.findByRole('table', { name: /Returns late and audits overdue, by agency/ }));

describe('case 11: quality assurance', () => {
  it('case 11: quality assurance sees Returns in the navigation and every agency’s return, read only', async () => {
    const { user } = renderApp('/returns');
    const header = document.querySelector<HTMLElement>('.app-header')!;
    expect(await within(header).findByRole('link', { name: 'Returns' })).toBeInTheDocument();
    const rounds = within(await screen.findByRole('table', { name: /Q4 2017-18 returns/ }));
    expect(
      rounds.getByRole('link', { name: 'View Children’s social care’s Q4 2017-18 return' }),
    ).toBeInTheDocument();
    expect(
      rounds.getByRole('link', { name: 'View West Midlands Police’s Q4 2017-18 return' }),
    ).toBeInTheDocument();
    expect(rounds.queryByRole('link', { name: /Fill in|Review/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Open the round|Open a round/i })).not.toBeInTheDocument();

    await user.click(rounds.getByRole('link', { name: 'View Children’s social care’s Q4 2017-18 return' }));
    const figures = within(await screen.findByRole('region', { name: 'Figures in this return' }));
    const row = figures.getByRole('row', { name: /Referrals to children’s social care/ });
    expect(row).toHaveTextContent('812');
    expect(row).toHaveTextContent('Includes the new front door');
    // Nothing to change: no field, no Save, Submit, Publish or Return button.
    const panel = within(screen.getByRole('region', { name: 'Figures' }));
    expect(panel.queryByRole('button')).toBeNull();
    expect(panel.queryByRole('textbox')).toBeNull();
    expect(panel.getByText(/The business unit is checking this return/)).toBeInTheDocument();
  });

  it('case 11: what is late, by agency, the most behind first, each item linked', async () => {
    renderApp('/returns');
    const table = await lateTable();
    const rows = table.getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getByRole('rowheader').textContent)).toEqual([
      'West Midlands Police',
      'Wolverhampton CCGNamed as lead agency on audits',
      'Children’s social care',
    ]);
    expect(rows[0]).toHaveTextContent('1Q4 2017-18 return, due 30 April 2018');
    expect(
      within(rows[0]!).getByRole('link', { name: 'Q4 2017-18 return of West Midlands Police' }),
    ).toHaveAttribute('href', '/returns/q4-2017-18/west-midlands-police');
    expect(
      within(rows[0]!).getByRole('link', { name: 'Adolescents at risk outside the home' }),
    ).toHaveAttribute('href', '/quality-assurance?year=2017-18#audit-macfa-adolescent-risk-2017');
    expect(rows[1]).toHaveTextContent('Disabled children, planned Q2 2017-18');
    expect(
      within(rows[2]!)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['0', '0']);
    expect(
      screen.getByText(
        '2 agencies are behind: 1 return late and 2 audits overdue. The most behind come first.',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/planned before 31 December 2017, the date the board’s figures run to/),
    ).toBeInTheDocument();
  });

  it('case 11: a failure to load what is late breaks that panel only, and Try again recovers', async () => {
    let failing = true;
    server.use(
      http.get(url('/returns/late-by-agency'), () =>
        failing ? HttpResponse.json({ message: 'down' }, { status: 503 }) : HttpResponse.json(late),
      ),
    );
    const { user } = renderApp('/returns');
    const panel = within(await screen.findByRole('region', { name: 'What is late, by agency' }));
    const alert = await panel.findByRole('alert');
    expect(await screen.findByRole('table', { name: /Q4 2017-18 returns/ })).toBeInTheDocument();
    failing = false;
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await lateTable()).toBeTruthy();
  });
});

describe('case 11: who sees what is late', () => {
  it('a contributor sees their returns but not what is late by agency', async () => {
    server.use(
      http.get(url('/session'), () =>
        HttpResponse.json({
          ...qa,
          user: { ...qa.user, role: 'contributor', agencyIds: ['west-midlands-police'] },
        }),
      ),
    );
    renderApp('/returns');
    expect(await screen.findByRole('table', { name: /Q4 2017-18 returns/ })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'What is late, by agency' })).not.toBeInTheDocument();
  });
});

describe('case 11: the demo', () => {
  it('its editor reads the (empty) returns and what is late from its audit programme', async () => {
    server.resetHandlers();
    renderApp('/returns');
    expect(await screen.findByText(/No return rounds have been opened yet/)).toBeInTheDocument();
    const rows = (await lateTable()).getAllByRole('row').slice(1, 3);
    expect(rows.map((r) => within(r).getByRole('rowheader').textContent)).toEqual([
      'West Midlands Police',
      'Wolverhampton CCGNamed as lead agency on audits',
    ]);
    expect(within(rows[0]!).getAllByRole('cell')[0]).toHaveTextContent(/^0$/);
    expect(within(rows[0]!).getByRole('link', { name: /^Adolescent/ })).toBeInTheDocument();
  });
});
