import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { endpoints, type EndpointName } from '../src/api/contract';
import type { TestPerson } from './test/fixtures';
import { startService, type Client, type TestService } from './test/service';

/**
 * Who may call each endpoint, written out here on its own (not read from the permission code),
 * so that a change to either is caught. Every endpoint of the contract must be listed.
 */
const everyone: TestPerson[] = [
  'administrator',
  'viewer',
  'police',
  'health',
  'quality-assurance',
  'editor',
  'action-owner',
];
const matrix: Record<
  Exclude<EndpointName, 'session' | 'signInOptions' | 'signIn' | 'signOut' | 'setup' | 'acceptInvitation'>,
  {
    path: string;
    allowed: TestPerson[];
  }
> = {
  board: { path: '/board', allowed: everyone },
  saveBoard: { path: '/board', allowed: ['administrator'] },
  startReportingYear: { path: '/board/years', allowed: ['administrator'] },
  indicators: { path: '/indicators', allowed: everyone },
  indicatorSummary: { path: '/indicators/summary', allowed: everyone },
  indicator: { path: '/indicators/referrals', allowed: everyone },
  updateIndicator: { path: '/indicators/referrals', allowed: ['administrator'] },
  publishIndicator: { path: '/indicators/referrals', allowed: ['administrator'] },
  correctIndicator: { path: '/indicators/referrals/corrections', allowed: ['administrator'] },
  revisions: { path: '/indicators/referrals/revisions', allowed: everyone },
  annotations: { path: '/annotations', allowed: everyone },
  // Chart events are the editors' and administrators'; quality assurance reads them.
  createAnnotation: { path: '/annotations', allowed: ['administrator', 'editor'] },
  editAnnotation: { path: '/annotations/cse-screening-tool', allowed: ['administrator', 'editor'] },
  retireAnnotation: { path: '/annotations/cse-screening-tool/retire', allowed: ['administrator', 'editor'] },
  audits: { path: '/audits', allowed: everyone },
  updateAudit: {
    path: '/audits/macfa-neglect-2016',
    allowed: ['administrator', 'quality-assurance', 'editor'],
  },
  createAudit: { path: '/audits', allowed: ['administrator', 'quality-assurance', 'editor'] },
  importAudits: { path: '/audits/import', allowed: ['administrator', 'quality-assurance', 'editor'] },
  updateAuditPlan: {
    path: '/audits/macfa-neglect-2016/plan',
    allowed: ['administrator', 'quality-assurance', 'editor'],
  },
  cancelAudit: {
    path: '/audits/macfa-neglect-2016/cancel',
    allowed: ['administrator', 'quality-assurance', 'editor'],
  },
  addAuditAction: {
    path: '/audits/macfa-neglect-2016/actions',
    allowed: ['administrator', 'quality-assurance', 'editor'],
  },
  editAuditAction: {
    path: '/audits/macfa-neglect-2016/actions/neglect-toolkit',
    allowed: ['administrator', 'quality-assurance', 'editor'],
  },
  closeAuditAction: {
    path: '/audits/macfa-neglect-2016/actions/neglect-toolkit/close',
    allowed: ['administrator', 'quality-assurance', 'editor'],
  },
  retireAuditAction: {
    path: '/audits/macfa-neglect-2016/actions/neglect-toolkit/retire',
    allowed: ['administrator', 'quality-assurance', 'editor'],
  },
  seriousCaseReviews: { path: '/serious-case-reviews', allowed: everyone },
  // Reviews are the quality assurance committee's work, kept with editors and administrators.
  createReview: { path: '/reviews', allowed: ['administrator', 'quality-assurance', 'editor'] },
  editReview: { path: '/reviews/child-a', allowed: ['administrator', 'quality-assurance', 'editor'] },
  retireReview: {
    path: '/reviews/child-a/retire',
    allowed: ['administrator', 'quality-assurance', 'editor'],
  },
  actionPlan: { path: '/action-plan', allowed: everyone },
  // The action owner passes this gate; whether the action is theirs is checked next (below).
  updateAction: {
    path: '/action-plan/actions/performance-framework',
    allowed: ['administrator', 'editor', 'action-owner'],
  },
  // The action plan itself is the editors' and administrators': an action owner updates only.
  createPriority: { path: '/action-plan/priorities', allowed: ['administrator', 'editor'] },
  updatePriority: {
    path: '/action-plan/priorities/scrutiny-and-challenge',
    allowed: ['administrator', 'editor'],
  },
  movePriority: {
    path: '/action-plan/priorities/scrutiny-and-challenge/move',
    allowed: ['administrator', 'editor'],
  },
  retirePriority: {
    path: '/action-plan/priorities/scrutiny-and-challenge/retire',
    allowed: ['administrator', 'editor'],
  },
  importActions: { path: '/action-plan/import', allowed: ['administrator', 'editor'] },
  createAction: { path: '/action-plan/actions', allowed: ['administrator', 'editor'] },
  editAction: { path: '/action-plan/actions/performance-framework', allowed: ['administrator', 'editor'] },
  closeAction: {
    path: '/action-plan/actions/performance-framework/close',
    allowed: ['administrator', 'editor'],
  },
  ofstedRecommendations: { path: '/ofsted-recommendations', allowed: everyone },
  addOfstedRecommendations: { path: '/ofsted-recommendations', allowed: ['administrator', 'editor'] },
  funding: { path: '/funding', allowed: everyone },
  saveFundingYear: { path: '/funding/2017-18', allowed: ['administrator', 'editor'] },
  saveSpendingYear: { path: '/spending/2017-18', allowed: ['administrator', 'editor'] },
  partnership: { path: '/partnership', allowed: everyone },
  // Partnership links are the editors' and administrators'; quality assurance and the rest read them.
  createPartnershipLink: { path: '/partnership/links', allowed: ['administrator', 'editor'] },
  editPartnershipLink: { path: '/partnership/links/besafe', allowed: ['administrator', 'editor'] },
  retirePartnershipLink: { path: '/partnership/links/besafe/retire', allowed: ['administrator', 'editor'] },
  saveLinkedBoards: { path: '/partnership/linked-boards', allowed: ['administrator', 'editor'] },
  agencies: { path: '/agencies', allowed: everyone },
  createAgency: { path: '/agencies', allowed: ['administrator'] },
  updateAgency: { path: '/agencies/west-midlands-police', allowed: ['administrator'] },
  // Quality assurance and editors (the business unit) read every return, and change none.
  returnRounds: {
    path: '/returns',
    allowed: ['administrator', 'police', 'health', 'quality-assurance', 'editor'],
  },
  lateByAgency: {
    path: '/returns/late-by-agency',
    allowed: ['administrator', 'quality-assurance', 'editor'],
  },
  openRound: { path: '/returns', allowed: ['administrator'] },
  agencyReturn: {
    path: '/returns/q4-2017-18/west-midlands-police',
    allowed: ['administrator', 'police', 'quality-assurance', 'editor'],
  },
  saveReturn: { path: '/returns/q4-2017-18/west-midlands-police', allowed: ['administrator', 'police'] },
  submitReturn: {
    path: '/returns/q4-2017-18/west-midlands-police/submit',
    allowed: ['administrator', 'police'],
  },
  withdrawReturn: {
    path: '/returns/q4-2017-18/west-midlands-police/withdraw',
    allowed: ['administrator', 'police'],
  },
  publishReturn: { path: '/returns/q4-2017-18/west-midlands-police/publish', allowed: ['administrator'] },
  sendBackReturn: { path: '/returns/q4-2017-18/west-midlands-police/send-back', allowed: ['administrator'] },
  users: { path: '/users', allowed: ['administrator'] },
  createUser: { path: '/users', allowed: ['administrator'] },
  updateUser: { path: '/users/00000000-0000-0000-0000-000000000000', allowed: ['administrator'] },
  approveUser: {
    path: '/users/00000000-0000-0000-0000-000000000000/approval',
    allowed: ['administrator'],
  },
  refuseUser: {
    path: '/users/00000000-0000-0000-0000-000000000000/refusal',
    allowed: ['administrator'],
  },
  userSetupLink: {
    path: '/users/00000000-0000-0000-0000-000000000000/setup-link',
    allowed: ['administrator'],
  },
  auditTrail: { path: '/audit-trail', allowed: ['administrator'] },
  mailPreferences: { path: '/account/email', allowed: everyone },
  saveMailPreferences: { path: '/account/email', allowed: everyone },
  outbox: { path: '/admin/outbox', allowed: ['administrator'] },
  signInPolicy: { path: '/admin/sign-in-policy', allowed: ['administrator'] },
  saveSignInPolicy: { path: '/admin/sign-in-policy', allowed: ['administrator'] },
  // Section 11: the standards and the assurance view are every member's to read; the
  // self-assessments are the agencies' contributors' (their own) and the committee's.
  section11Standards: { path: '/section11/standards', allowed: everyone },
  saveSection11Standards: { path: '/section11/standards', allowed: ['administrator'] },
  section11Cycles: {
    path: '/section11/cycles',
    allowed: ['administrator', 'police', 'health', 'quality-assurance'],
  },
  openSection11Cycle: { path: '/section11/cycles', allowed: ['administrator'] },
  closeSection11Cycle: { path: '/section11/cycles/section-11-2018/close', allowed: ['administrator'] },
  section11Assessment: {
    path: '/section11/cycles/section-11-2018/agencies/west-midlands-police',
    allowed: ['administrator', 'police', 'quality-assurance'],
  },
  saveSection11Assessment: {
    path: '/section11/cycles/section-11-2018/agencies/west-midlands-police',
    allowed: ['administrator', 'police'],
  },
  submitSection11Assessment: {
    path: '/section11/cycles/section-11-2018/agencies/west-midlands-police/submit',
    allowed: ['administrator', 'police'],
  },
  moderateSection11Assessment: {
    path: '/section11/cycles/section-11-2018/agencies/west-midlands-police/moderation',
    allowed: ['administrator', 'quality-assurance'],
  },
  acceptSection11Assessment: {
    path: '/section11/cycles/section-11-2018/agencies/west-midlands-police/accept',
    allowed: ['administrator', 'quality-assurance'],
  },
  sendBackSection11Assessment: {
    path: '/section11/cycles/section-11-2018/agencies/west-midlands-police/send-back',
    allowed: ['administrator', 'quality-assurance'],
  },
  // The committee adds an agreed improvement action to the action plan (an editor keeps the plan,
  // but agreeing a Section 11 action is the committee's).
  addSection11Action: {
    path: '/section11/cycles/section-11-2018/agencies/west-midlands-police/improvements/training-refresh/action',
    allowed: ['administrator', 'quality-assurance'],
  },
  section11Assurance: { path: '/section11/assurance', allowed: everyone },
};

let service: TestService;
const clients = {} as Record<TestPerson, Client>;

beforeAll(async () => {
  service = await startService();
  for (const person of everyone) clients[person] = await service.as(person);
});
afterAll(() => service.close());

it('lists every endpoint of the contract', () => {
  const listed = [
    ...Object.keys(matrix),
    'session',
    'signInOptions',
    'signIn',
    'signOut',
    'setup',
    'acceptInvitation',
  ].sort();
  expect(listed).toEqual(Object.keys(endpoints).sort());
});

describe.each(Object.entries(matrix))('%s', (name, { path, allowed }) => {
  const spec = endpoints[name as EndpointName];
  // An empty body: a caller who may not call the endpoint gets 403 before it is read; one who may
  // gets past the check (422 for the empty body, or the answer itself for a read).
  const call = (client: Client) => client.request(spec.method, path, spec.method === 'GET' ? undefined : {});

  it('refuses a signed-out request with 401 and no data', async () => {
    const reply = await call(service.anonymous());
    expect(reply.status).toBe(401);
    // A plain message and the request's reference to quote, nothing else.
    expect(reply.body).toEqual({ message: expect.any(String), reference: reply.headers.get('x-request-id') });
  });

  it.each(everyone)(`as %s`, async (person) => {
    const reply = await call(clients[person]);
    if (allowed.includes(person)) expect([401, 403]).not.toContain(reply.status);
    else {
      expect(reply.status).toBe(403);
      expect(reply.body).toEqual({
        message: expect.any(String),
        reference: reply.headers.get('x-request-id'),
      });
    }
  });
});

describe('checks that need the record', () => {
  it('an action owner may update their own action but not another owner’s', async () => {
    const plan = (
      await clients['action-owner'].get<{
        priorities: { actions: { id: string; owner: string; version: number }[] }[];
      }>('/action-plan')
    ).body;
    const actions = plan.priorities.flatMap((p) => p.actions);
    const own = actions.find((a) => a.owner === 'CSE Coordinator')!;
    const other = actions.find((a) => a.owner !== 'CSE Coordinator')!;
    const update = (a: { version: number }) => ({ status: 'on-track', progress: 60, version: a.version });
    const mine = await clients['action-owner'].request(
      'PATCH',
      `/action-plan/actions/${own.id}`,
      update(own),
    );
    expect(mine.status).toBe(200);
    const theirs = await clients['action-owner'].request(
      'PATCH',
      `/action-plan/actions/${other.id}`,
      update(other),
    );
    expect(theirs.status).toBe(403);
    expect((theirs.body as { message: string }).message).toBe(
      `Only ${other.owner}, an editor or an administrator can update this action.`,
    );
  });

  it('a viewer’s write gets 403 and changes nothing', async () => {
    const before = (
      await clients.viewer.get<{ audits: { id: string; status: string; version: number }[] }>('/audits')
    ).body.audits[0]!;
    const reply = await clients.viewer.request('PATCH', `/audits/${before.id}`, {
      status: 'cancelled',
      completedDate: null,
      casesAudited: null,
      grades: null,
      version: before.version,
    });
    expect(reply.status).toBe(403);
    const after = (await clients.viewer.get<{ audits: { id: string; status: string }[] }>('/audits')).body
      .audits[0]!;
    expect(after.status).toBe(before.status);
  });
});

/** Reads asked with a query (one reporting year, one page): the same people as the whole read. */
const withQuery: [keyof typeof matrix, string][] = [
  ['audits', '/audits?year=2017-18'],
  ['returnRounds', '/returns?page=1'],
  ['actionPlan', '/action-plan?year=2017-18'],
];

describe.each(withQuery)('%s at %s', (name, path) => {
  it('refuses a signed-out request with 401 and no data', async () => {
    const reply = await service.anonymous().get(path);
    expect(reply.status).toBe(401);
    expect(reply.body).toEqual({ message: expect.any(String), reference: reply.headers.get('x-request-id') });
  });

  it.each(everyone)(`as %s`, async (person) => {
    const reply = await clients[person].get(path);
    expect(reply.status).toBe(matrix[name].allowed.includes(person) ? 200 : 403);
  });
});
