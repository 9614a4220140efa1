import { demoDataset } from '../../mocks/data';
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
import { insertActionPlan } from '../store/action-plan';
import { recordAudit, SYSTEM } from '../store/audit-log';
import { insertFunding } from '../store/funding';
import { insertBoard } from '../store/board';
import { insertIndicator } from '../store/indicators';
import { insertAudit } from '../store/quality-assurance';
import { insertReview } from '../store/reviews';
import type { Database, Queryable } from './database';

export async function isEmpty(db: Queryable): Promise<boolean> {
  const [row] = await db.query<{ n: number }>('select count(*)::int as n from board');
  return (row?.n ?? 0) === 0;
}

/**
 * Loads the demo board (the same dataset the MSW demo serves, from the same files) into an empty
 * database, in one transaction. Everything is checked against the contract first.
 */
export async function seedDemoBoard(db: Database): Promise<boolean> {
  const data = demoDataset;
  const board = boardSchema.parse(data.board);
  const indicators = indicatorListSchema.parse({ indicators: data.indicators }).indicators;
  const annotations = annotationListSchema.parse({ annotations: data.annotations }).annotations;
  const audits = auditListSchema.parse({ audits: data.audits }).audits;
  const plan = actionPlanSchema.parse(data.actionPlan);
  const funding = fundingSchema.parse(data.funding);
  const reviews = seriousCaseReviewListSchema.parse({ reviews: data.seriousCaseReviews }).reviews;
  const documents = {
    'ofsted-recommendations': ofstedRecommendationListSchema.parse(data.ofstedRecommendations),
    partnership: partnershipSchema.parse(data.partnership),
  };
  return db.transaction(async (tx) => {
    // Two processes starting at once on one empty PostgreSQL: the second waits, then finds it seeded.
    await tx.query('select pg_advisory_xact_lock(727162)');
    if (!(await isEmpty(tx))) return false;
    await insertBoard(tx, board);
    for (const [i, agency] of data.agencies.entries()) {
      await tx.query('insert into agency (id, name, kind, position) values ($1, $2, $3, $4)', [
        agency.id,
        agency.name,
        agency.kind,
        i,
      ]);
    }
    for (const [i, indicator] of indicators.entries()) await insertIndicator(tx, indicator, i);
    for (const [i, a] of annotations.entries()) {
      await tx.query(
        'insert into annotation (id, position, indicator_id, date, label, description) values ($1, $2, $3, $4, $5, $6)',
        [a.id, i, a.indicatorId, a.date, a.label, a.description],
      );
    }
    for (const [i, audit] of audits.entries()) await insertAudit(tx, audit, i);
    await insertActionPlan(tx, plan);
    await insertFunding(tx, funding);
    for (const [i, review] of reviews.entries()) await insertReview(tx, review, i);
    for (const [key, body] of Object.entries(documents)) {
      await tx.query('insert into document (key, body) values ($1, $2)', [key, JSON.stringify(body)]);
    }
    await recordAudit(tx, SYSTEM, {
      action: 'board.seed',
      entityType: 'board',
      entityId: board.id,
      summary: `Loaded the demo board (${board.name}): ${indicators.length} indicators, ${audits.length} audits`,
    });
    return true;
  });
}
