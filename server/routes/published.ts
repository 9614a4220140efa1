import type { Hono } from 'hono';
import { can } from '../../src/api/permissions';
import { endpoint } from '../http/endpoint';
import type { AppEnv, Services } from '../http/env';
import { readAgencies } from '../store/board';
import { published } from '../store/published';

/** What every signed-in person reads: the board's published data. Answers are cached by data version. */
export function publishedRoutes(app: Hono<AppEnv>, services: Services): void {
  const { db } = services;
  const options = { allow: can.read, cached: true } as const;

  endpoint(app, services, 'board', { ...options, handler: () => published.board(db) });
  endpoint(app, services, 'indicators', {
    ...options,
    handler: ({ query }) => published.indicators(db, query.headline === 'true'),
  });
  // Before /indicators/{id}, which would take `summary` for an indicator's id.
  endpoint(app, services, 'indicatorSummary', {
    ...options,
    handler: ({ query }) => published.indicatorSummary(db, query.headline === 'true'),
  });
  endpoint(app, services, 'indicator', {
    ...options,
    handler: ({ params }) => published.indicator(db, params.id!),
  });
  endpoint(app, services, 'revisions', {
    ...options,
    handler: ({ params }) => published.revisions(db, params.id!),
  });
  endpoint(app, services, 'annotations', { ...options, handler: () => published.annotations(db) });
  endpoint(app, services, 'audits', {
    ...options,
    handler: ({ query }) => published.audits(db, query.year),
  });
  endpoint(app, services, 'seriousCaseReviews', {
    ...options,
    handler: () => published.seriousCaseReviews(db),
  });
  endpoint(app, services, 'actionPlan', {
    ...options,
    handler: ({ query }) => published.actionPlan(db, query.year),
  });
  endpoint(app, services, 'ofstedRecommendations', {
    ...options,
    handler: () => published.ofstedRecommendations(db),
  });
  endpoint(app, services, 'funding', { ...options, handler: () => published.funding(db) });
  endpoint(app, services, 'partnership', { ...options, handler: () => published.partnership(db) });
  endpoint(app, services, 'agencies', {
    ...options,
    handler: async () => ({ agencies: await readAgencies(db) }),
  });
}
