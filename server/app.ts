import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { AddressLimiter } from './auth/throttle';
import type { Config } from './config';
import type { Database } from './db/database';
import type { AppEnv, Logger, Services } from './http/env';
import { Problem } from './http/problem';
import { ReadCache } from './http/read-cache';
import { requestOrigin, sameOriginWrites, securityHeaders } from './http/security';
import { loadSession } from './http/session-cookie';
import { serveDashboard } from './http/static-files';
import { peopleRoutes } from './routes/people';
import { publishedRoutes } from './routes/published';
import { recordRoutes } from './routes/records';
import { returnRoutes } from './routes/returns';
import { sessionRoutes } from './routes/session';
import { ssoRoutes } from './routes/sso';

export interface AppOptions {
  db: Database;
  config: Config;
  log?: Logger;
  checkResponses?: boolean;
  today?: () => string;
}

export const consoleLogger: Logger = {
  info: (message) => console.log(message),
  error: (message, error) => console.error(message, error),
};

const isoToday = () => new Date().toISOString().slice(0, 10);

/** The data service as an HTTP application: the API under /api/v1 and, if built, the dashboard. */
export async function createApp(options: AppOptions): Promise<{ app: Hono<AppEnv>; services: Services }> {
  const services: Services = {
    db: options.db,
    config: options.config,
    log: options.log ?? consoleLogger,
    cache: new ReadCache(),
    signInLimiter: new AddressLimiter(),
    checkResponses: options.checkResponses ?? false,
    today: options.today ?? isoToday,
  };
  const app = new Hono<AppEnv>();

  app.use('*', async (c, next) => {
    c.set('requestId', randomUUID());
    await next();
  });
  app.use('*', requestOrigin(options.config));
  app.use('*', securityHeaders);

  app.onError((error, c) => {
    if (error instanceof Problem) {
      return c.json({ message: error.message, ...error.extra }, error.status as 400, {
        'Cache-Control': 'no-store',
        ...error.headers,
      });
    }
    const reference = c.get('requestId');
    services.log.error(`Request ${reference} ${c.req.method} ${new URL(c.req.url).pathname} failed`, error);
    // Nothing about the failure itself leaves the server: no stack trace, no SQL.
    return c.json(
      {
        message: `The data service had a problem and could not answer. It has been logged (reference ${reference}); try again in a moment.`,
      },
      500,
      { 'Cache-Control': 'no-store' },
    );
  });

  app.get('/healthz', async (c) => {
    await services.db.query('select 1');
    return c.json({ ok: true }, 200, { 'Cache-Control': 'no-store' });
  });

  const api = new Hono<AppEnv>();
  api.use('/api/*', sameOriginWrites);
  api.use('/api/*', loadSession(services));
  ssoRoutes(api, services);
  sessionRoutes(api, services);
  publishedRoutes(api, services);
  recordRoutes(api, services);
  returnRoutes(api, services);
  peopleRoutes(api, services);
  api.all('/api/*', (c) =>
    c.json({ message: `There is no ${c.req.method} ${new URL(c.req.url).pathname} in this API.` }, 404, {
      'Cache-Control': 'no-store',
    }),
  );
  app.route('/', api);

  if (options.config.staticDir) await serveDashboard(app, options.config.staticDir, services);
  return { app, services };
}
