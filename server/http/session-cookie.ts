import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { findSession } from '../auth/sessions';
import type { AppEnv, Services } from './env';

/**
 * The session cookie: HttpOnly (no script can read it), SameSite=Lax (not sent with other sites'
 * forms), and Secure with the `__Host-` prefix when the dashboard is reached over HTTPS.
 */
const PLAIN = 'sid';
const SECURE = '__Host-sid';

/**
 * Over HTTPS only the `__Host-` cookie counts: a plain `sid` could have been planted by a page on a
 * sibling subdomain or over plain HTTP (session fixation), which the prefix rules out.
 */
export function readSessionSecret(c: Context<AppEnv>): string | undefined {
  return c.get('secure') ? getCookie(c, SECURE) : getCookie(c, PLAIN);
}

export function setSessionCookie(c: Context<AppEnv>, secret: string, expiresAt: string): void {
  const secure = c.get('secure');
  setCookie(c, secure ? SECURE : PLAIN, secret, {
    httpOnly: true,
    sameSite: 'Lax',
    secure,
    path: '/',
    expires: new Date(expiresAt),
  });
}

export function clearSessionCookie(c: Context<AppEnv>): void {
  deleteCookie(c, PLAIN, { path: '/' });
  deleteCookie(c, SECURE, { path: '/', secure: true });
}

/** Finds who is signed in (if anyone) before any API route runs. */
export function loadSession(services: Services): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const secret = readSessionSecret(c);
    const session = secret
      ? await findSession(services.db, secret, {
          idleMinutes: services.config.sessionIdleMinutes,
          maxHours: services.config.sessionMaxHours,
        })
      : null;
    c.set('session', session);
    c.set('user', session?.user ?? null);
    await next();
  };
}
