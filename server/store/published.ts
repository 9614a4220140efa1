import type { endpoints, FinancialYear } from '../../src/api/contract';
import { auditsShownInYear, yearsActionPlan } from '../../src/lib/carry-over';
import type { z } from '../../src/api/zod';
import type { Queryable } from '../db/database';
import { readActionPlan } from './action-plan';
import { readBoard, readDocument } from './board';
import { readChartEvents } from './chart-events';
import { readFunding } from './funding';
import { readPartnership } from './partnership';
import { readIndicator, readIndicators, readRevisions } from './indicators';
import { readAudits } from './quality-assurance';
import { readReviews } from './reviews';

/** What an endpoint of the contract answers. */
type Answer<E extends keyof typeof endpoints> = z.output<(typeof endpoints)[E]['response']>;

/**
 * The board's published data, as the API answers it: read by the published endpoints and by the
 * server rendering of a page (which hands the same answers to the browser), so the two never differ.
 */
export const published = {
  board: (db: Queryable): Promise<Answer<'board'>> => readBoard(db),
  indicators: async (db: Queryable, headlineOnly = false): Promise<Answer<'indicators'>> => ({
    indicators: await readIndicators(db, undefined, { headlineOnly }),
  }),
  indicatorSummary: async (db: Queryable, headlineOnly = false): Promise<Answer<'indicatorSummary'>> => ({
    indicators: (await readIndicators(db, undefined, { headlineOnly, withoutComparators: true })).map(
      ({ comparators: _comparators, ...summary }) => summary,
    ),
  }),
  indicator: (db: Queryable, id: string): Promise<Answer<'indicator'>> => readIndicator(db, id),
  revisions: async (db: Queryable, id: string): Promise<Answer<'revisions'>> => ({
    revisions: await readRevisions(db, id),
  }),
  annotations: async (db: Queryable): Promise<Answer<'annotations'>> => ({
    annotations: await readChartEvents(db),
  }),
  /**
   * Every audit, or only what one reporting year shows (worked out as the page does, by the same
   * code), with how many the programme holds in all.
   */
  audits: async (db: Queryable, year?: FinancialYear): Promise<Answer<'audits'>> => {
    const audits = await readAudits(db);
    return year ? { audits: auditsShownInYear(audits, year), total: audits.length } : { audits };
  },
  seriousCaseReviews: async (db: Queryable): Promise<Answer<'seriousCaseReviews'>> => ({
    reviews: await readReviews(db),
  }),
  /** The whole plan, or as one reporting year shows it (worked out as the page does, by the same code). */
  actionPlan: async (db: Queryable, year?: FinancialYear): Promise<Answer<'actionPlan'>> => {
    const plan = await readActionPlan(db);
    return year ? yearsActionPlan(plan, year) : plan;
  },
  ofstedRecommendations: (db: Queryable): Promise<Answer<'ofstedRecommendations'>> =>
    readDocument(db, 'ofsted-recommendations', {
      reportTitle: 'No Ofsted recommendations recorded',
      page: 1,
      recommendations: [],
    }),
  funding: (db: Queryable): Promise<Answer<'funding'>> => readFunding(db),
  partnership: (db: Queryable): Promise<Answer<'partnership'>> => readPartnership(db),
};
