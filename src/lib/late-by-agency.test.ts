import { describe, expect, it } from 'vitest';
import { demoDataset } from '../../mocks/data';
import type { Audit, ReturnRound } from '../api/contract';
import { lateByAgency } from './late-by-agency';

const agencies = [
  { id: 'council', name: 'City Council' },
  { id: 'police', name: 'Police' },
  { id: 'health', name: 'Health' },
];
const audit = demoDataset.audits[0]!;
const auditOf = (id: string, leadAgency: string, plannedDate: string, status: Audit['status']): Audit => ({
  ...audit,
  id,
  title: id,
  leadAgency,
  plannedDate,
  plannedQuarter: null,
  status,
});
const summary = (agencyId: string, late: boolean): ReturnRound['agencies'][number] => ({
  agencyId,
  agencyName: agencies.find((a) => a.id === agencyId)!.name,
  status: late ? 'draft' : 'submitted',
  late,
  itemCount: 1,
  filledCount: 1,
  submitted: null,
  published: null,
});
const round = (quarter: string, dueDate: string, late: string[]): ReturnRound => ({
  id: quarter.toLowerCase().replace(' ', '-'),
  quarter,
  dueDate,
  opened: { name: 'Alex', at: '2018-01-01T00:00:00.000Z' },
  agencies: agencies.map((a) => summary(a.id, late.includes(a.id))),
});

const result = lateByAgency({
  agencies,
  rounds: [
    round('Q4 2017-18', '2018-04-30', ['police']),
    round('Q3 2017-18', '2018-01-31', ['police', 'health']),
  ],
  audits: [
    auditOf('due-later', 'Police', '2018-02-01', 'planned'),
    auditOf('cancelled', 'Police', '2017-06-01', 'cancelled'),
    auditOf('done', 'Police', '2017-06-01', 'completed'),
    auditOf('in-progress', ' police ', '2017-09-30', 'in-progress'),
    auditOf('outside', 'Wolverhampton CCG', '2017-10-31', 'planned'),
  ],
  returnsAsAt: '2018-05-10',
  auditsAsAt: '2017-12-31',
});

describe('case 11: what is late, by agency', () => {
  it('puts the most behind first, keeping the board’s order among equals', () => {
    expect(result.agencies.map((a) => [a.agencyName, a.lateReturns.length, a.overdueAudits.length])).toEqual([
      ['Police', 2, 1],
      ['Health', 1, 0],
      ['Wolverhampton CCG', 0, 1],
      ['City Council', 0, 0],
    ]);
  });

  it('lists late returns oldest first', () => {
    expect(result.agencies[0]!.lateReturns.map((r) => r.quarter)).toEqual(['Q3 2017-18', 'Q4 2017-18']);
  });

  it('counts an audit against its lead agency by name (spacing and case aside), only when open and past its date', () => {
    expect(result.agencies[0]!.overdueAudits.map((a) => a.auditId)).toEqual(['in-progress']);
    expect(result.agencies[2]).toMatchObject({ agencyId: null, overdueAudits: [{ auditId: 'outside' }] });
  });
});
