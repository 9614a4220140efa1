import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionSchema } from '../src/api/contract';
import { ADDRESS_LIMIT } from './auth/throttle';
import { PASSWORD, people } from './test/fixtures';
import { Client, startService, type TestService } from './test/service';

let service: TestService;

beforeAll(async () => {
  service = await startService();
});
afterAll(() => service.close());

const signIn = (client: Client, email: string, password: string) =>
  client.request<{ message: string }>('POST', '/session', { email, password });

describe('signing in', () => {
  it('sets an HttpOnly, SameSite=Lax session cookie and says who is signed in', async () => {
    const client = service.anonymous();
    const reply = await signIn(client, 'QA@Board.test ', PASSWORD);
    expect(reply.status).toBe(200);
    const cookie = reply.headers.getSetCookie()[0]!;
    expect(cookie).toMatch(/^sid=[\w-]{43};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    expect(cookie).not.toContain('Secure');
    const session = await client.get('/session');
    expect(session.status).toBe(200);
    const parsed = sessionSchema.parse(session.body);
    expect(parsed.user).toEqual({
      id: expect.any(String),
      email: 'qa@board.test',
      name: 'Quinn QA',
      role: 'quality-assurance',
      agencyIds: [],
      actionOwner: null,
    });
    expect(parsed.method).toBe('password');
  });

  it('answers a wrong password and an unknown address with the same plain message', async () => {
    const wrong = await signIn(service.anonymous(), people.editor.email, 'not the password');
    const unknown = await signIn(service.anonymous(), 'nobody@board.test', 'not the password');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.message).toBe('The email address or password is not right.');
    // Alike but for each request's own reference.
    expect({ ...unknown.body, reference: null }).toEqual({ ...wrong.body, reference: null });
  });

  it('slows failed sign-ins, then locks the address for 15 minutes, even for the right password', async () => {
    const email = people.health.email;
    const timings: number[] = [];
    for (let i = 0; i < 4; i += 1) {
      const started = Date.now();
      expect((await signIn(service.anonymous(), email, `wrong ${i}`)).status).toBe(401);
      timings.push(Date.now() - started);
    }
    // 250, 500, 1000, 2000 ms of added delay.
    expect(timings[3]).toBeGreaterThanOrEqual(1900);
    const fifth = await signIn(service.anonymous(), email, 'wrong again');
    expect(fifth.status).toBe(429);
    expect(fifth.headers.get('retry-after')).toBe('900');
    const right = await signIn(service.anonymous(), email, PASSWORD);
    expect(right.status).toBe(429);
    expect(right.body.message).toMatch(
      /^Too many failed sign-ins for this email address\. Try again in 15 minutes/,
    );
    await service.db.query('delete from sign_in_throttle');
  });

  it('never stores a password, only its scrypt hash', async () => {
    const rows = await service.db.query<{ password_hash: string }>('select password_hash from app_user');
    for (const row of rows) {
      // The test people's hashes are made at a lower cost (server/test/template.ts); what the
      // service hashes itself is at 2^15 (people.test.ts, a password chosen from a one-time link).
      expect(row.password_hash).toMatch(/^scrypt\$\d+\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
      expect(row.password_hash).not.toContain(PASSWORD);
    }
  });

  it('refuses a sign-in that is not JSON, or has no password', async () => {
    const client = service.anonymous();
    const form = await client.request('POST', '/session', 'email=a&password=b', {
      'Content-Type': 'application/x-www-form-urlencoded',
    });
    expect(form.status).toBe(415);
    const empty = await client.request<{ fieldErrors: Record<string, string[]> }>('POST', '/session', {
      email: 'a@b.test',
      password: '',
    });
    expect(empty.status).toBe(422);
    expect(empty.body.fieldErrors).toEqual({ password: ['Enter your password'] });
  });
});

describe('a session ends', () => {
  it('on signing out: the cookie is cleared and the old cookie no longer works', async () => {
    const client = await service.as('viewer');
    const cookie = client.cookie;
    const out = await client.request('DELETE', '/session');
    expect(out.status).toBe(204);
    expect(out.headers.getSetCookie().join()).toMatch(/sid=;/);
    const stale = new Client(service.url);
    stale.cookie = cookie;
    expect((await stale.get('/board')).status).toBe(401);
  });

  it('after being idle longer than SESSION_IDLE_MINUTES', async () => {
    const client = await service.as('viewer');
    await service.db.query("update session set last_seen_at = now() - interval '121 minutes'");
    const reply = await client.get<{ message: string }>('/board');
    expect(reply.status).toBe(401);
    expect(reply.body.message).toBe(
      'Sign in to see the board’s data. If you were signed in, your session has ended.',
    );
  });

  it('at its end, however busy', async () => {
    const client = await service.as('editor');
    await service.db.query("update session set expires_at = now() - interval '1 second'");
    expect((await client.get('/board')).status).toBe(401);
  });

  it('when the account is switched off or its role changes', async () => {
    const admin = await service.as('administrator');
    const viewer = await service.as('viewer');
    const users = (await admin.get<{ users: { id: string; email: string; version: number }[] }>('/users'))
      .body.users;
    const target = users.find((u) => u.email === people.viewer.email)!;
    const change = await admin.request('PATCH', `/users/${target.id}`, {
      name: people.viewer.name,
      role: 'editor',
      agencyIds: [],
      actionOwner: null,
      active: true,
      version: target.version,
    });
    expect(change.status).toBe(200);
    expect((await viewer.get('/board')).status).toBe(401);
  });
});

describe('cookies behind an HTTPS reverse proxy', () => {
  it('are Secure with the __Host- prefix when TRUST_PROXY is set and the proxy says https', async () => {
    const proxied = await startService({ env: { TRUST_PROXY: 'true' } });
    try {
      const client = proxied.anonymous();
      const reply = await client.request(
        'POST',
        '/session',
        { email: people.editor.email, password: PASSWORD },
        {
          'X-Forwarded-Proto': 'https',
          'X-Forwarded-Host': 'safeguarding.example.gov.uk',
          Origin: 'https://safeguarding.example.gov.uk',
        },
      );
      expect(reply.status).toBe(200);
      const cookie = reply.headers.getSetCookie()[0]!;
      expect(cookie).toMatch(/^__Host-sid=/);
      expect(cookie).toContain('Secure');
      expect(reply.headers.get('strict-transport-security')).toBe('max-age=31536000');
    } finally {
      await proxied.close();
    }
  });

  it('ignore X-Forwarded-* without TRUST_PROXY', async () => {
    const client = service.anonymous();
    const reply = await client.request(
      'POST',
      '/session',
      { email: people.editor.email, password: PASSWORD },
      { 'X-Forwarded-Proto': 'https', 'X-Forwarded-Host': 'evil.example' },
    );
    expect(reply.status).toBe(200);
    expect(reply.headers.getSetCookie()[0]).toMatch(/^sid=/);
  });
});

describe('many failed sign-ins from one address', () => {
  it('are refused for a while across every account, while successful sign-ins never count', async () => {
    const limited = await startService();
    try {
      // More successful sign-ins than the limit allows failures: none of them counts.
      for (let i = 0; i <= ADDRESS_LIMIT.attempts; i += 1) {
        expect((await limited.as('viewer')).cookie).not.toBeNull();
      }
      // The failures sent at once, as a spraying attack would: the count holds under a burst.
      const failed = await Promise.all(
        Array.from({ length: ADDRESS_LIMIT.attempts }, (_, i) =>
          signIn(limited.anonymous(), `nobody-${i}@board.test`, 'guess'),
        ),
      );
      expect(failed.map((reply) => reply.status)).toEqual(Array(ADDRESS_LIMIT.attempts).fill(401));
      const next = await signIn(limited.anonymous(), people.editor.email, PASSWORD);
      expect(next.status).toBe(429);
      expect(next.body.message).toBe('Too many failed sign-ins from your network. Try again in 10 minutes.');
    } finally {
      await limited.close();
    }
  });
});
