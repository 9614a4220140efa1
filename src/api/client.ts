import type * as Contract from './contract';
import type { EndpointSpec } from './contract';
import {
  ConflictError,
  ContractError,
  HttpError,
  NetworkError,
  SignInRequiredError,
  TimeoutError,
} from './errors';
import { formatPath } from './errors';
import type { z } from './zod';
import { loadOnce } from '../lib/load-once';

/**
 * How long a request may go unanswered before the dashboard says the data service is not
 * answering. A request that times out is not retried, so the message comes at this time exactly
 * (a read that fails fast, a dropped connection or a server error, is retried once, a second later).
 */
export const REQUEST_TIMEOUT_MS = 19_000;

/** Where the board's API lives. Set VITE_API_BASE_URL at build time; `/api/v1` by default. */
export function apiBaseUrl(): string {
  const configured = import.meta.env.VITE_API_BASE_URL;
  const base = configured && configured.trim() !== '' ? configured.trim() : '/api/v1';
  // Resolve a relative base against the page, so the URL is absolute wherever fetch runs.
  const absolute = typeof location === 'undefined' ? base : new URL(base, location.href).href;
  return absolute.replace(/\/+$/, '');
}

/**
 * The contract, loaded with the first call rather than with the page: building its schemas is the
 * costliest part of starting the app, and a page the data service drew needs none of them to show.
 * If its code cannot be loaded (see describeError), the call fails and the next one tries again.
 */
export const loadContract: () => Promise<typeof Contract> = loadOnce(() => import('./contract'));

type Endpoints = typeof Contract.endpoints;
type EndpointName = keyof Endpoints;
export type ResponseOf<E extends EndpointName> = z.output<Endpoints[E]['response']>;
export type RequestOf<E extends EndpointName> = Endpoints[E] extends {
  request: infer R extends z.ZodMiniType;
}
  ? z.input<R>
  : never;
type QueryOf<E extends EndpointName> = Endpoints[E] extends { query: infer Q extends z.ZodMiniType }
  ? z.input<Q>
  : never;

interface CallOptions<Q = Record<string, string | undefined>> {
  params?: Record<string, string>;
  query?: Q;
  signal?: AbortSignal;
  timeoutMs?: number;
}

function buildUrl(path: string, params: Record<string, string> = {}, query: object = {}): string {
  const filled = path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`Missing path parameter "${name}" for ${path}`);
    return encodeURIComponent(value);
  });
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const qs = search.toString();
  return `${apiBaseUrl()}${filled}${qs ? `?${qs}` : ''}`;
}

async function send(
  url: string,
  init: RequestInit,
  endpoint: EndpointSpec,
  { signal, timeoutMs = REQUEST_TIMEOUT_MS }: CallOptions<unknown>,
): Promise<unknown> {
  // A timer of our own (not AbortSignal.timeout), so tests can move time on with fake timers. It
  // runs until the whole body has arrived: a body that stalls half way is as bad as no answer.
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), timeoutMs);
  const combined = signal ? AbortSignal.any([signal, timeout.signal]) : timeout.signal;
  const failed = (cause: unknown) => {
    if (signal?.aborted) return cause; // the caller cancelled; not a failure to report
    if (timeout.signal.aborted) return new TimeoutError(url, timeoutMs);
    return new NetworkError(url, { cause });
  };
  try {
    let response: Response;
    try {
      response = await fetch(url, {
        ...init,
        // A council's API sits behind its sign-in: send the browser's cookies, even cross-origin.
        credentials: 'include',
        headers: { Accept: 'application/json', ...init.headers },
        // Never follow a redirect with the person's cookies: an API that redirects is sending the
        // dashboard to a sign-in page (or somewhere it should not go), and is reported as such.
        redirect: 'manual',
        signal: combined,
      });
    } catch (cause) {
      throw failed(cause);
    }
    if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)) {
      throw new SignInRequiredError(url, 'redirect');
    }
    let text: string;
    try {
      text = await response.text();
    } catch (cause) {
      throw failed(cause);
    }
    const json = (): unknown => {
      try {
        return JSON.parse(text);
      } catch {
        return undefined;
      }
    };
    const { conflictBodySchema, errorBodySchema } = await loadContract();
    if (response.status === 409 && endpoint.versioned) {
      const conflict = conflictBodySchema.safeParse(json());
      const current = conflict.success ? endpoint.response.safeParse(conflict.data.current) : null;
      if (!conflict.success || !current?.success) {
        throw new ContractError(url, conflict.success ? current!.error!.issues : conflict.error.issues);
      }
      throw new ConflictError(url, conflict.data.message, current.data);
    }
    if (!response.ok) {
      const body = errorBodySchema.safeParse(json());
      throw new HttpError(
        url,
        response.status,
        body.success ? body.data.message : null,
        body.success ? (body.data.fieldErrors ?? {}) : {},
        (body.success ? body.data.reference : undefined) ?? response.headers.get('x-request-id'),
      );
    }
    if (response.status === 204) return null;
    // A single sign-on proxy in front of the API answers 200 with its login page.
    if (/^text\/html\b/i.test(response.headers.get('content-type') ?? '')) {
      throw new SignInRequiredError(url, 'html');
    }
    const body = json();
    if (body === undefined) {
      throw new ContractError(url, [
        { code: 'custom', path: [], message: 'The response is not valid JSON', input: undefined },
      ]);
    }
    return body;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Items of a list that broke the contract and were left out, so one bad record does not blank
 * the whole list. Carried on the list's answer as `skipped` (a plain property, so it survives the
 * query cache's structural sharing).
 */
export interface SkippedItems {
  count: number;
  /** For the data team: which item and field, and what is wrong. */
  technical: string[];
}
export type WithSkipped<T> = T & { skipped?: SkippedItems };

interface ZodInternals {
  _zod: { def: { type: string; shape?: Record<string, ZodInternals>; element?: z.ZodMiniType } };
}

/**
 * A list answer with some items that break the contract: the items that keep it, and what was
 * left out. Null when the answer is not a list, or is wrong beyond its items.
 */
function parsePartially<S extends z.ZodMiniType>(
  schema: S,
  json: unknown,
  key: string,
): WithSkipped<z.output<S>> | null {
  const def = (schema as unknown as ZodInternals)._zod.def;
  const field = def.shape?.[key];
  const element = field?._zod.def.element;
  if (!element || typeof json !== 'object' || json === null) return null;
  const items = (json as Record<string, unknown>)[key];
  if (!Array.isArray(items)) return null;
  const technical: string[] = [];
  const kept = {
    ...(json as Record<string, unknown>),
    [key]: items.filter((item, index) => {
      const result = element.safeParse(item);
      if (!result.success) {
        const issue = result.error.issues[0];
        const field = issue && issue.path.length > 0 ? `.${formatPath(issue.path)}` : '';
        technical.push(`${key}[${index}]${field}: ${issue?.message ?? 'invalid'}`);
      }
      return result.success;
    }),
  };
  const rest = schema.safeParse(kept);
  if (!rest.success || technical.length === 0) return null;
  return { ...(rest.data as object), skipped: { count: technical.length, technical } } as WithSkipped<
    z.output<S>
  >;
}

function parse<S extends z.ZodMiniType>(
  schema: S,
  url: string,
  json: unknown,
  list?: string,
): WithSkipped<z.output<S>> {
  const result = schema.safeParse(json);
  if (result.success) return result.data as WithSkipped<z.output<S>>;
  const partial = list ? parsePartially(schema, json, list) : null;
  if (partial) return partial;
  throw new ContractError(url, result.error.issues, json);
}

/** Read a resource; the response is checked against the contract before anyone sees it. */
export async function apiGet<E extends EndpointName>(
  name: E,
  options: CallOptions<QueryOf<E>> = {},
): Promise<WithSkipped<ResponseOf<E>>> {
  const { endpoints } = await loadContract();
  const endpoint: EndpointSpec = endpoints[name];
  const url = buildUrl(endpoint.path, options.params, options.query ?? {});
  const json = await send(url, { method: 'GET' }, endpoint, options);
  return parse(endpoint.response, url, json, endpoint.list) as WithSkipped<ResponseOf<E>>;
}

/** Write to a resource with a body that the contract's request schema accepts. */
export async function apiSend<E extends EndpointName>(
  name: E,
  body: RequestOf<E> | (Endpoints[E] extends { request: z.ZodMiniType } ? never : undefined),
  options: CallOptions = {},
): Promise<ResponseOf<E>> {
  const { endpoints } = await loadContract();
  const endpoint: EndpointSpec = endpoints[name];
  const url = buildUrl(endpoint.path, options.params);
  const json = await send(
    url,
    {
      method: endpoint.method,
      body: body === undefined ? undefined : JSON.stringify(body),
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    },
    endpoint,
    options,
  );
  return parse(endpoint.response, url, json) as ResponseOf<E>;
}
