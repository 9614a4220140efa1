import { getConnInfo } from '@hono/node-server/conninfo';
import type { MiddlewareHandler } from 'hono';
import type { Config } from '../config';
import { STRICT_CSP } from './content-security-policy.mjs';
import type { AppEnv } from './env';
import { Problem } from './problem';

const first = (header: string | undefined) => header?.split(',')[0]?.trim() || undefined;

/**
 * The client's address from X-Forwarded-For behind `proxies` trusted proxies, each of which appends
 * the address it received from: the entry `proxies` from the end. Anything before it was written
 * by the client and is not believed. Too few entries: the earliest one there is.
 */
export function forwardedFor(header: string | undefined, proxies: number): string | undefined {
  if (!header || proxies < 1) return undefined;
  const entries = header
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  return entries[Math.max(0, entries.length - proxies)];
}

/**
 * Works out the origin the browser used, whether the connection is HTTPS and the client's address:
 * from PUBLIC_URL when set, else from the request, believing X-Forwarded-* only with TRUST_PROXY.
 */
export function requestOrigin(config: Config): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const forwardedProto = config.trustProxy ? first(c.req.header('x-forwarded-proto')) : undefined;
    const forwardedHost = config.trustProxy ? first(c.req.header('x-forwarded-host')) : undefined;
    const proto = forwardedProto ?? new URL(c.req.url).protocol.replace(':', '');
    const host = forwardedHost ?? c.req.header('host') ?? `${config.host}:${config.port}`;
    const origin = config.publicUrl ?? `${proto}://${host}`;
    c.set('origin', origin);
    c.set('secure', origin.startsWith('https://'));
    let address = 'unknown';
    try {
      address = getConnInfo(c).remote.address ?? 'unknown';
    } catch {
      // Not a Node socket (a test calling the app directly).
    }
    c.set('clientAddress', forwardedFor(c.req.header('x-forwarded-for'), config.trustProxy) ?? address);
    await next();
  };
}

/** Security headers on every answer, app and API alike. */
export const securityHeaders: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  const headers = c.res.headers;
  // A page of the app names the stylesheet written into it (static-files.ts); anything else gets
  // the strict policy.
  if (!headers.has('Content-Security-Policy')) headers.set('Content-Security-Policy', STRICT_CSP);
  headers.set('X-Content-Type-Options', 'nosniff');
  headers.set('Referrer-Policy', 'same-origin');
  headers.set('X-Frame-Options', 'DENY');
  headers.set('Cross-Origin-Opener-Policy', 'same-origin');
  headers.set('Cross-Origin-Resource-Policy', 'same-origin');
  headers.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=(), usb=()');
  if (c.get('secure')) headers.set('Strict-Transport-Security', 'max-age=31536000');
  headers.delete('X-Powered-By');
};

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Cross-site request forgery: a write must come from a page of this origin (the browser's Origin
 * header, which a page on another site cannot set) and, when it has a body, be JSON (which an HTML
 * form cannot send). SameSite=Lax cookies are the second line.
 */
export const sameOriginWrites: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (SAFE_METHODS.has(c.req.method)) return next();
  const origin = c.req.header('origin');
  if (!origin || origin !== c.get('origin')) {
    throw new Problem(403, 'This request did not come from the dashboard’s own pages, so it was refused.');
  }
  const length = Number(c.req.header('content-length') ?? '0');
  const hasBody = length > 0 || c.req.header('transfer-encoding') !== undefined;
  const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (hasBody && type !== 'application/json') {
    throw new Problem(415, 'Send the request as JSON (Content-Type: application/json).');
  }
  return next();
};
