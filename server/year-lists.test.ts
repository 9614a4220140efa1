import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoApi } from '../mocks/demo-api';
import { endpoints, type Audit } from '../src/api/contract';
import { actionsArisingForYear, auditScheduleForYear } from '../src/lib/carry-over';
import { startServiceAs, type Client, type TestService } from './test/service';

/**
 * Issue 22: the lists a page shows are handed over one reporting year at a time, worked out from
 * dates by the same code as the page's (`lib/carry-over`), so a year's page shows what it showed
 * when it read the whole list. Runs on PGlite, and on PostgreSQL with TEST_DATABASE_URL.
 */
let service: TestService;
let viewer: Client;
let qa: Client;

beforeAll(async () => {
  ({
    service,
    clients: [viewer, qa],
  } = await startServiceAs(['viewer', 'quality-assurance'], { today: '2018-05-14' }));
});
afterAll(() => service.close());

type AuditList = { audits: Audit[]; total?: number };
const YEARS = ['2015-16', '2016-17', '2017-18', '2018-19'];
const ids = (audits: readonly Audit[]) => audits.map((a) => a.id);

describe('GET /audits?year=', () => {
  it('keeps the contract and answers as the demo API does, with how many audits there are in all', async () => {
    const demo = createDemoApi();
    const whole = (await viewer.get<AuditList>('/audits')).body;
    expect(whole.total).toBeUndefined();
    for (const year of YEARS) {
      const reply = await viewer.get<AuditList>(`/audits?year=${year}`);
      expect(reply.status).toBe(200);
      const parsed = endpoints.audits.response.safeParse(reply.body);
      expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
      expect(reply.body).toEqual(demo.handle('GET', `/audits?year=${year}`).body);
      expect(reply.body.total).toBe(whole.audits.length);
      expect(reply.body.audits.length).toBeLessThan(whole.audits.length);
    }
  });

  it('holds every audit the year’s schedule and actions arising show, and no other', async () => {
    const whole = (await viewer.get<AuditList>('/audits')).body.audits;
    for (const year of YEARS) {
      const { audits } = (await viewer.get<AuditList>(`/audits?year=${year}`)).body;
      expect(ids(auditScheduleForYear(audits, year))).toEqual(ids(auditScheduleForYear(whole, year)));
      expect(actionsArisingForYear(audits, year)).toEqual(actionsArisingForYear(whole, year));
      const shown = new Set([
        ...ids(auditScheduleForYear(whole, year)),
        ...actionsArisingForYear(whole, year).map((a) => a.audit.id),
      ]);
      expect(new Set(ids(audits))).toEqual(shown);
    }
  });

  it('hands an audit planned in one year and finished in the next to both years, and not to the one after', async () => {
    const added = await qa.request<Audit>('POST', '/audits', {
      title: 'Older children missing from home',
      theme: 'Priority 1: exploitation',
      kind: 'multi-agency',
      leadAgency: 'Children’s social care',
      agencies: ['Children’s social care', 'West Midlands Police'],
      plannedDate: '2017-02-20',
      plannedQuarter: null,
      casesToSample: 6,
    });
    expect(added.status).toBe(201);
    const done = await qa.request<Audit>('PATCH', `/audits/${added.body.id}`, {
      status: 'completed',
      completedDate: '2017-05-10',
      casesAudited: 6,
      grades: { outstanding: 0, good: 4, requiresImprovement: 2, inadequate: 0 },
      version: added.body.version,
    });
    expect(done.status).toBe(200);
    const inYear = async (year: string) =>
      ids((await viewer.get<AuditList>(`/audits?year=${year}`)).body.audits).includes(added.body.id);
    expect([await inYear('2016-17'), await inYear('2017-18'), await inYear('2018-19')]).toEqual([
      true,
      true,
      false,
    ]);
  });

  it('refuses a year that is not a financial year with 422 and a plain message', async () => {
    for (const year of ['2017', '2017-19', 'all']) {
      const reply = await viewer.get<{ message: string }>(`/audits?year=${year}`);
      expect(reply.status).toBe(422);
      expect(reply.body.message).toBe('The address asks for something this list cannot do');
    }
  });
});
