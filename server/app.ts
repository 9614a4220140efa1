import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import type { Config } from './config';
import type { Database } from './db/database';
import type { AppEnv, Lifecycle, Services } from './http/env';
import { Problem } from './http/problem';
import { ReadCache } from './http/read-cache';
import { requestOrigin, sameOriginWrites, securityHeaders } from './http/security';
import { loadSession } from './http/session-cookie';
import { serveDashboard } from './http/static-files';
import { boardRecordRoutes } from './routes/board-records';
import { mailRoutes } from './routes/mail';
import { signInPolicyRoutes } from './routes/sign-in-policy';
import { peopleRoutes } from './routes/people';
import { publishedRoutes } from './routes/published';
import { recordRoutes } from './routes/records';
import { returnRoutes } from './routes/returns';
import { section11Routes } from './routes/section11';
import { sessionRoutes } from './routes/session';
import { jsonLogger, requestScope, type Logger } from './log';
import { ssoRoutes } from './routes/sso';

export interface AppOptions {
  db: Database;
  config: Config;
  log?: Logger;
  checkResponses?: boolean;
  today?: () => string;
  /** Shared with the process that serves the app, which sets `draining` on SIGTERM. */
  lifecycle?: Lifecycle;
}

/** A request id a trusted proxy or load balancer passed on: kept if it looks like one. */
const PASSED_ON_ID = /^[A-Za-z0-9._:-]{8,128}$/;

const isoToday = () => new Date().toISOString().slice(0, 10);

/** The data service as an HTTP application: the API under /api/v1 and, if built, the dashboard. */
export async function createApp(options: AppOptions): Promise<{ app: Hono<AppEnv>; services: Services }> {
  const services: Services = {
    db: options.db,
    config: options.config,
    log: options.log ?? jsonLogger(),
    lifecycle: options.lifecycle ?? { draining: false },
    cache: new ReadCache(),
    checkResponses: options.checkResponses ?? false,
    today: options.today ?? isoToday,
  };
  const app = new Hono<AppEnv>();

  // Every request has an id: on every log line it causes, in its X-Request-Id header and in every
  // error message, so a person can quote it to support.
  app.use('*', async (c, next) => {
    const passedOn = options.config.trustProxy ? c.req.header('x-request-id') : undefined;
    const requestId = passedOn && PASSED_ON_ID.test(passedOn) ? passedOn : randomUUID();
    c.set('requestId', requestId);
    const started = performance.now();
    await requestScope.run({ requestId }, async () => {
      await next();
      c.res.headers.set('X-Request-Id', requestId);
      // Draining to stop: the next request on this connection goes to another instance.
      if (services.lifecycle.draining) c.res.headers.set('Connection', 'close');
      const path = new URL(c.req.url).pathname;
      if (path !== '/healthz' && path !== '/readyz') {
        // The path only: a query string may carry what a log must not (a filter, a next page).
        services.log.info('request', {
          method: c.req.method,
          path,
          status: c.res.status,
          ms: Math.round(performance.now() - started),
        });
      }
    });
  });
  app.use('*', requestOrigin(options.config));
  app.use('*', securityHeaders);

  app.onError((error, c) => {
    if (error instanceof Problem) {
      return c.json(
        { message: error.message, ...error.extra, reference: c.get('requestId') },
        error.status as 400,
        {
          'Cache-Control': 'no-store',
          ...error.headers,
        },
      );
    }
    const reference = c.get('requestId');
    services.log.error(`${c.req.method} ${new URL(c.req.url).pathname} failed`, error);
    // Nothing about the failure itself leaves the server: no stack trace, no SQL.
    return c.json(
      {
        message: `The data service had a problem and could not answer. It has been logged (reference ${reference}); try again in a moment.`,
        reference,
      },
      500,
      { 'Cache-Control': 'no-store' },
    );
  });

  // Alive: the process answers (a load balancer restarts an instance that does not).
  app.get('/healthz', (c) => c.json({ ok: true }, 200, { 'Cache-Control': 'no-store' }));
  // Ready: send it requests. The app is made once migrations are done; it stops being ready when
  // the database cannot be reached or the instance is draining to stop.
  app.get('/readyz', async (c) => {
    const noStore = { 'Cache-Control': 'no-store' };
    if (services.lifecycle.draining) return c.json({ ready: false, reason: 'draining' }, 503, noStore);
    try {
      await services.db.query('select 1');
    } catch {
      return c.json({ ready: false, reason: 'database unreachable' }, 503, noStore);
    }
    return c.json({ ready: true }, 200, noStore);
  });

  const api = new Hono<AppEnv>();
  api.use('/api/*', sameOriginWrites);
  api.use('/api/*', loadSession(services));
  ssoRoutes(api, services);
  sessionRoutes(api, services);
  publishedRoutes(api, services);
  recordRoutes(api, services);
  boardRecordRoutes(api, services);
  returnRoutes(api, services);
  section11Routes(api, services);
  peopleRoutes(api, services);
  mailRoutes(api, services);
  signInPolicyRoutes(api, services);
  api.all('/api/*', (c) =>
    c.json(
      {
        message: `There is no ${c.req.method} ${new URL(c.req.url).pathname} in this API.`,
        reference: c.get('requestId'),
      },
      404,
      {
        'Cache-Control': 'no-store',
      },
    ),
  );
  app.route('/', api);

  if (options.config.staticDir) await serveDashboard(app, options.config.staticDir, services);
  return { app, services };
}
