import { endpoints, type EndpointSpec } from './contract';
import { ConflictError, ContractError, HttpError, NetworkError, TimeoutError } from './errors';
import { conflictBodySchema, errorBodySchema } from './contract/common';
import type { z } from './zod';

const DEFAULT_TIMEOUT_MS = 15_000;

/** Where the board's API lives. Set VITE_API_BASE_URL at build time; `/api/v1` by default. */
export function apiBaseUrl(): string {
  const configured = import.meta.env.VITE_API_BASE_URL;
  const base = configured && configured.trim() !== '' ? configured.trim() : '/api/v1';
  // Resolve a relative base against the page, so the URL is absolute wherever fetch runs.
  const absolute = typeof location === 'undefined' ? base : new URL(base, location.href).href;
  return absolute.replace(/\/+$/, '');
}

type Endpoints = typeof endpoints;
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
  { signal, timeoutMs = DEFAULT_TIMEOUT_MS }: CallOptions<unknown>,
): Promise<unknown> {
  const timeout = AbortSignal.timeout(timeoutMs);
  const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
  let response: Response;
  try {
    response = await fetch(url, {
      ...init,
      // A council's API sits behind its sign-in: send the browser's cookies, even cross-origin.
      credentials: 'include',
      headers: { Accept: 'application/json', ...init.headers },
      signal: combined,
    });
  } catch (cause) {
    if (signal?.aborted) throw cause; // the caller cancelled; not a failure to report
    if (timeout.aborted) throw new TimeoutError(url, timeoutMs);
    throw new NetworkError(url, { cause });
  }
  if (response.status === 409 && endpoint.versioned) {
    const conflict = conflictBodySchema.safeParse(await response.json().catch(() => null));
    const current = conflict.success ? endpoint.response.safeParse(conflict.data.current) : null;
    if (!conflict.success || !current?.success) {
      throw new ContractError(url, conflict.success ? current!.error!.issues : conflict.error.issues);
    }
    throw new ConflictError(url, conflict.data.message, current.data);
  }
  if (!response.ok) {
    const body = errorBodySchema.safeParse(await response.json().catch(() => null));
    throw new HttpError(
      url,
      response.status,
      body.success ? body.data.message : null,
      body.success ? (body.data.fieldErrors ?? {}) : {},
    );
  }
  if (response.status === 204) return null;
  try {
    return await response.json();
  } catch {
    throw new ContractError(url, [
      { code: 'custom', path: [], message: 'The response is not valid JSON', input: undefined },
    ]);
  }
}

function parse<S extends z.ZodMiniType>(schema: S, url: string, json: unknown): z.output<S> {
  const result = schema.safeParse(json);
  if (!result.success) throw new ContractError(url, result.error.issues);
  return result.data;
}

/** Read a resource; the response is checked against the contract before anyone sees it. */
export async function apiGet<E extends EndpointName>(
  name: E,
  options: CallOptions<QueryOf<E>> = {},
): Promise<ResponseOf<E>> {
  const endpoint: EndpointSpec = endpoints[name];
  const url = buildUrl(endpoint.path, options.params, options.query ?? {});
  const json = await send(url, { method: 'GET' }, endpoint, options);
  return parse(endpoint.response, url, json) as ResponseOf<E>;
}

/** Write to a resource with a body that the contract's request schema accepts. */
export async function apiSend<E extends EndpointName>(
  name: E,
  body: RequestOf<E> | (Endpoints[E] extends { request: z.ZodMiniType } ? never : undefined),
  options: CallOptions = {},
): Promise<ResponseOf<E>> {
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
