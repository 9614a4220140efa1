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

  it('CSE identifications grow 10 -> 50 (end of 2016-17) -> 130', () => {
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
