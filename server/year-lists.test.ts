import { beforeAll, describe, expect, it } from 'vitest';
import { createDemoApi } from '../mocks/demo-api';
import { endpoints, type ActionPlan, type Audit, type ReturnRoundList } from '../src/api/contract';
import { actionPlanForYear, actionsArisingForYear, auditScheduleForYear } from '../src/lib/carry-over';
import { returnsDue } from '../src/lib/returns-due';
import { testBoard } from './test/service';

/**
 * Issue 22: the lists a page shows are handed over one reporting year at a time, worked out from
 * dates by the same code as the page's (`lib/carry-over`), so a year's page shows what it showed
 * when it read the whole list. Runs on PGlite, and on PostgreSQL with TEST_DATABASE_URL.
 */
const { viewer, qa, admin, police } = testBoard({ today: '2018-05-14' }).people;

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

describe('GET /returns?page=', () => {
  // Six rounds, Q1 2016-17 to Q2 2017-18, opened after the event (their due dates have passed).
  const QUARTERS = ['Q1 2016-17', 'Q2 2016-17', 'Q3 2016-17', 'Q4 2016-17', 'Q1 2017-18', 'Q2 2017-18'];
  beforeAll(async () => {
    for (const [i, quarter] of QUARTERS.entries()) {
      const reply = await admin.request('POST', '/returns', {
        quarter,
        dueDate: `2018-01-1${i}`,
        confirmPastDueDate: true,
      });
      expect(reply.status).toBe(201);
    }
  });
  const newestFirst = [...QUARTERS].reverse();
  const quarters = (list: ReturnRoundList) => list.rounds.map((r) => r.quarter);

  it('hands over the rounds a page at a time, newest first, with how many there are, their quarters and what is due', async () => {
    const whole = (await admin.get<ReturnRoundList>('/returns')).body;
    expect(quarters(whole)).toEqual(newestFirst);
    expect(whole.total).toBeUndefined();
    const first = await admin.get<ReturnRoundList>('/returns?page=1');
    expect(first.status).toBe(200);
    const parsed = endpoints.returnRounds.response.safeParse(first.body);
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
    expect(quarters(first.body)).toEqual(newestFirst.slice(0, 4));
    expect(first.body.rounds).toEqual(whole.rounds.slice(0, 4));
    expect(first.body.total).toBe(6);
    expect(first.body.quarters).toEqual(newestFirst);
    expect(first.body.due).toEqual(returnsDue(whole.rounds));
    const second = (await admin.get<ReturnRoundList>('/returns?page=2')).body;
    expect(quarters(second)).toEqual(newestFirst.slice(4));
    const sized = (await admin.get<ReturnRoundList>('/returns?page=3&pageSize=2')).body;
    expect(quarters(sized)).toEqual(newestFirst.slice(4, 6));
    expect((await admin.get<ReturnRoundList>('/returns?page=9')).body.rounds).toEqual([]);
  });

  it('pages only the returns a contributor may see, and their returns due in every round', async () => {
    const first = (await police.get<ReturnRoundList>('/returns?page=1&pageSize=2')).body;
    expect(quarters(first)).toEqual(newestFirst.slice(0, 2));
    expect(first.rounds.flatMap((r) => r.agencies.map((a) => a.agencyId))).toEqual([
      'west-midlands-police',
      'west-midlands-police',
    ]);
    expect(first.due?.map((d) => [d.quarter, d.agencyId, d.late])).toEqual(
      QUARTERS.map((q) => [q, 'west-midlands-police', true]),
    );
  });

  it('refuses a page or a page size out of range with 422, and a viewer with 403', async () => {
    for (const query of ['page=0', 'page=x', 'pageSize=0', 'pageSize=41', 'page=1&pageSize=-1']) {
      const reply = await admin.get<{ message: string }>(`/returns?${query}`);
      expect(reply.status).toBe(422);
      expect(reply.body.message).toBe('The address asks for something this list cannot do');
    }
    expect((await viewer.get('/returns?page=1')).status).toBe(403);
  });
});

describe('GET /action-plan?year=', () => {
  const actionIds = (plan: ActionPlan) => plan.priorities.flatMap((p) => p.actions.map((a) => a.id));

  it('hands over the year’s plan as the page works it out, with the actions closed before it in brief', async () => {
    const demo = createDemoApi();
    const whole = (await viewer.get<ActionPlan>('/action-plan')).body;
    expect(whole.closedBefore).toBeUndefined();
    for (const year of YEARS) {
      const reply = await viewer.get<ActionPlan>(`/action-plan?year=${year}`);
      expect(reply.status).toBe(200);
      const parsed = endpoints.actionPlan.response.safeParse(reply.body);
      expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
      expect(reply.body).toEqual(demo.handle('GET', `/action-plan?year=${year}`).body);
      const fromWhole = actionPlanForYear(whole, year);
      expect(reply.body.priorities).toEqual(fromWhole.plan.priorities);
      // Worked out again from the year's answer, the page's figures are the same as from the whole plan.
      expect(actionPlanForYear(reply.body, year)).toEqual(fromWhole);
      const hidden = actionIds(whole).filter((id) => !actionIds(reply.body).includes(id));
      expect(reply.body.closedBefore?.map((c) => c.id)).toEqual(hidden);
    }
  });

  it('keeps an action closed in one year in that year’s plan, and only counts it in the next', async () => {
    const year = async (y: string) => (await viewer.get<ActionPlan>(`/action-plan?year=${y}`)).body;
    const closedIn2016 = 'qa-committee-schedule';
    expect(actionIds(await year('2016-17'))).toContain(closedIn2016);
    const next = await year('2017-18');
    expect(actionIds(next)).not.toContain(closedIn2016);
    expect(next.closedBefore?.find((c) => c.id === closedIn2016)).toEqual({
      id: closedIn2016,
      priorityId: 'scrutiny-and-challenge',
      title: 'Run an audited schedule through the reinvigorated QA committee',
      owner: 'QA Committee Chair',
      dueDate: '2017-03-31',
      status: 'complete',
      progress: 100,
      completedDate: '2017-03-22',
      ofstedRecommendationIds: ['rec-1'],
    });
  });

  it('refuses a year that is not a financial year with 422 and a plain message', async () => {
    const reply = await viewer.get<{ message: string }>('/action-plan?year=2017');
    expect(reply.status).toBe(422);
    expect(reply.body.message).toBe('The address asks for something this list cannot do');
  });
});
