import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  agencyReturnSchema,
  lateByAgencySchema,
  returnRoundListSchema,
  type AgencyReturn,
} from '../src/api/contract';
import type { TestPerson } from './test/fixtures';
import { startService, type Client, type TestService } from './test/service';

/**
 * Issue 23, case 11: quality assurance (and the business unit's editors) read every return and
 * change none, and see which agencies are behind: returns late and audits overdue, by agency.
 */
const readers = ['quality-assurance', 'editor'] as const satisfies TestPerson[];
const NOTE = 'Figures not yet validated by our performance team';
const CSC = '/returns/q4-2017-18/childrens-social-care';
const POLICE = '/returns/q4-2017-18/west-midlands-police';

// The service's date moves on during the story: the round opens before its due date.
const clock = { today: '2018-04-20' };
let service: TestService;
let admin: Client;
let health: Client;
const clients = {} as Record<(typeof readers)[number], Client>;

const readReturn = async (client: Client, path: string) =>
  agencyReturnSchema.parse((await client.get(path)).body);

beforeAll(async () => {
  service = await startService(clock);
  admin = await service.as('administrator');
  health = await service.as('health');
  for (const person of readers) clients[person] = await service.as(person);

  expect(
    (await admin.request('POST', '/returns', { quarter: 'Q4 2017-18', dueDate: '2018-04-30' })).status,
  ).toBe(201);
  // Children's social care submits on time, with a note; the others do not.
  let csc = await readReturn(health, CSC);
  csc = agencyReturnSchema.parse(
    (
      await health.request('PUT', CSC, {
        version: csc.version,
        values: csc.items.map((item, i) => ({
          indicatorId: item.indicatorId,
          period: item.period,
          value: null,
          symbol: 'x',
          note: i === 0 ? NOTE : null,
        })),
      })
    ).body,
  );
  expect((await health.request('POST', `${CSC}/submit`, { version: csc.version })).status).toBe(200);
  clock.today = '2018-05-10';
});
afterAll(() => service.close());

describe.each(readers)('as %s', (person) => {
  it('case 11: quality assurance reads returns but cannot change them', async () => {
    const client = clients[person];
    const rounds = returnRoundListSchema.parse((await client.get('/returns')).body).rounds;
    expect(rounds[0]!.agencies.map((a) => [a.agencyId, a.status, a.late])).toEqual([
      ['childrens-social-care', 'submitted', false],
      ['west-midlands-police', 'not-started', true],
      ['business-unit', 'not-started', true],
    ]);

    const submitted = await readReturn(client, CSC);
    expect(submitted.status).toBe('submitted');
    expect(submitted.submitted?.name).toBe('Hana Health');
    expect(submitted.items[0]!.entered).toEqual({ value: null, symbol: 'x', note: NOTE, checked: false });
    const late = await readReturn(client, POLICE);
    expect(late).toMatchObject({ status: 'not-started', late: true });

    const writes: [string, string, unknown][] = [
      ['PUT', POLICE, { version: late.version, values: [] }],
      ['POST', `${POLICE}/submit`, { version: late.version }],
      ['POST', `${CSC}/publish`, { version: submitted.version }],
      ['POST', `${CSC}/send-back`, { version: submitted.version, comment: 'Please add the figures' }],
      ['POST', '/returns', { quarter: 'Q1 2018-19', dueDate: '2018-07-31' }],
    ];
    for (const [method, path, body] of writes) {
      const reply = await client.request(method, path, body);
      expect(reply.status, `${method} ${path}`).toBe(403);
      expect(reply.body).toEqual({
        message: expect.any(String),
        reference: reply.headers.get('x-request-id'),
      });
    }
    // The refused writes changed nothing.
    const unchanged = (r: AgencyReturn) => ({ status: r.status, version: r.version, items: r.items });
    expect(unchanged(await readReturn(admin, CSC))).toEqual(unchanged(submitted));
    expect(unchanged(await readReturn(admin, POLICE))).toEqual(unchanged(late));
    const after = returnRoundListSchema.parse((await admin.get('/returns')).body).rounds;
    expect(after.map((r) => r.quarter)).toEqual(['Q4 2017-18']);
  });
});

describe.each(['administrator', ...readers] as const)('as %s', (person) => {
  it('case 11: what is late, by agency, the most behind first, each item named', async () => {
    const client = person === 'administrator' ? admin : clients[person];
    const reply = await client.get('/returns/late-by-agency');
    expect(reply.status).toBe(200);
    const late = lateByAgencySchema.parse(reply.body);
    // Returns against today; audits against the date the board's figures run to, as the quality
    // assurance page judges them.
    expect(late.returnsAsAt).toBe('2018-05-10');
    expect(late.auditsAsAt).toBe('2017-12-31');
    const q4 = { roundId: 'q4-2017-18', quarter: 'Q4 2017-18', dueDate: '2018-04-30', status: 'not-started' };
    expect(late.agencies.map((a) => [a.agencyId, a.agencyName, a.lateReturns, a.overdueAudits])).toEqual([
      [
        'west-midlands-police',
        'West Midlands Police',
        [q4],
        [
          {
            auditId: 'macfa-adolescent-risk-2017',
            title: expect.any(String),
            plannedDate: '2017-12-15',
            plannedQuarter: null,
            status: 'planned',
          },
        ],
      ],
      ['business-unit', expect.any(String), [q4], []],
      // An audit led by an agency that is not one of the board's partner agencies counts
      // against the lead agency as the audit names it.
      [
        null,
        'Wolverhampton CCG',
        [],
        [expect.objectContaining({ auditId: 'macfa-disabled-children-2017', status: 'in-progress' })],
      ],
      // Up to date: the board's own order.
      ['childrens-social-care', expect.any(String), [], []],
      ['health', expect.any(String), [], []],
      ['education', expect.any(String), [], []],
    ]);
  });
});

it('case 11: an audit recorded complete is no longer overdue against its lead agency', async () => {
  const qa = clients['quality-assurance'];
  const audits = (await qa.get<{ audits: { id: string; version: number }[] }>('/audits')).body.audits;
  const audit = audits.find((a) => a.id === 'macfa-adolescent-risk-2017')!;
  const done = await qa.request('PATCH', `/audits/${audit.id}`, {
    status: 'completed',
    completedDate: '2017-12-20',
    casesAudited: 2,
    grades: { outstanding: 0, good: 1, requiresImprovement: 1, inadequate: 0 },
    version: audit.version,
  });
  expect(done.status).toBe(200);
  const late = lateByAgencySchema.parse((await qa.get('/returns/late-by-agency')).body);
  const police = late.agencies.find((a) => a.agencyId === 'west-midlands-police')!;
  expect(police.overdueAudits).toEqual([]);
  expect(police.lateReturns).toHaveLength(1);
});
