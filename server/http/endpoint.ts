import type { Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { endpoints, idSchema, type EndpointName, type SessionUser } from '../../src/api/contract';
import type { z } from '../../src/api/zod';
import { readDataVersion } from '../auth/sessions';
import type { AppEnv, Services } from './env';
import { forbidden, invalid, notFound, Problem, unauthorised } from './problem';

type Spec = (typeof endpoints)[EndpointName];
type Out<S> = S extends z.ZodMiniType ? z.output<S> : undefined;

export interface Call<E extends EndpointName> {
  c: Context<AppEnv>;
  /** The signed-in person; null only on public endpoints. */
  user: (typeof endpoints)[E] extends { public: true } ? SessionUser | null : SessionUser;
  params: Record<string, string>;
  body: Out<(typeof endpoints)[E] extends { request: infer R } ? R : undefined>;
  query: Out<(typeof endpoints)[E] extends { query: infer Q } ? Q : undefined>;
  services: Services;
}

type Result<E extends EndpointName> = z.output<(typeof endpoints)[E]['response']> | Response;

interface Options<E extends EndpointName> {
  /** Who may call it (public endpoints ignore this). Checked before the body is read. */
  allow: (user: SessionUser, params: Record<string, string>) => boolean;
  /** Published data every reader sees alike: answers are cached by the board's data version. */
  cached?: boolean;
  /** Takes a large body (a whole indicator, a whole return). */
  largeBody?: boolean;
  handler: (call: Call<E>) => Promise<Result<E>>;
}

const SMALL_BODY = 64 * 1024;

function honoPath(path: string): string {
  return `/api/v1${path.replace(/\{(\w+)\}/g, ':$1')}`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Every path parameter of every endpoint is checked here, before the handler and the database see
 * it: a person's id is a UUID (the database's own type, so anything else would be a cast error),
 * every other record's id a slug. A malformed id is a record that does not exist: 404.
 */
function checkParams(path: string, params: Record<string, string>): void {
  for (const [name, value] of Object.entries(params)) {
    const ok =
      path.startsWith('/users/') && name === 'id' ? UUID.test(value) : idSchema.safeParse(value).success;
    if (!ok) throw notFound('That record');
  }
}

function checked(services: Services, name: EndpointName, spec: Spec, body: unknown): unknown {
  if (!services.checkResponses) return body;
  const result = spec.response.safeParse(body);
  if (!result.success) {
    throw new Error(
      `Answer of ${name} breaks the contract: ${JSON.stringify(result.error.issues.slice(0, 3))}`,
    );
  }
  return body;
}

/**
 * Registers one endpoint of the contract: the session and the role are checked first (401, 403),
 * then the path, query and body are validated with the contract's own schemas (404, 422), then
 * the handler runs. Every answer is JSON.
 */
export function endpoint<E extends EndpointName>(
  app: Hono<AppEnv>,
  services: Services,
  name: E,
  options: Options<E>,
): void {
  const spec: Spec = endpoints[name];
  const isPublic = 'public' in spec && spec.public === true;
  const limit = options.largeBody ? services.config.bodyLimitBytes : SMALL_BODY;
  // Only an endpoint that reads a body limits it: the limit reads the request as a web Request,
  // which a read (GET) otherwise never builds (a tenth of a cached read's time, issue 22).
  if ('request' in spec || options.largeBody)
    app.on(
      spec.method,
      honoPath(spec.path),
      bodyLimit({
        maxSize: limit,
        onError: () => {
          throw new Problem(413, `The request is too large (at most ${Math.round(limit / 1024)} kB).`);
        },
      }),
    );
  app.on(spec.method, honoPath(spec.path), async (c: Context<AppEnv>) => {
    const user = c.get('user');
    const params = c.req.param() as Record<string, string>;
    if (!isPublic) {
      if (!user) throw unauthorised();
      if (!options.allow(user, params)) throw forbidden();
    }
    checkParams(spec.path, params);

    let query: unknown;
    if ('query' in spec) {
      const parsed = spec.query.safeParse(Object.fromEntries(new URL(c.req.url).searchParams));
      if (!parsed.success)
        throw invalid(parsed.error.issues, 'The address asks for something this list cannot do');
      query = parsed.data;
    }

    let body: unknown;
    if ('request' in spec) {
      let raw: unknown;
      try {
        raw = await c.req.json();
      } catch {
        throw new Problem(400, 'The request body is not valid JSON.');
      }
      const parsed = spec.request.safeParse(raw);
      if (!parsed.success) throw invalid(parsed.error.issues);
      body = parsed.data;
    }

    if (options.cached) {
      const session = c.get('session');
      const dataVersion = session?.dataVersion ?? (await readDataVersion(services.db));
      const key = `${name}\u0000${JSON.stringify(params)}\u0000${new URL(c.req.url).search}`;
      const entry =
        services.cache.get(key, dataVersion) ??
        services.cache.set(
          key,
          dataVersion,
          checked(
            services,
            name,
            spec,
            await options.handler({ c, user, params, body, query, services } as Call<E>),
          ),
        );
      c.header('ETag', entry.etag);
      c.header('Cache-Control', 'private, no-cache');
      c.header('Vary', 'Cookie, Accept-Encoding');
      if (c.req.header('if-none-match') === entry.etag) return c.body(null, 304);
      const gzip = /\bgzip\b/.test(c.req.header('accept-encoding') ?? '');
      c.header('Content-Type', 'application/json; charset=utf-8');
      if (gzip) c.header('Content-Encoding', 'gzip');
      return c.body((gzip ? entry.gzip : entry.json) as unknown as ArrayBuffer, 200);
    }

    const result = await options.handler({ c, user, params, body, query, services } as Call<E>);
    if (result instanceof Response) return result;
    const status = 'status' in spec ? spec.status : 200;
    c.header('Cache-Control', 'no-store');
    if (status === 204) return c.body(null, 204);
    return c.json(checked(services, name, spec, result) as object, status);
  });
}
