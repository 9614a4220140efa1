import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionSchema, setupLinkSchema, userListSchema, type User } from '../src/api/contract';
import { prepareDatabase } from './bootstrap';
import { readConfig } from './config';
import { PgliteDatabase } from './db/pglite';
import { startService, type Client, type TestService } from './test/service';

let service: TestService;
let admin: Client;

beforeAll(async () => {
  service = await startService();
  admin = await service.as('administrator');
});
afterAll(() => service.close());

const tokenOf = (link: string) => new URL(link).hash.slice(1);

describe('people and roles', () => {
  it('the administrator adds a contributor; their one-time link lets them choose a password and signs them in', async () => {
    const reply = await admin.request('POST', '/users', {
      email: 'Sam.Health@Example.nhs.uk',
      name: 'Sam Health',
      role: 'contributor',
      agencyIds: ['health'],
      actionOwner: null,
    });
    expect(reply.status).toBe(201);
    const { user, link } = setupLinkSchema.parse(reply.body);
    expect(user).toMatchObject({ email: 'sam.health@example.nhs.uk', hasPassword: false, active: true });
    expect(link).toMatch(new RegExp(`^${service.url}/set-password#[\\w-]{43}$`));

    const person = service.anonymous();
    const tooShort = await person.request<{ fieldErrors: Record<string, string[]> }>(
      'POST',
      '/invitations/accept',
      {
        token: tokenOf(link),
        password: 'short',
      },
    );
    expect(tooShort.status).toBe(422);
    expect(tooShort.body.fieldErrors.password).toEqual([
      'Use at least 12 characters: three random words work well',
    ]);

    const accepted = await person.request('POST', '/invitations/accept', {
      token: tokenOf(link),
      password: 'kettle orchard lantern',
    });
    expect(accepted.status).toBe(200);
    expect(sessionSchema.parse(accepted.body).user).toMatchObject({
      role: 'contributor',
      agencyIds: ['health'],
    });
    expect((await person.get('/board')).status).toBe(200);
    // The password chosen is kept only as the service's scrypt hash, at its full cost (2^15).
    const [stored] = await service.db.query<{ password_hash: string }>(
      'select password_hash from app_user where email = $1',
      ['sam.health@example.nhs.uk'],
    );
    expect(stored!.password_hash).toMatch(/^scrypt\$32768\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(stored!.password_hash).not.toContain('kettle');

    const reused = await service.anonymous().request<{ message: string }>('POST', '/invitations/accept', {
      token: tokenOf(link),
      password: 'another long password',
    });
    expect(reused.status).toBe(410);
    expect(reused.body.message).toBe(
      'This link has been used or has expired. Ask the board’s business unit for a new one.',
    );
  });

  it('a contributor needs at least one agency, and an address can have one account', async () => {
    const noAgency = await admin.request<{ fieldErrors: Record<string, string[]> }>('POST', '/users', {
      email: 'x@example.gov.uk',
      name: 'X',
      role: 'contributor',
      agencyIds: [],
      actionOwner: null,
    });
    expect(noAgency.body.fieldErrors.agencyIds).toEqual([
      'Choose at least one agency whose returns this contributor enters',
    ]);
    const taken = await admin.request<{ fieldErrors: Record<string, string[]> }>('POST', '/users', {
      email: 'VIEWER@board.test',
      name: 'Another',
      role: 'viewer',
      agencyIds: [],
      actionOwner: null,
    });
    expect(taken.body.fieldErrors.email).toEqual(['Someone already has an account with this email address']);
  });

  it('a new link replaces the old one (a password reset)', async () => {
    const users = userListSchema.parse((await admin.get('/users')).body).users;
    const sam = users.find((u) => u.email === 'sam.health@example.nhs.uk')!;
    const first = setupLinkSchema.parse(
      (await admin.request('POST', `/users/${sam.id}/setup-link`, {})).body,
    );
    const second = setupLinkSchema.parse(
      (await admin.request('POST', `/users/${sam.id}/setup-link`, {})).body,
    );
    const old = await service.anonymous().request('POST', '/invitations/accept', {
      token: tokenOf(first.link),
      password: 'a long enough password',
    });
    expect(old.status).toBe(410);
    const current = await service.anonymous().request('POST', '/invitations/accept', {
      token: tokenOf(second.link),
      password: 'a long enough password',
    });
    expect(current.status).toBe(200);
  });

  it('an administrator cannot remove their own administrator access', async () => {
    const me = sessionSchema.parse((await admin.get('/session')).body).user;
    const users = userListSchema.parse((await admin.get('/users')).body).users;
    const self = users.find((u) => u.id === me.id)!;
    const reply = await admin.request<{ message: string }>('PATCH', `/users/${self.id}`, {
      name: self.name,
      role: 'viewer',
      agencyIds: [],
      actionOwner: null,
      active: true,
      version: self.version,
    });
    expect(reply.status).toBe(422);
    expect(reply.body.message).toBe(
      'You cannot remove your own administrator access: ask another administrator.',
    );
  });

  it('switching an account off ends its sessions and stops sign-in', async () => {
    const editor = await service.as('editor');
    const users = userListSchema.parse((await admin.get('/users')).body).users;
    const target = users.find((u) => u.email === 'editor@board.test')! as User;
    const reply = await admin.request('PATCH', `/users/${target.id}`, {
      name: target.name,
      role: target.role,
      agencyIds: target.agencyIds,
      actionOwner: target.actionOwner,
      active: false,
      version: target.version,
    });
    expect(reply.status).toBe(200);
    expect((await editor.get('/board')).status).toBe(401);
    await expect(service.as('editor')).rejects.toThrow('Could not sign in as editor: 401');
  });
});

describe('the first run', () => {
  it('with no administrator, a one-time set-up link creates one and signs them in', async () => {
    const db = await PgliteDatabase.open();
    const config = readConfig({ STATIC_DIR: '' });
    const report = await prepareDatabase(db, config);
    expect(report.seeded).toBe(true);
    expect(report.setupToken).toMatch(/^[\w-]{43}$/);
    const fresh = await startService({ db });
    try {
      const visitor = fresh.anonymous();
      expect((await visitor.get('/board')).status).toBe(401);
      const wrong = await visitor.request('POST', '/setup', {
        token: 'x'.repeat(43),
        name: 'Ada',
        email: 'ada@example.gov.uk',
        password: 'correct horse battery',
      });
      expect(wrong.status).toBe(410);
      const reply = await visitor.request('POST', '/setup', {
        token: report.setupToken,
        name: 'Ada Admin',
        email: 'ada@example.gov.uk',
        password: 'correct horse battery',
      });
      expect(reply.status).toBe(201);
      expect(sessionSchema.parse(reply.body).user.role).toBe('administrator');
      expect((await visitor.get('/board')).status).toBe(200);
      const again = await service.anonymous().request('POST', '/setup', {
        token: report.setupToken,
        name: 'Mallory',
        email: 'mallory@example.gov.uk',
        password: 'correct horse battery',
      });
      expect(again.status).toBe(410);
    } finally {
      await fresh.close();
    }
  });

  it('with ADMIN_EMAIL and ADMIN_PASSWORD, creates the administrator; SEED=none loads no demo board', async () => {
    const db = await PgliteDatabase.open();
    const config = readConfig({
      STATIC_DIR: '',
      SEED: 'none',
      ADMIN_EMAIL: 'head@example.gov.uk',
      ADMIN_PASSWORD: 'a very long password',
    });
    const report = await prepareDatabase(db, config);
    expect(report).toMatchObject({ seeded: false, setupToken: null, adminCreated: 'head@example.gov.uk' });
    const fresh = await startService({ db });
    try {
      const client = fresh.anonymous();
      expect(
        (
          await client.request('POST', '/session', {
            email: 'head@example.gov.uk',
            password: 'a very long password',
          })
        ).status,
      ).toBe(200);
      const board = await client.get<{ message: string }>('/board');
      expect(board.status).toBe(404);
      expect(board.body.message).toBe(
        'This board has not been set up yet. An administrator sets it up under Administration, Board settings.',
      );
      expect((await client.get<{ indicators: unknown[] }>('/indicators')).body.indicators).toEqual([]);
    } finally {
      await fresh.close();
    }
  });

  it('refuses a short ADMIN_PASSWORD with a plain configuration message', async () => {
    const db = await PgliteDatabase.open();
    await expect(
      prepareDatabase(db, readConfig({ ADMIN_EMAIL: 'a@example.gov.uk', ADMIN_PASSWORD: 'short' })),
    ).rejects.toThrow('ADMIN_PASSWORD: Use at least 12 characters: three random words work well.');
    await db.close();
  });
});
