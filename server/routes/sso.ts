import { createHash } from 'node:crypto';
import type { Context, Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import * as oidc from 'openid-client';
import type { SsoConfig } from '../auth/sso-config';
import { startSession } from '../auth/sessions';
import { endpoint } from '../http/endpoint';
import type { AppEnv, Services } from '../http/env';
import { Problem } from '../http/problem';
import { setSessionCookie } from '../http/session-cookie';
import { recordAudit, SYSTEM, type Actor } from '../store/audit-log';
import type { UserRow } from '../store/users';
import { ssoRequired } from './sign-in-policy';
import { safeNextPath } from '../../src/lib/next-path';

/** Minutes a person has to finish signing in at their organisation. */
const FLOW_MINUTES = 10;
/** Binds a sign-in in progress to the browser that started it (so nobody can finish it for another). */
const FLOW_COOKIE = 'sso_flow';
const CALLBACK = '/api/v1/sso/callback';

const sha256 = (text: string) => createHash('sha256').update(text).digest('base64url');

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** A plain page for the end of a sign-in that did not give a session: what happened and what to do. */
function page(c: Context<AppEnv>, status: 400 | 403 | 502, title: string, message: string) {
  const reference = c.get('requestId');
  return c.html(
    `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title></head>` +
      `<body><main><h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p>` +
      `<p>Reference: ${escapeHtml(reference)}</p><p><a href="/sign-in">Back to sign in</a></p></main></body></html>`,
    status,
    { 'Cache-Control': 'no-store' },
  );
}

/** Discovery is done once, on first use, and tried again if it failed. */
function providerOf(sso: SsoConfig): () => Promise<oidc.Configuration> {
  let pending: Promise<oidc.Configuration> | null = null;
  const issuer = new URL(sso.issuer);
  // Plain http only for a provider on this machine (tests, a local trial); config.ts refuses it otherwise.
  const options = issuer.protocol === 'http:' ? { execute: [oidc.allowInsecureRequests] } : undefined;
  return () => {
    pending ??= oidc.discovery(issuer, sso.clientId, sso.clientSecret, undefined, options).catch((error) => {
      pending = null;
      throw error;
    });
    return pending;
  };
}

interface Refusal {
  title: string;
  message: string;
  audit: string;
}

const refused = (title: string, message: string, audit: string): Refusal => ({ title, message, audit });

/**
 * Single sign-on with OpenID Connect (authorization code with PKCE): GET /sso/start sends the
 * browser to the organisation's sign-in, GET /sso/callback checks its answer and starts the same
 * session a password does. The state, nonce and PKCE verifier are kept in the database (any
 * instance can finish the flow), found by the hash of the state; the state itself is also in a
 * short-lived HttpOnly cookie, so the flow ends only in the browser that began it.
 */
export function ssoRoutes(app: Hono<AppEnv>, services: Services): void {
  const { db, config } = services;
  const sso = config.sso;

  endpoint(app, services, 'signInOptions', {
    allow: () => true,
    handler: async () => ({
      sso: sso ? { label: sso.label, startUrl: '/api/v1/sso/start' } : null,
      passwordRequired: !(await ssoRequired(db, config)),
    }),
  });

  if (!sso) {
    app.get('/api/v1/sso/*', (c) =>
      page(c, 400, 'Single sign-on is not set up', 'Sign in with your email address and password.'),
    );
    return;
  }
  const provider = providerOf(sso);
  const policy = { idleMinutes: config.sessionIdleMinutes, maxHours: config.sessionMaxHours };

  // Passwords only for the break-glass administrator when the board requires single sign-on.
  app.post('/api/v1/session', async (c, next) => {
    if (!(await ssoRequired(db, config))) return next();
    let email = '';
    try {
      const body: unknown = await c.req.json();
      if (body && typeof body === 'object' && 'email' in body && typeof body.email === 'string')
        email = body.email;
    } catch {
      return next();
    }
    if (config.adminEmail && email.trim().toLowerCase() === config.adminEmail.toLowerCase()) return next();
    throw new Problem(403, `This board signs in with ${sso.label} only. Use “Sign in with ${sso.label}”.`);
  });

  const audit = (actor: Actor, action: string, entityId: string, summary: string) =>
    db.transaction((tx) => recordAudit(tx, actor, { action, entityType: 'user', entityId, summary }));

  app.get('/api/v1/sso/start', async (c) => {
    let configuration: oidc.Configuration;
    try {
      configuration = await provider();
    } catch (error) {
      services.log.error(
        `Request ${c.get('requestId')}: the single sign-on provider could not be reached`,
        error,
      );
      return page(
        c,
        502,
        'Sign-in is not available',
        `${sso.label}’s sign-in could not be reached. Try again in a moment, or sign in with a password if you have one.`,
      );
    }
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const verifier = oidc.randomPKCECodeVerifier();
    const returnTo = safeNextPath(c.req.query('next') ?? null);
    await db.query('delete from sso_flow where expires_at < now()');
    await db.query(
      `insert into sso_flow (state_hash, nonce, code_verifier, return_to, expires_at)
       values ($1, $2, $3, $4, now() + make_interval(mins => $5))`,
      [sha256(state), nonce, verifier, returnTo, FLOW_MINUTES],
    );
    setCookie(c, FLOW_COOKIE, state, {
      httpOnly: true,
      sameSite: 'Lax',
      secure: c.get('secure'),
      path: '/api/v1/sso',
      maxAge: FLOW_MINUTES * 60,
    });
    const url = oidc.buildAuthorizationUrl(configuration, {
      redirect_uri: `${c.get('origin')}${CALLBACK}`,
      scope: 'openid email profile',
      state,
      nonce,
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
    });
    return c.redirect(url.href, 303);
  });

  app.get('/api/v1/sso/callback', async (c) => {
    const state = c.req.query('state') ?? '';
    const cookieState = getCookie(c, FLOW_COOKIE);
    deleteCookie(c, FLOW_COOKIE, { path: '/api/v1/sso', secure: c.get('secure') });
    const refuse = async ({ title, message, audit: summary }: Refusal, status: 400 | 403 = 403) => {
      services.log.info(`Request ${c.get('requestId')}: single sign-on refused: ${summary}`);
      await audit(SYSTEM, 'session.sso-refused', 'sso', summary);
      return page(c, status, title, message);
    };
    const startAgain = refused(
      'Sign-in did not finish',
      'This sign-in link has been used, has expired, or was not started in this browser. Go back and choose “Sign in” again.',
      'Single sign-on refused: the sign-in was not one this browser started, or it was used or expired',
    );
    // One use only: the flow is taken out of the database whatever happens next.
    const [flow] = state
      ? await db.query<{ nonce: string; code_verifier: string; return_to: string }>(
          'delete from sso_flow where state_hash = $1 and expires_at > now() returning nonce, code_verifier, return_to',
          [sha256(state)],
        )
      : [];
    if (!flow || cookieState !== state) return refuse(startAgain, 400);

    let claims: (oidc.IDToken & oidc.UserInfoResponse) | undefined;
    try {
      const configuration = await provider();
      const current = new URL(`${c.get('origin')}${CALLBACK}${new URL(c.req.url).search}`);
      const tokens = await oidc.authorizationCodeGrant(configuration, current, {
        pkceCodeVerifier: flow.code_verifier,
        expectedState: state,
        expectedNonce: flow.nonce,
        idTokenExpected: true,
      });
      const idToken = tokens.claims();
      claims = idToken;
      // Some providers put the email in the ID token, others only at the userinfo endpoint.
      if (idToken && (idToken.email === undefined || idToken.email_verified === undefined)) {
        const info = await oidc.fetchUserInfo(configuration, tokens.access_token, idToken.sub);
        claims = {
          ...idToken,
          email: info.email,
          email_verified: info.email_verified,
          name: idToken.name ?? info.name,
        } as typeof claims;
      }
    } catch (error) {
      // The provider's or the library's reason stays in the log, never on the page.
      services.log.info(
        `Request ${c.get('requestId')}: single sign-on answer refused: ${error instanceof Error ? error.message : 'unknown'}`,
      );
      return refuse(
        refused(
          'Sign-in did not finish',
          `${sso.label}’s answer could not be accepted. Go back and choose “Sign in” again; if it happens again, quote the reference below to the board’s business unit.`,
          'Single sign-on refused: the identity provider’s answer did not pass its checks',
        ),
        400,
      );
    }
    if (!claims) return refuse(startAgain, 400);

    const email = typeof claims.email === 'string' ? claims.email.trim().toLowerCase() : '';
    const domain = email.split('@')[1] ?? '';
    if (!email || claims.email_verified !== true) {
      return refuse(
        refused(
          'Your email address is not verified',
          `${sso.label} did not confirm your email address, so it cannot be matched to an account here. Ask your IT team, or the board’s business unit.`,
          `Single sign-on refused for ${email || 'an account with no email'}: email not verified`,
        ),
      );
    }
    if (!sso.emailDomains.includes(domain)) {
      return refuse(
        refused(
          'This organisation cannot sign in here',
          `Accounts at ${domain} cannot sign in to this board. Ask the board’s business unit.`,
          `Single sign-on refused for ${email}: domain not allowed`,
        ),
      );
    }

    const subject = `${claims.iss} ${claims.sub}`;
    const [bySubject] = await db.query<UserRow>('select * from app_user where oidc_subject = $1', [subject]);
    const [byEmail] = bySubject
      ? [bySubject]
      : await db.query<UserRow>('select * from app_user where lower(email) = $1', [email]);
    const user = byEmail;

    if (!user) {
      if (!sso.selfSignUpDomains.includes(domain)) {
        return refuse(
          refused(
            'You have not been invited',
            `There is no account for ${email} on this board. Ask the board’s business unit to invite you.`,
            `Single sign-on refused for ${email}: not invited`,
          ),
        );
      }
      const name =
        typeof claims.name === 'string' && claims.name.trim() ? claims.name.trim().slice(0, 100) : email;
      await db.transaction(async (tx) => {
        const [row] = await tx.query<UserRow>(
          `insert into app_user (email, name, role, agency_ids, action_owner, active, oidc_subject, approval_requested_at)
           values ($1, $2, 'viewer', '[]', null, false, $3, now()) returning *`,
          [email, name, subject],
        );
        await recordAudit(tx, SYSTEM, {
          action: 'user.sso-sign-up',
          entityType: 'user',
          entityId: row!.id,
          summary: `${name} (${email}) asked for a viewer account through single sign-on; it awaits an administrator’s approval`,
          before: null,
          after: { email, name, role: 'viewer', active: false },
        });
      });
      return page(
        c,
        403,
        'Your account is awaiting approval',
        `We have asked for a viewer account for ${email}. An administrator at the board’s business unit will approve it; then sign in again.`,
      );
    }

    if (!user.active && user.approval_requested_at) {
      return refuse(
        refused(
          'Your account is awaiting approval',
          `Your request for a viewer account for ${email} is waiting for an administrator at the board’s business unit. Sign in again once they have approved it.`,
          `Single sign-on refused for ${email}: account awaiting approval`,
        ),
      );
    }
    if (!user.active) {
      return refuse(
        refused(
          'Your account is not active',
          'Your account is waiting for approval or has been switched off. Ask the board’s business unit.',
          `Single sign-on refused for ${email}: account not active`,
        ),
      );
    }
    if (user.oidc_subject && user.oidc_subject !== subject) {
      return refuse(
        refused(
          'This account is linked to another sign-in',
          'Your account here is linked to a different organisation account. Ask the board’s business unit.',
          `Single sign-on refused for ${email}: account linked to another subject`,
        ),
      );
    }
    const actor = { id: user.id, name: user.name, email: user.email };
    if (!user.oidc_subject) {
      await db.transaction(async (tx) => {
        await tx.query('update app_user set oidc_subject = $2 where id = $1', [user.id, subject]);
        await recordAudit(tx, actor, {
          action: 'user.sso-link',
          entityType: 'user',
          entityId: user.id,
          summary: `${user.name}’s account was linked to their ${sso.label} sign-in`,
        });
      });
    }
    const { secret, expiresAt } = await startSession(db, user.id, 'sso', policy);
    await audit(actor, 'session.sso', user.id, `${user.name} signed in with ${sso.label}`);
    setSessionCookie(c, secret, expiresAt);
    return c.redirect(flow.return_to, 303);
  });
}
