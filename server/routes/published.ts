import type { Hono } from 'hono';
import { can } from '../../src/api/permissions';
import { endpoint } from '../http/endpoint';
import type { AppEnv, Services } from '../http/env';
import { readActionPlan } from '../store/action-plan';
import { readAgencies, readBoard, readDocument } from '../store/board';
import { readIndicator, readIndicators, readRevisions } from '../store/indicators';
import { readAudits } from '../store/quality-assurance';
import type { Annotation } from '../../src/api/contract';

/** What every signed-in person reads: the board's published data. Answers are cached by data version. */
export function publishedRoutes(app: Hono<AppEnv>, services: Services): void {
  const { db } = services;
  const options = { allow: can.read, cached: true } as const;

  endpoint(app, services, 'board', { ...options, handler: () => readBoard(db) });
  endpoint(app, services, 'indicators', {
    ...options,
    handler: async ({ query }) => ({
      indicators: await readIndicators(db, undefined, { headlineOnly: query.headline === 'true' }),
    }),
  });
  endpoint(app, services, 'indicator', {
    ...options,
    handler: ({ params }) => readIndicator(db, params.id!),
  });
  endpoint(app, services, 'revisions', {
    ...options,
    handler: async ({ params }) => ({ revisions: await readRevisions(db, params.id!) }),
  });
  endpoint(app, services, 'annotations', {
    ...options,
    handler: async () => ({
      annotations: await db.query<Annotation & Record<string, unknown>>(
        'select id, indicator_id as "indicatorId", date, label, description from annotation order by position',
      ),
    }),
  });
  endpoint(app, services, 'audits', { ...options, handler: async () => ({ audits: await readAudits(db) }) });
  endpoint(app, services, 'seriousCaseReviews', {
    ...options,
    handler: () => readDocument(db, 'serious-case-reviews', { reviews: [] }),
  });
  endpoint(app, services, 'actionPlan', { ...options, handler: () => readActionPlan(db) });
  endpoint(app, services, 'ofstedRecommendations', {
    ...options,
    handler: () =>
      readDocument(db, 'ofsted-recommendations', {
        reportTitle: 'No Ofsted recommendations recorded',
        page: 1,
        recommendations: [],
      }),
  });
  endpoint(app, services, 'funding', {
    ...options,
    handler: () => readDocument(db, 'funding', { currency: 'GBP' as const, contributions: [] }),
  });
  endpoint(app, services, 'partnership', {
    ...options,
    handler: () => readDocument(db, 'partnership', { linkedBoardsCount: 0, links: [] }),
  });
  endpoint(app, services, 'agencies', {
    ...options,
    handler: async () => ({ agencies: await readAgencies(db) }),
  });
}
