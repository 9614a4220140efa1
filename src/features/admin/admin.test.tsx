import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { demoDataset } from '../../../mocks/data';
import { DEMO_SESSION } from '../../../mocks/demo-api';
import { server } from '../../../mocks/node';
import { renderApp } from '../../../test/render';
import { apiBaseUrl } from '../../api/client';
import type {
  AuditEntry,
  Board,
  CreateUserRequest,
  OutboxMessage,
  SignInPolicy,
  User,
} from '../../api/contract';

const url = (path: string) => `${apiBaseUrl()}${path}`;

const admin = {
  ...DEMO_SESSION,
  method: 'password' as const,
  user: { ...DEMO_SESSION.user, role: 'administrator' as const },
};

const ada: User = {
  id: '5f0c7a3e-0000-4000-8000-000000000001',
  email: 'ada@example.gov.uk',
  name: 'Ada Admin',
  role: 'administrator',
  agencyIds: [],
  actionOwner: null,
  active: true,
  hasPassword: true,
  awaitingApproval: false,
  signsInWithSso: false,
  createdAt: '2018-01-02T09:00:00.000Z',
  lastSignInAt: '2018-04-20T09:00:00.000Z',
  version: 1,
};

beforeEach(() => {
  server.use(http.get(url('/session'), () => HttpResponse.json(admin)));
});

describe('people and roles', () => {
  it('adds a contributor for an agency and gives the administrator their one-time link', async () => {
    let created: CreateUserRequest | null = null;
    const users: User[] = [ada];
    server.use(
      http.get(url('/users'), () => HttpResponse.json({ users })),
      http.post(url('/users'), async ({ request }) => {
        created = (await request.json()) as CreateUserRequest;
        const user: User = {
          ...ada,
          id: '5f0c7a3e-0000-4000-8000-000000000002',
          ...created,
          hasPassword: false,
          lastSignInAt: null,
        };
        users.push(user);
        return HttpResponse.json(
          {
            user,
            link: 'http://localhost/set-password#abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG',
            expiresAt: '2018-04-23T09:00:00.000Z',
          },
          { status: 201 },
        );
      }),
    );
    const { user } = renderApp('/admin/people');
    const form = await screen.findByRole('form', { name: 'Add a person' });
    await user.type(within(form).getByLabelText('Name'), 'Pat Police');
    await user.type(within(form).getByLabelText('Email address'), 'pat@example.police.uk');
    await user.selectOptions(within(form).getByLabelText(/^Role/), 'Contributor');
    await user.click(within(form).getByRole('button', { name: 'Add and make their sign-in link' }));
    expect(
      await within(form).findByText('Choose at least one agency whose returns this contributor enters'),
    ).toBeInTheDocument();
    await user.click(within(form).getByRole('checkbox', { name: 'West Midlands Police' }));
    await user.click(within(form).getByRole('button', { name: 'Add and make their sign-in link' }));

    expect(await screen.findByText('Give Pat Police this sign-in link')).toBeInTheDocument();
    expect(
      screen.getByText('http://localhost/set-password#abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG'),
    ).toBeInTheDocument();
    expect(created).toEqual({
      email: 'pat@example.police.uk',
      name: 'Pat Police',
      role: 'contributor',
      agencyIds: ['west-midlands-police'],
      actionOwner: null,
    });
    const row = await screen.findByRole('row', { name: /Pat Police/ });
    expect(row).toHaveTextContent('Waiting for their password');
    expect(row).toHaveTextContent('Returns for West Midlands Police');
  });

  it('shows another administrator’s change when both change one account', async () => {
    const theirs: User = {
      ...ada,
      id: '5f0c7a3e-0000-4000-8000-000000000003',
      name: 'Sam Health',
      role: 'viewer',
      version: 2,
    };
    server.use(
      http.get(url('/users'), () => HttpResponse.json({ users: [ada, { ...theirs, version: 1 }] })),
      http.patch(url('/users/:id'), () =>
        HttpResponse.json({ message: 'stale', current: theirs }, { status: 409 }),
      ),
    );
    const { user } = renderApp('/admin/people');
    await user.click(await screen.findByRole('button', { name: 'Change Sam Health’s account' }));
    const form = screen.getByRole('form', { name: 'Change Sam Health’s account' });
    await user.selectOptions(within(form).getByLabelText(/^Role/), 'Editor');
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    expect(
      await within(form).findByText('Someone else saved a change to this account while you were editing'),
    ).toBeInTheDocument();
    expect(within(form).getByRole('row', { name: /Role/ })).toHaveTextContent('Board member (viewer)Editor');
    expect(within(form).getByLabelText(/^Role/)).toHaveValue('editor');
  });
});

describe('partner agencies', () => {
  it('adds an agency, naming what is missing first and sending nothing until it is right', async () => {
    const sent: unknown[] = [];
    server.use(
      http.post(url('/agencies'), async ({ request }) => {
        const body = (await request.json()) as { name: string; kind: string };
        sent.push(body);
        return HttpResponse.json({ id: 'youth-justice', ...body, version: 1 }, { status: 201 });
      }),
    );
    const { user } = renderApp('/admin/agencies');
    await user.click(await screen.findByRole('button', { name: 'Add an agency' }));
    const form = screen.getByRole('form', { name: 'Add an agency' });
    await user.click(within(form).getByRole('button', { name: 'Add the agency' }));
    expect(await within(form).findAllByText('Enter the agency’s name')).not.toHaveLength(0);
    expect(sent).toEqual([]);
    await user.type(within(form).getByRole('textbox', { name: 'Name' }), 'Youth Justice Service');
    await user.selectOptions(
      within(form).getByRole('combobox', { name: 'Kind of agency' }),
      'Local authority',
    );
    await user.click(within(form).getByRole('button', { name: 'Add the agency' }));
    expect(await screen.findByText('Added Youth Justice Service.')).toBeInTheDocument();
    expect(sent).toEqual([{ name: 'Youth Justice Service', kind: 'local-authority' }]);
  });

  it('shows another administrator’s change to an agency and keeps the typing', async () => {
    server.use(
      http.patch(url('/agencies/:id'), () =>
        HttpResponse.json(
          {
            message: 'stale',
            current: {
              id: 'west-midlands-police',
              name: 'West Midlands Police Force',
              kind: 'police',
              version: 2,
            },
          },
          { status: 409 },
        ),
      ),
    );
    const { user } = renderApp('/admin/agencies');
    await user.click(await screen.findByRole('button', { name: 'Change West Midlands Police' }));
    const form = screen.getByRole('form', { name: 'Change West Midlands Police' });
    const name = within(form).getByRole('textbox', { name: 'Name' });
    await user.clear(name);
    await user.type(name, 'WM Police');
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    expect(
      await within(form).findByText('Someone else saved a change to this agency while you were editing'),
    ).toBeInTheDocument();
    expect(within(form).getByRole('row', { name: /^Name/ })).toHaveTextContent(
      'West Midlands Police ForceWM Police',
    );
    expect(name).toHaveValue('WM Police');
  });
});

describe('accounts awaiting approval', () => {
  const nia: User = {
    ...ada,
    id: '5f0c7a3e-0000-4000-8000-000000000004',
    email: 'nurse@trust.nhs.test',
    name: 'Nia Nurse',
    role: 'viewer',
    active: false,
    hasPassword: false,
    awaitingApproval: true,
    signsInWithSso: true,
    lastSignInAt: null,
  };

  it('marks an account asked for through single sign-on as awaiting approval, and approves it', async () => {
    let users: User[] = [ada, nia];
    let sent: unknown = null;
    server.use(
      http.get(url('/users'), () => HttpResponse.json({ users })),
      http.post(url('/users/:id/approval'), async ({ params, request }) => {
        sent = { id: params.id, body: await request.json() };
        const approved = { ...nia, active: true, awaitingApproval: false, version: 2 };
        users = [ada, approved];
        return HttpResponse.json(approved);
      }),
    );
    const { user } = renderApp('/admin/people');
    expect(await screen.findByText('1 account is awaiting approval', { exact: false })).toBeInTheDocument();
    const row = screen.getByRole('row', { name: /Nia Nurse/ });
    expect(row).toHaveTextContent('Awaiting approval');
    expect(within(row).queryByRole('button', { name: /New sign-in link/ })).toBeNull();

    await user.click(within(row).getByRole('button', { name: 'Approve Nia Nurse’s account' }));
    expect(
      await screen.findByText('Approved Nia Nurse’s account: they can sign in as Board member (viewer).'),
    ).toBeInTheDocument();
    expect(sent).toEqual({ id: nia.id, body: { version: 1 } });
    const approvedRow = await screen.findByRole('row', { name: /Nia Nurse/ });
    await within(approvedRow).findByText('Active');
    expect(approvedRow).toHaveTextContent('Signs in with their organisation’s account');
    expect(within(approvedRow).queryByRole('button', { name: /Approve/ })).toBeNull();
    expect(screen.queryByText('awaiting approval', { exact: false })).toBeNull();
  });

  it('refuses a request, and says so when another administrator decided first', async () => {
    server.use(
      http.get(url('/users'), () => HttpResponse.json({ users: [ada, nia] })),
      http.post(url('/users/:id/refusal'), () =>
        HttpResponse.json(
          {
            message: 'Nia Nurse’s account is not awaiting approval: reload the page.',
            current: { ...nia, awaitingApproval: false, version: 2 },
          },
          { status: 409 },
        ),
      ),
    );
    const { user } = renderApp('/admin/people');
    const row = await screen.findByRole('row', { name: /Nia Nurse/ });
    await user.click(within(row).getByRole('button', { name: 'Refuse Nia Nurse’s request' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(/./);
    expect(screen.queryByText(/Refused Nia Nurse’s request/)).toBeNull();
  });
});

describe('board settings', () => {
  it('changes the reporting years and checks the year shown first is one of them', async () => {
    let saved: Record<string, unknown> | null = null;
    server.use(
      http.put(url('/board'), async ({ request }) => {
        saved = (await request.json()) as Record<string, unknown>;
        return HttpResponse.json({
          ...(demoDataset.board as Board),
          ...saved,
          id: 'wolverhampton',
          version: 2,
        });
      }),
    );
    const { user } = renderApp('/admin/board');
    const years = await screen.findByLabelText(/^Reporting years/);
    await user.clear(years);
    await user.type(years, '2016-17, 2017-18');
    await user.clear(screen.getByLabelText(/^Year shown first/));
    await user.type(screen.getByLabelText(/^Year shown first/), '2015-16');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(
      await screen.findByText('The year shown first must be one of the reporting years'),
    ).toBeInTheDocument();
    expect(saved).toBeNull();
    await user.clear(screen.getByLabelText(/^Year shown first/));
    await user.type(screen.getByLabelText(/^Year shown first/), '2016-17');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(
      await screen.findByText('Saved the board’s settings. Every page now uses them.'),
    ).toBeInTheDocument();
    expect(saved).toMatchObject({
      reportingYears: ['2016-17', '2017-18'],
      currentYear: '2016-17',
      version: 1,
    });
  });
});

describe('requiring single sign-on', () => {
  it('turns on single sign-on for everyone but the break-glass administrator', async () => {
    let policy: SignInPolicy = {
      ssoRequired: false,
      requiredByEnvironment: false,
      ssoAvailable: true,
      breakGlassEmail: 'business.unit@example.gov.uk',
      version: 1,
    };
    let sent: unknown = null;
    server.use(
      http.get(url('/admin/sign-in-policy'), () => HttpResponse.json(policy)),
      http.put(url('/admin/sign-in-policy'), async ({ request }) => {
        sent = await request.json();
        policy = { ...policy, ssoRequired: true, version: 2 };
        return HttpResponse.json(policy);
      }),
    );
    const { user } = renderApp('/admin/board');
    const form = await screen.findByRole('form', { name: 'Sign-in' });
    expect(form).toHaveTextContent(
      'The break-glass administrator (business.unit@example.gov.uk) keeps their password',
    );
    await user.click(
      within(form).getByRole('checkbox', { name: 'Require single sign-on: refuse passwords' }),
    );
    await user.click(within(form).getByRole('button', { name: 'Save sign-in setting' }));
    expect(
      await screen.findByText('Saved: passwords are refused, except the break-glass administrator’s.'),
    ).toBeInTheDocument();
    expect(sent).toEqual({ ssoRequired: true, version: 1 });
    expect(
      await screen.findByRole('checkbox', { name: 'Require single sign-on: refuse passwords' }),
    ).toBeChecked();
  });

  it('says that passwords are used when the board has no single sign-on', async () => {
    renderApp('/admin/board');
    expect(await screen.findByText(/Single sign-on is not set up for this board/)).toBeInTheDocument();
    expect(screen.queryByRole('form', { name: 'Sign-in' })).toBeNull();
  });
});

describe('the audit trail', () => {
  const entry = (id: number, summary: string): AuditEntry => ({
    id: String(id),
    at: '2018-04-20T10:15:00.000Z',
    actor: { id: ada.id, name: 'Ada Admin', email: ada.email },
    action: 'audit.update',
    entityType: 'audit',
    entityId: 'macfa-cse-2016',
    summary,
    before: { casesAudited: 6 },
    after: { casesAudited: 7 },
  });

  it('lists changes with before and after, pages back, and downloads every page as CSV', async () => {
    server.use(
      http.get(url('/audit-trail'), ({ request }) => {
        const before = new URL(request.url).searchParams.get('before');
        return before
          ? HttpResponse.json({ entries: [entry(1, 'First change')], nextBefore: null })
          : HttpResponse.json({
              entries: [entry(3, 'Third change'), entry(2, '=Second change')],
              nextBefore: '2',
            });
      }),
    );
    const created: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      created.push(blob as Blob);
      return 'blob:x';
    });
    const { user } = renderApp('/admin/audit-trail');
    const table = await screen.findByRole('table');
    expect(within(table).getByRole('rowheader', { name: /Third change/ })).toHaveTextContent('audit.update');
    await user.click(within(table).getAllByText(/Before and after/)[0]!);
    expect(within(table).getAllByText(/"casesAudited": 7/)[0]).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Show older changes' }));
    expect(await within(table).findByRole('rowheader', { name: /First change/ })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Download as CSV' }));
    expect(await screen.findByText('Downloaded 3 entries.')).toBeInTheDocument();
    const csv = await created[0]!.text();
    expect(csv).toContain("'=Second change");
    expect(csv.split('\r\n')).toHaveLength(5);
  });
});

describe('the outbox', () => {
  const message = (id: number, changes: Partial<OutboxMessage>): OutboxMessage => ({
    id,
    kind: 'invitation',
    to: 'pat@example.police.uk',
    subject: 'You are invited to the safeguarding board’s dashboard',
    text: 'Dear Pat,\n\nOpen the link below to choose your password.\n\nhttp://localhost/set-password#abc',
    links: ['http://localhost/set-password#abc'],
    createdAt: '2018-04-20T09:00:00.000Z',
    sentAt: null,
    attempts: 0,
    lastError: null,
    ...changes,
  });

  it('says no email is sent without SMTP and lists each message’s recipient, status, attempts and links', async () => {
    server.use(
      http.get(url('/admin/outbox'), () =>
        HttpResponse.json({
          smtpConfigured: false,
          messages: [
            message(3, {}),
            message(2, {
              kind: 'sent-back',
              to: 'sam@example.nhs.uk',
              subject: 'NHS Trust’s Q4 2017-18 return was sent back',
              links: ['http://localhost/returns/q4-2017-18/nhs-trust'],
              attempts: 3,
              lastError: '421 Service not available',
            }),
            message(1, {
              kind: 'published',
              to: 'ada@example.gov.uk',
              subject: 'Published: the Q3 2017-18 figures from every agency',
              links: [],
              sentAt: '2018-04-20T09:01:00.000Z',
              attempts: 1,
            }),
          ],
        }),
      ),
    );
    const { user } = renderApp('/admin');
    await user.click(
      within(await screen.findByRole('navigation', { name: 'Administration' })).getByRole('link', {
        name: 'Outbox',
      }),
    );
    expect(await screen.findByRole('heading', { level: 1, name: 'Outbox' })).toBeInTheDocument();
    expect(await screen.findByText('No email is sent: SMTP is not set up')).toBeInTheDocument();

    const waiting = screen.getByRole('row', { name: /You are invited/ });
    expect(within(waiting).getByRole('cell', { name: 'pat@example.police.uk' })).toBeInTheDocument();
    expect(waiting).toHaveTextContent('Waiting');
    expect(within(waiting).getByRole('link', { name: 'http://localhost/set-password#abc' })).toHaveAttribute(
      'href',
      'http://localhost/set-password#abc',
    );
    await user.click(
      within(waiting).getByRole('button', { name: 'Copy: the link for pat@example.police.uk' }),
    );
    expect(await navigator.clipboard.readText()).toBe('http://localhost/set-password#abc');
    expect(within(waiting).getByRole('button', { name: /^Copied/ })).toBeInTheDocument();

    const failed = screen.getByRole('row', { name: /was sent back/ });
    expect(failed).toHaveTextContent('Failed');
    expect(failed).toHaveTextContent('421 Service not available');
    expect(within(failed).getAllByRole('cell')[3]).toHaveTextContent('3');

    const sent = screen.getByRole('row', { name: /Published: the Q3/ });
    expect(sent).toHaveTextContent('Sent');
    expect(within(sent).queryByRole('link')).toBeNull();
  });

  it('shows a person who is not an administrator no messages', async () => {
    server.use(http.get(url('/session'), () => HttpResponse.json({ ...admin, user: DEMO_SESSION.user })));
    renderApp('/admin/outbox');
    expect(await screen.findByText('Only the board’s administrators can use this page.')).toBeInTheDocument();
    expect(screen.queryByRole('table')).toBeNull();
  });
});
