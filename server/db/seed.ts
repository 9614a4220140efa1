import { demoDataset, type DemoDataset } from '../../mocks/data';
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
import { insertPartnership } from '../store/partnership';
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
  };
  const partnership = partnershipSchema.parse(data.partnership);
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
    await insertPartnership(tx, partnership);
    await insertSection11(tx, data.section11);
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

/** The board's own standards after the eight every board has, and its past cycles. */
async function insertSection11(tx: Queryable, section11: DemoDataset['section11']) {
  for (const [i, s] of section11.boardStandards.entries()) {
    await tx.query(
      'insert into s11_standard (id, code, title, description, statutory, position) values ($1, $2, $3, $4, false, $5)',
      [s.id, s.code, s.title, s.description, 8 + i],
    );
  }
  for (const cycle of section11.cycles) {
    await tx.query(
      `insert into s11_cycle (id, title, opened_on, due_date, closed_on, standards, version)
       values ($1, $2, $3, $4, $5, $6, $7)`,
      [
        cycle.id,
        cycle.title,
        cycle.openedOn,
        cycle.dueDate,
        cycle.closedOn,
        JSON.stringify(cycle.standards),
        cycle.version,
      ],
    );
    for (const a of cycle.assessments) {
      await tx.query(
        `insert into s11_assessment (cycle_id, agency_id, status, answers, improvements, comments, submitted_at, decided_at, version)
         values ($1, $2, $3, $4, $5, $6, $7, $7, $8)`,
        [
          cycle.id,
          a.agencyId,
          a.status,
          JSON.stringify(a.answers),
          JSON.stringify(a.improvements),
          a.comments,
          a.submittedAt,
          a.version,
        ],
      );
    }
  }
}
