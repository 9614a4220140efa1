import { describe, expect, it } from 'vitest';
import {
  actionPlanSchema,
  annotationListSchema,
  auditListSchema,
  boardSchema,
  fundingSchema,
  indicatorListSchema,
  ofstedRecommendationListSchema,
  partnershipSchema,
  seriousCaseReviewListSchema,
} from '../../src/api/contract';
import { multiAgencyAuditsOnSchedule } from '../../src/lib/board-charts';
import { financialYearEndDate, lastWholeMonth } from '../../src/lib/reporting-range';
import { toPoints } from '../../src/lib/series';
import { demoDataset } from '.';

describe('the demo dataset keeps the API contract', () => {
  it.each([
    ['board', boardSchema, demoDataset.board],
    ['indicators', indicatorListSchema, { indicators: demoDataset.indicators }],
    ['annotations', annotationListSchema, { annotations: demoDataset.annotations }],
    ['audits', auditListSchema, { audits: demoDataset.audits }],
    ['serious case reviews', seriousCaseReviewListSchema, { reviews: demoDataset.seriousCaseReviews }],
    ['action plan', actionPlanSchema, demoDataset.actionPlan],
    ['Ofsted recommendations', ofstedRecommendationListSchema, demoDataset.ofstedRecommendations],
    ['funding', fundingSchema, demoDataset.funding],
    ['partnership', partnershipSchema, demoDataset.partnership],
  ] as const)('%s', (_name, schema, data) => {
    const result = schema.safeParse(data);
    expect(result.success ? [] : result.error.issues).toEqual([]);
  });
});

describe('the demo dataset tells the seed’s story', () => {
  const indicator = (id: string) => demoDataset.indicators.find((i) => i.id === id)!;

  it('CSE identifications grow 10 -> 50 (end of 2016-17) -> 130, as reported: no invented quarters, no target', () => {
    const cse = indicator('cse-children-at-risk');
    expect(cse.series.map((o) => o.value)).toEqual([10, 50, 130]);
    expect(cse.target).toBeNull();
    expect(cse.polarity).toBe('neutral');
    expect(cse.illustrative).toBe(false);
  });

  it('CSE identifications at the end of each period are 10, 50 and 130', () => {
    const value = (period: string) =>
      indicator('cse-children-at-risk').series.find((o) => o.period === period)?.value;
    expect(value('Q4 2015-16')).toBe(10);
    expect(value('Q4 2016-17')).toBe(50);
    expect(value('Q3 2017-18')).toBe(130);
  });

  it('uses the real DfE referrals for Wolverhampton: 5,983 in 2016-17 with 24.3% re-referrals', () => {
    expect(indicator('referrals').series.find((o) => o.period === '2016-17')?.value).toBe(5983);
    expect(indicator('rereferrals-within-12-months').series.find((o) => o.period === '2016-17')?.value).toBe(
      24.3,
    );
  });

  it('keeps DfE suppressed cells suppressed: Wolverhampton no-further-action, 2022-23', () => {
    expect(indicator('referrals-no-further-action').series.find((o) => o.period === '2022-23')).toEqual({
      period: '2022-23',
      value: null,
      symbol: 'c',
    });
  });

  it('has England, West Midlands and statistical neighbour comparators for re-referrals', () => {
    const comparators = indicator('rereferrals-within-12-months').comparators.map((c) => c.label);
    expect(comparators).toEqual(['England', 'West Midlands', 'Statistical neighbours (average of 10)']);
  });

  it('has the Ofsted judgement, the page 42 recommendations, two reviews and 14 linked boards', () => {
    expect(demoDataset.board.ofsted?.judgement).toBe('requires-improvement');
    expect(demoDataset.ofstedRecommendations.page).toBe(42);
    expect(demoDataset.seriousCaseReviews).toHaveLength(2);
    expect(demoDataset.partnership.linkedBoardsCount).toBe(14);
  });

  it('the local authority is the largest contributor every year, and contributions add up to the indicator', () => {
    for (const year of demoDataset.board.reportingYears) {
      const rows = demoDataset.funding.contributions.filter((c) => c.year === year);
      const largest = rows.reduce((a, b) => (b.amount > a.amount ? b : a));
      expect(largest.partnerType).toBe('local-authority');
      const total = rows.reduce((sum, r) => sum + r.amount, 0);
      expect(indicator('partner-contributions').series.find((o) => o.period === year)?.value).toBe(total);
    }
  });

  it('has at least 15 indicators across the board’s themes', () => {
    expect(demoDataset.indicators.length).toBeGreaterThanOrEqual(15);
    const themes = new Set(demoDataset.indicators.map((i) => i.theme));
    expect([...themes]).toEqual(
      expect.arrayContaining([
        'exploitation',
        'referrals-and-assessment',
        'child-protection',
        'quality-assurance',
        'engagement',
      ]),
    );
  });
});

describe('the demo dataset’s dates agree', () => {
  const { board } = demoDataset;
  const yearEnds = board.reportingYears.map(financialYearEndDate);

  it('defaults to the latest complete year, the annual report’s 2016-17, and the next is a part year', () => {
    const complete = board.reportingYears.filter((_y, i) => yearEnds[i]! <= board.dataAsAt);
    expect(board.currentYear).toBe(complete.at(-1));
    expect(board.currentYear).toBe('2016-17');
    expect(board.reportingYears.at(-1)! > board.currentYear).toBe(true);
  });

  it('has no board figure for a period ending after the date its figures run to', () => {
    const last = lastWholeMonth(board.dataAsAt);
    for (const i of demoDataset.indicators) {
      // Published DfE statistics come from the DfE's own later releases; the board's own do not.
      if (i.source.publisher === 'Department for Education') continue;
      const late = toPoints(i.series, i.frequency).filter((p) => p.period.endMonth > last);
      // The budget for a year is agreed at its start.
      if (i.id === 'partner-contributions') continue;
      expect(late.map((p) => `${i.id} ${p.period.label}`)).toEqual([]);
    }
  });
});

describe('the demo dataset’s indicators count the board’s records the way its pages do', () => {
  const list = auditListSchema.parse({ audits: demoDataset.audits }).audits;
  const indicator = (id: string) => demoDataset.indicators.find((i) => i.id === id)!;

  it('audits completed against the schedule: each quarter of 2016-17 and 2017-18, from the audit list', () => {
    const quarterEnds: Record<string, string> = { Q1: '06-30', Q2: '09-30', Q3: '12-31', Q4: '03-31' };
    const observations = indicator('case-file-audits-on-schedule').series.filter(
      (o) => o.period.endsWith('2016-17') || o.period.endsWith('2017-18'),
    );
    expect(observations).toHaveLength(7);
    for (const o of observations) {
      const [quarter, year] = o.period.split(' ') as [string, string];
      const start = Number(year.slice(0, 4));
      const end = `${quarter === 'Q4' ? start + 1 : start}-${quarterEnds[quarter]}`;
      expect([o.period, o.value]).toEqual([o.period, multiAgencyAuditsOnSchedule(list, year, end).percent]);
    }
  });

  it('serious case review actions complete: the latest figure is the share of the reviews’ actions done', () => {
    const actions = demoDataset.seriousCaseReviews.flatMap((r) => r.actions);
    const done = actions.filter((a) => a.status === 'complete').length;
    expect(indicator('scr-actions-complete').series.at(-1)?.value).toBe(
      Math.round((done / actions.length) * 100),
    );
  });
});
