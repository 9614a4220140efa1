import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sessionSchema, signInPolicySchema, userListSchema } from '../src/api/contract';
import { PASSWORD } from './test/fixtures';
import { Browser, CLIENT_ID, CLIENT_SECRET, TestProvider } from './test/oidc-provider';
import { Client, startService, type TestService } from './test/service';

let provider: TestProvider;
let service: TestService;

beforeAll(async () => {
  provider = await TestProvider.start();
  service = await startService({
    env: {
      OIDC_ISSUER: provider.issuer,
      OIDC_CLIENT_ID: CLIENT_ID,
      OIDC_CLIENT_SECRET: CLIENT_SECRET,
      OIDC_LABEL: 'Board Council',
      OIDC_EMAIL_DOMAINS: 'board.test,trust.nhs.test',
      OIDC_SELF_SIGN_UP_DOMAINS: 'trust.nhs.test',
    },
  });
  await provider.attach(service.url, {
    pat: { email: 'Police@board.test', email_verified: true, name: 'Pat Police' },
    stranger: { email: 'stranger@board.test', email_verified: true, name: 'Sam Stranger' },
    unverified: { email: 'viewer@board.test', email_verified: false, name: 'Vic Viewer' },
    nurse: { email: 'nurse@trust.nhs.test', email_verified: true, name: 'Nia Nurse' },
    midwife: { email: 'midwife@trust.nhs.test', email_verified: true, name: 'Mo Midwife' },
    porter: { email: 'porter@trust.nhs.test', email_verified: true, name: 'Pip Porter' },
  });
});
afterAll(async () => {
  await service?.close();
  await provider?.close();
});
afterEach(() => {
  provider.tamper = null;
});

/** Visits the callback the provider sent the browser to; the service's session cookie, if any, is kept. */
async function finish(browser: Browser, callback: string) {
  const response = await browser.fetch(callback);
  return { status: response.status, location: response.headers.get('location'), html: await response.text() };
}

function sessionClient(browser: Browser): Client {
  const client = new Client(service.url);
  const sid = browser.cookies(service.url).get('sid');
  client.cookie = sid ? `sid=${sid}` : null;
  return client;
}

const auditActions = async () =>
  (
    await service.db.query<{ action: string; summary: string }>(
      'select action, summary from audit_entry order by id',
    )
  ).map((row) => `${row.action}: ${row.summary}`);

describe('single sign-on', () => {
  it('says on the sign-in options that the board signs in with its organisation', async () => {
    const reply = await service.anonymous().get('/sign-in-options');
    expect(reply.body).toEqual({
      sso: { label: 'Board Council', startUrl: '/api/v1/sso/start' },
      passwordRequired: true,
    });
  });

  it('lands an invited person in the account they were invited to, linked and audited', async () => {
    const browser = new Browser();
    const callback = await browser.signInAtProvider(service.url, 'pat');
    const end = await finish(browser, callback);
    expect(end.status).toBe(303);
    expect(end.location).toBe('/');
    const session = sessionSchema.parse((await sessionClient(browser).get('/session')).body);
    expect(session.method).toBe('sso');
    expect(session.user).toMatchObject({ email: 'police@board.test', role: 'contributor' });
    const actions = await auditActions();
    expect(actions).toContainEqual(expect.stringMatching(/^user\.sso-link: Pat Police/));
    expect(actions).toContainEqual('session.sso: Pat Police signed in with Board Council');
  });

  it('refuses someone who was not invited, with a clear page, and records it', async () => {
    const browser = new Browser();
    const end = await finish(browser, await browser.signInAtProvider(service.url, 'stranger'));
    expect(end.status).toBe(403);
    expect(end.html).toContain('<h1>You have not been invited</h1>');
    expect(browser.cookies(service.url).has('sid')).toBe(false);
    expect(await auditActions()).toContainEqual(
      'session.sso-refused: Single sign-on refused for stranger@board.test: not invited',
    );
  });

  it('refuses a tampered state', async () => {
    const browser = new Browser();
    const callback = new URL(await browser.signInAtProvider(service.url, 'pat'));
    callback.searchParams.set('state', `${callback.searchParams.get('state')}x`);
    const end = await finish(browser, callback.href);
    expect(end.status).toBe(400);
    expect(end.html).toContain('<h1>Sign-in did not finish</h1>');
    expect(browser.cookies(service.url).has('sid')).toBe(false);
  });

  it('refuses a replayed code', async () => {
    const browser = new Browser();
    const callback = await browser.signInAtProvider(service.url, 'pat');
    const flowCookie = browser.cookies(service.url).get('sso_flow')!;
    expect((await finish(browser, callback)).status).toBe(303);
    // The same answer again, even with the browser's flow cookie put back.
    const attacker = new Browser();
    attacker.cookies(service.url).set('sso_flow', flowCookie);
    const again = await finish(attacker, callback);
    expect(again.status).toBe(400);
    expect(attacker.cookies(service.url).has('sid')).toBe(false);
  });

  it('refuses an ID token issued for another client', async () => {
    provider.tamper = (claims) => ({ ...claims, aud: 'another-client', azp: 'another-client' });
    const browser = new Browser();
    const end = await finish(browser, await browser.signInAtProvider(service.url, 'pat'));
    expect(end.status).toBe(400);
    expect(end.html).toContain('answer could not be accepted');
    expect(browser.cookies(service.url).has('sid')).toBe(false);
  });

  it('refuses an expired ID token', async () => {
    const now = Math.floor(Date.now() / 1000);
    provider.tamper = (claims) => ({ ...claims, iat: now - 7200, exp: now - 3600 });
    const browser = new Browser();
    const end = await finish(browser, await browser.signInAtProvider(service.url, 'pat'));
    expect(end.status).toBe(400);
    expect(end.html).toContain('answer could not be accepted');
    expect(browser.cookies(service.url).has('sid')).toBe(false);
  });

  it('refuses an email address the provider has not verified', async () => {
    const browser = new Browser();
    const end = await finish(browser, await browser.signInAtProvider(service.url, 'unverified'));
    expect(end.status).toBe(403);
    expect(end.html).toContain('<h1>Your email address is not verified</h1>');
    expect(browser.cookies(service.url).has('sid')).toBe(false);
  });

  it('gives someone from a self sign-up domain a viewer account awaiting approval', async () => {
    const browser = new Browser();
    const end = await finish(browser, await browser.signInAtProvider(service.url, 'nurse'));
    expect(end.status).toBe(403);
    expect(end.html).toContain('<h1>Your account is awaiting approval</h1>');
    expect(browser.cookies(service.url).has('sid')).toBe(false);
    const admin = await service.as('administrator');
    const { users } = userListSchema.parse((await admin.get('/users')).body);
    expect(users.find((u) => u.email === 'nurse@trust.nhs.test')).toMatchObject({
      name: 'Nia Nurse',
      role: 'viewer',
      active: false,
    });
  });
});

describe('accounts awaiting approval', () => {
  const requestAccount = async (who: string) => {
    const browser = new Browser();
    const end = await finish(browser, await browser.signInAtProvider(service.url, who));
    expect(end.html).toContain('<h1>Your account is awaiting approval</h1>');
    return browser;
  };
  const listed = async (email: string) => {
    const admin = await service.as('administrator');
    const { users } = userListSchema.parse((await admin.get('/users')).body);
    return { admin, user: users.find((u) => u.email === email)! };
  };

  it('keeps an account awaiting approval from the board’s data until an administrator approves it', async () => {
    await requestAccount('midwife');
    const { admin, user } = await listed('midwife@trust.nhs.test');
    expect(user).toMatchObject({ role: 'viewer', active: false, awaitingApproval: true });

    // Signing in again before approval: told it is waiting, no session, no data.
    const early = new Browser();
    const waiting = await finish(early, await early.signInAtProvider(service.url, 'midwife'));
    expect(waiting.status).toBe(403);
    expect(waiting.html).toContain('<h1>Your account is awaiting approval</h1>');
    expect(early.cookies(service.url).has('sid')).toBe(false);
    expect((await sessionClient(early).get('/indicators')).status).toBe(401);

    // Only an administrator approves (the authorisation matrix checks every role); a stale version is refused.
    const qa = await service.as('quality-assurance');
    expect((await qa.request('POST', `/users/${user.id}/approval`, { version: user.version })).status).toBe(
      403,
    );
    expect(
      (await admin.request('POST', `/users/${user.id}/approval`, { version: user.version - 1 })).status,
    ).toBe(409);
    const approved = await admin.request('POST', `/users/${user.id}/approval`, { version: user.version });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ active: true, awaitingApproval: false, role: 'viewer' });
    expect(await auditActions()).toContainEqual(
      'user.approve: Approved Mo Midwife’s (midwife@trust.nhs.test) account as viewer',
    );

    const browser = new Browser();
    const end = await finish(browser, await browser.signInAtProvider(service.url, 'midwife'));
    expect(end.status).toBe(303);
    const client = sessionClient(browser);
    expect(sessionSchema.parse((await client.get('/session')).body).user.role).toBe('viewer');
    expect((await client.get('/indicators')).status).toBe(200);
  });

  it('refuses an account awaiting approval: it stays switched off and cannot be decided on twice', async () => {
    await requestAccount('porter');
    const { admin, user } = await listed('porter@trust.nhs.test');
    const refused = await admin.request('POST', `/users/${user.id}/refusal`, { version: user.version });
    expect(refused.status).toBe(200);
    expect(refused.body).toMatchObject({ active: false, awaitingApproval: false });
    expect(await auditActions()).toContainEqual(
      'user.refuse: Refused Pip Porter’s (porter@trust.nhs.test) request for an account',
    );
    const again = await admin.request('POST', `/users/${user.id}/approval`, { version: user.version + 1 });
    expect(again.status).toBe(409);

    const browser = new Browser();
    const end = await finish(browser, await browser.signInAtProvider(service.url, 'porter'));
    expect(end.status).toBe(403);
    expect(end.html).toContain('<h1>Your account is not active</h1>');
    expect(browser.cookies(service.url).has('sid')).toBe(false);
  });
});

describe('single sign-on required', () => {
  it('refuses passwords except for the break-glass administrator', async () => {
    const required = await startService({
      env: {
        OIDC_ISSUER: provider.issuer,
        OIDC_CLIENT_ID: CLIENT_ID,
        OIDC_CLIENT_SECRET: CLIENT_SECRET,
        OIDC_EMAIL_DOMAINS: 'board.test',
        SSO_REQUIRED: 'true',
        ADMIN_EMAIL: 'admin@board.test',
        ADMIN_PASSWORD: 'not used by this test',
      },
    });
    try {
      const refused = await required.anonymous().request('POST', '/session', {
        email: 'qa@board.test',
        password: 'test password 1234',
      });
      expect(refused.status).toBe(403);
      await expect(required.as('administrator')).resolves.toBeInstanceOf(Client);
    } finally {
      await required.close();
    }
  });

  it('is a setting the administrator turns on and off, audited, keeping the break-glass administrator’s password', async () => {
    const board = await startService({
      env: {
        OIDC_ISSUER: provider.issuer,
        OIDC_CLIENT_ID: CLIENT_ID,
        OIDC_CLIENT_SECRET: CLIENT_SECRET,
        OIDC_EMAIL_DOMAINS: 'board.test',
        ADMIN_EMAIL: 'admin@board.test',
        ADMIN_PASSWORD: 'not used by this test',
      },
    });
    const qaPassword = () =>
      board.anonymous().request('POST', '/session', { email: 'qa@board.test', password: PASSWORD });
    try {
      const admin = await board.as('administrator');
      const policy = signInPolicySchema.parse((await admin.get('/admin/sign-in-policy')).body);
      expect(policy).toEqual({
        ssoRequired: false,
        requiredByEnvironment: false,
        ssoAvailable: true,
        breakGlassEmail: 'admin@board.test',
        version: 1,
      });
      expect((await qaPassword()).status).toBe(200);

      const on = await admin.request('PUT', '/admin/sign-in-policy', { ssoRequired: true, version: 1 });
      expect(on.status).toBe(200);
      expect((await board.anonymous().get('/sign-in-options')).body).toMatchObject({
        passwordRequired: false,
      });
      const refused = await qaPassword();
      expect(refused.status).toBe(403);
      expect(refused.body).toMatchObject({ message: expect.stringContaining('signs in with') });
      await expect(board.as('administrator')).resolves.toBeInstanceOf(Client);
      const stale = await admin.request('PUT', '/admin/sign-in-policy', { ssoRequired: false, version: 1 });
      expect(stale.status).toBe(409);

      const off = await admin.request('PUT', '/admin/sign-in-policy', { ssoRequired: false, version: 2 });
      expect(off.status).toBe(200);
      expect((await qaPassword()).status).toBe(200);
      const actions = (
        await board.db.query<{ action: string }>(
          `select action from audit_entry where entity_id = 'sign-in-policy' order by id`,
        )
      ).map((r) => r.action);
      expect(actions).toEqual(['board.sso-required', 'board.passwords-allowed']);
    } finally {
      await board.close();
    }
  });

  it('cannot be required without a break-glass administrator (ADMIN_EMAIL)', async () => {
    const admin = await service.as('administrator');
    const reply = await admin.request('PUT', '/admin/sign-in-policy', { ssoRequired: true, version: 1 });
    expect(reply.status).toBe(422);
    expect(reply.body).toMatchObject({
      fieldErrors: { ssoRequired: [expect.stringContaining('Set ADMIN_EMAIL and ADMIN_PASSWORD first')] },
    });
    expect((await service.anonymous().get('/sign-in-options')).body).toMatchObject({
      passwordRequired: true,
    });
  });
});
