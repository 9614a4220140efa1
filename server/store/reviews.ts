import {
  reviewRecommendations,
  type CreateReviewRequest,
  type RetireReviewRequest,
  type ReviewEditRequest,
  type SeriousCaseReview,
} from '../../src/api/contract';
import type { Queryable } from '../db/database';
import type { Actor } from './audit-log';
import { checkVersion, freeId, logged } from './writes';

type Recommendation = NonNullable<SeriousCaseReview['recommendations']>[number];
type ReviewAction = SeriousCaseReview['actions'][number];

interface ReviewRow extends Record<string, unknown> {
  id: string;
  title: string;
  type: SeriousCaseReview['type'] | null;
  review_date: string | null;
  published_date: string;
  summary: string;
  learning_themes: string[];
  recommendations: Recommendation[] | null;
  /** Actions recorded without a recommendation (old records); those of recommendations are in them. */
  actions: ReviewAction[];
  version: number;
  retired: boolean;
  retired_reason: string | null;
  retired_in: string | null;
}

const columns =
  'id, title, type, review_date, published_date, summary, learning_themes, recommendations, actions, version, retired, ' +
  'retired_reason, retired_in';

const toReview = (row: ReviewRow): SeriousCaseReview => ({
  id: row.id,
  title: row.title,
  ...(row.type ? { type: row.type } : {}),
  // Left out where an old record never had one, as the demo API answers it.
  ...(row.review_date ? { reviewDate: row.review_date } : {}),
  publishedDate: row.published_date,
  summary: row.summary,
  learningThemes: row.learning_themes,
  ...(row.recommendations ? { recommendations: row.recommendations } : {}),
  actions: [...row.actions, ...(row.recommendations ?? []).flatMap((r) => r.actions)],
  version: row.version,
  ...(row.retired_in ? { retiredIn: row.retired_in } : {}),
});

/** What a review says, for the audit trail's before and after. */
const contentOf = (row: ReviewRow) => ({
  title: row.title,
  type: row.type,
  reviewDate: row.review_date,
  publishedDate: row.published_date,
  summary: row.summary,
  learningThemes: row.learning_themes,
  recommendations: row.recommendations,
  actions: row.actions,
  retired: row.retired,
  retiredReason: row.retired_reason,
  retiredIn: row.retired_in,
});

/**
 * The reviews, as GET /serious-case-reviews answers: a retired one with the year it was retired
 * in, to be shown in the years before.
 */
export async function readReviews(db: Queryable): Promise<SeriousCaseReview[]> {
  return (
    await db.query<ReviewRow>(
      `select ${columns} from review where not retired or retired_in is not null order by position`,
    )
  ).map(toReview);
}

const values = (request: CreateReviewRequest) => [
  request.title,
  request.type,
  request.reviewDate,
  request.publishedDate,
  request.summary,
  JSON.stringify(request.learningThemes),
  JSON.stringify(reviewRecommendations(request.recommendations)),
];

async function lockReview(tx: Queryable, id: string, version: number): Promise<ReviewRow> {
  const [row] = await tx.query<ReviewRow>(`select ${columns} from review where id = $1 for update`, [id]);
  const current = row && !row.retired ? row : undefined;
  checkVersion(current && toReview(current), version, 'review', id);
  return current!;
}

/** Adds a review, after the others. */
export async function createReview(
  tx: Queryable,
  actor: Actor,
  request: CreateReviewRequest,
): Promise<SeriousCaseReview> {
  const id = await freeId(tx, 'review', request.title, 'review');
  const [row] = await tx.query<ReviewRow>(
    `insert into review (id, position, title, type, review_date, published_date, summary, learning_themes,
       recommendations, actions)
     values ($1, (select coalesce(max(position), -1) + 1 from review), $2, $3, $4, $5, $6, $7, $8, '[]')
     returning ${columns}`,
    [id, ...values(request)],
  );
  return logged(
    tx,
    actor,
    {
      action: 'review.create',
      entityType: 'review',
      entityId: id,
      summary: `Added the review “${row!.title}”`,
      after: contentOf(row!),
    },
    toReview(row!),
  );
}

/** Changes a review; the actions of an old record recorded without a recommendation are kept. */
export async function editReview(
  tx: Queryable,
  actor: Actor,
  id: string,
  request: ReviewEditRequest,
): Promise<SeriousCaseReview> {
  const before = await lockReview(tx, id, request.version);
  const [row] = await tx.query<ReviewRow>(
    `update review set title = $2, type = $3, review_date = $4, published_date = $5, summary = $6,
       learning_themes = $7, recommendations = $8, version = version + 1
     where id = $1 returning ${columns}`,
    [id, ...values(request)],
  );
  return logged(
    tx,
    actor,
    {
      action: 'review.edit',
      entityType: 'review',
      entityId: id,
      summary: `Changed the review “${row!.title}”`,
      before: contentOf(before),
      after: contentOf(row!),
    },
    toReview(row!),
  );
}

/** Retires a review in `year` with a reason: kept, shown in the years before, and in the audit trail. */
export async function retireReview(
  tx: Queryable,
  actor: Actor,
  id: string,
  request: RetireReviewRequest,
  year: string,
): Promise<SeriousCaseReview> {
  const before = await lockReview(tx, id, request.version);
  const [row] = await tx.query<ReviewRow>(
    `update review set retired = true, retired_reason = $2, retired_in = $3, version = version + 1
     where id = $1 returning ${columns}`,
    [id, request.reason, year],
  );
  return logged(
    tx,
    actor,
    {
      action: 'review.retire',
      entityType: 'review',
      entityId: id,
      summary: `Retired the review “${row!.title}”: ${request.reason}`,
      before: contentOf(before),
      after: contentOf(row!),
    },
    toReview(row!),
  );
}

/** Loads a review as it is (seeding the demo board), at version 1. */
export async function insertReview(
  tx: Queryable,
  review: SeriousCaseReview,
  position: number,
): Promise<void> {
  await tx.query(
    `insert into review (id, position, title, type, review_date, published_date, summary, learning_themes,
       recommendations, actions)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [
      review.id,
      position,
      review.title,
      review.type ?? null,
      review.reviewDate ?? null,
      review.publishedDate,
      review.summary,
      JSON.stringify(review.learningThemes),
      review.recommendations ? JSON.stringify(review.recommendations) : null,
      // The actions of its recommendations are in them; the rest are the review's own.
      JSON.stringify(
        review.actions.filter(
          (a) => !review.recommendations?.some((r) => r.actions.some((b) => b.id === a.id)),
        ),
      ),
    ],
  );
}
