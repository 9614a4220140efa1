import { describe, expect, it } from 'vitest';
import type { Action, ActionPlan, Audit } from '../api/contract';
import {
  inForceInYear,
  actionCarriedFrom,
  actionPlanForYear,
  actionsArisingForYear,
  auditScheduleForYear,
  carriedIntoYear,
} from './carry-over';

const audit = (id: string, change: Partial<Audit>): Audit => ({
  id,
  title: id,
  theme: 'Neglect',
  kind: 'multi-agency',
  leadAgency: 'Council',
  agencies: ['Council'],
  plannedDate: '2017-09-30',
  status: 'planned',
  completedDate: null,
  casesAudited: null,
  grades: null,
  actionsArising: [],
  version: 1,
  ...change,
});
const action = (
  id: string,
  status: 'open' | 'complete',
  closedDate: string | null = null,
  retired = false,
) => ({
  id,
  description: id,
  owner: 'Head of Safeguarding',
  dueDate: '2018-06-30',
  status,
  closedDate,
  retired,
});

const audits = [
  audit('open-2017', {
    actionsArising: [action('open-action', 'open'), action('closed-before', 'complete', '2018-02-01')],
  }),
  audit('finished-next-year', {
    status: 'completed',
    completedDate: '2018-05-10',
    casesAudited: 1,
    grades: { outstanding: 0, good: 1, requiresImprovement: 0, inadequate: 0 },
    actionsArising: [action('closed-after', 'complete', '2018-07-01'), action('retired', 'open', null, true)],
  }),
  audit('finished-in-year', {
    status: 'completed',
    completedDate: '2018-01-10',
    casesAudited: 1,
    grades: { outstanding: 0, good: 1, requiresImprovement: 0, inadequate: 0 },
  }),
  audit('cancelled', { status: 'cancelled', cancelledReason: 'No longer needed' }),
  audit('planned-2018', { plannedDate: '2018-06-30' }),
];
const ids = (list: { id: string }[]) => list.map((a) => a.id);

describe('what a reporting year holds', () => {
  it('carries open audits and those finished later into the next year; closed and cancelled stay', () => {
    expect(ids(auditScheduleForYear(audits, '2018-19'))).toEqual([
      'open-2017',
      'finished-next-year',
      'planned-2018',
    ]);
  });

  it('leaves the year they were planned in as it was', () => {
    expect(ids(auditScheduleForYear(audits, '2017-18'))).toEqual([
      'open-2017',
      'finished-next-year',
      'finished-in-year',
      'cancelled',
    ]);
  });

  it('carries actions open at the year’s start, never a retired one or one closed before', () => {
    const carried = carriedIntoYear(audits, '2018-19');
    expect(ids(carried.audits)).toEqual(['open-2017', 'finished-next-year']);
    expect(carried.actions.map((a) => a.action.id)).toEqual(['open-action', 'closed-after']);
    expect(actionsArisingForYear(audits, '2017-18').map((a) => [a.action.id, a.carried])).toEqual([
      ['open-action', false],
      ['closed-before', false],
      ['closed-after', false],
      ['retired', false],
    ]);
  });
});

describe('the action plan a year shows', () => {
  const planAction = (id: string, change: Partial<Action>): Action => ({
    id,
    title: id,
    owner: 'Board Business Manager',
    dueDate: '2018-03-31',
    status: 'on-track',
    progress: 50,
    ofstedRecommendationIds: [],
    updates: [],
    version: 1,
    ...change,
  });
  const plan: ActionPlan = {
    priorities: [
      {
        id: 'p1',
        number: 1,
        title: 'Scrutiny',
        description: '',
        version: 1,
        actions: [
          planAction('open-since-2016', { addedDate: '2016-05-01' }),
          planAction('closed-2016-17', { status: 'complete', progress: 100, completedDate: '2017-03-22' }),
          planAction('closed-2017-18', { status: 'complete', progress: 100, completedDate: '2017-07-31' }),
          planAction('complete-undated', { status: 'complete', progress: 100 }),
        ],
      },
    ],
  };
  const ids = (year: string) => actionPlanForYear(plan, year).plan.priorities[0]!.actions.map((a) => a.id);

  it('keeps a closed action in the years it was open in, and carries an open one on', () => {
    expect(ids('2016-17')).toEqual([
      'open-since-2016',
      'closed-2016-17',
      'closed-2017-18',
      'complete-undated',
    ]);
    expect(ids('2017-18')).toEqual(['open-since-2016', 'closed-2017-18', 'complete-undated']);
    expect(ids('2018-19')).toEqual(['open-since-2016', 'complete-undated']);
    expect(actionPlanForYear(plan, '2018-19').closedBefore).toBe(2);
  });

  it('says which year an open action was carried over from', () => {
    const [open] = plan.priorities[0]!.actions;
    expect(actionCarriedFrom(open!, '2016-17')).toBeNull();
    expect(actionCarriedFrom(open!, '2018-19')).toBe('2016-17');
  });

  it('is the whole plan when no year is known', () => {
    expect(actionPlanForYear(plan, null)).toEqual({ plan, closedBefore: 0 });
  });
});

describe('inForceInYear (issue 18: a retired record stays in the years before)', () => {
  it('shows a record in force in every year, and a retired one only in the years before the one it was retired in', () => {
    expect(inForceInYear({}, '2016-17')).toBe(true);
    expect(inForceInYear({}, null)).toBe(true);
    const retired = { retiredIn: '2017-18' };
    expect(inForceInYear(retired, '2015-16')).toBe(true);
    expect(inForceInYear(retired, '2016-17')).toBe(true);
    expect(inForceInYear(retired, '2017-18')).toBe(false);
    expect(inForceInYear(retired, '2018-19')).toBe(false);
    expect(inForceInYear(retired, null)).toBe(false);
  });
});
