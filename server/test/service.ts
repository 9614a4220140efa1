import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { serve } from '@hono/node-server';
import pg from 'pg';
import { afterAll, beforeAll, inject } from 'vitest';
import { createApp } from '../app';
import { readConfig, type Config } from '../config';
import type { Database } from '../db/database';
import { PgliteDatabase } from '../db/pglite';
import { PostgresDatabase } from '../db/postgres';
import type { Services } from '../http/env';
import { silentLogger } from '../log';
import { auditTrailSchema } from '../../src/api/contract';
import { PASSWORD, people, type TestPerson } from './fixtures';

export interface Reply<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

/** A browser-like client: keeps its session cookie and sends the page's Origin with writes. */
export class Client {
  cookie: string | null = null;

  /** `base` is set later for a client made before its service starts (see `testBoard`). */
  constructor(public base: string) {}

  async request<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Reply<T>> {
    const response = await fetch(`${this.base}/api/v1${path}`, {
      method,
      redirect: 'manual',
      headers: {
        Accept: 'application/json',
        ...(method === 'GET' ? {} : { Origin: this.base }),
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...(this.cookie ? { Cookie: this.cookie } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const setCookie = response.headers.getSetCookie();
    for (const line of setCookie) {
      const [pair] = line.split(';');
      const [name, value] = pair!.split('=');
      if (name === 'sid' || name === '__Host-sid') this.cookie = value ? `${name}=${value}` : null;
    }
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // Not JSON: keep the text, a test may assert on it.
    }
    return { status: response.status, body: parsed as T, headers: response.headers };
  }

  get<T = unknown>(path: string, headers?: Record<string, string>) {
    return this.request<T>('GET', path, undefined, headers);
  }
}

export interface TestService {
  url: string;
  db: Database;
  services: Services;
  config: Config;
  /** A client signed in as one of the test people. */
  as(person: TestPerson): Promise<Client>;
  anonymous(): Client;
  close(): Promise<void>;
}

export const usingPostgres = () => process.env.TEST_DATABASE === 'postgres';

/** A fresh copy of the test database (the demo board and the test people), and how to drop it. */
export async function freshDatabase(): Promise<{ db: Database; drop: () => Promise<void> }> {
  if (!usingPostgres()) {
    const dump = await readFile(inject('pgliteTemplate'));
    const db = await PgliteDatabase.open(undefined, new Blob([dump]));
    return { db, drop: async () => undefined };
  }
  const url = process.env.TEST_DATABASE_URL!;
  const template = inject('postgresTemplate')!;
  const name = `sbd_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name} template ${template}`);
  await admin.end();
  const target = new URL(url);
  target.pathname = `/${name}`;
  const db = await PostgresDatabase.open(target.href, 5);
  return {
    db,
    drop: async () => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

/** Signs `client` in as one of the test people. */
async function signIn(client: Client, person: TestPerson): Promise<Client> {
  const reply = await client.request('POST', '/session', { email: people[person].email, password: PASSWORD });
  if (reply.status !== 200) throw new Error(`Could not sign in as ${person}: ${reply.status}`);
  return client;
}

/**
 * The data service on 127.0.0.1 (a free port) over a fresh copy of the test database: the demo
 * board and the test people, on PGlite or (TEST_DATABASE=postgres) on PostgreSQL. Answers are
 * checked against the contract before they are sent.
 */
export async function startService(
  options: { env?: Record<string, string>; today?: string; db?: Database } = {},
): Promise<TestService> {
  const { db, drop } = options.db ? { db: options.db, drop: async () => undefined } : await freshDatabase();
  const config = readConfig({ STATIC_DIR: '', PORT: '0', ...options.env });
  const { app, services } = await createApp({
    db,
    config,
    log: process.env.SERVER_TEST_LOG ? undefined : silentLogger,
    checkResponses: true,
    ...(options.today ? { today: () => options.today! } : {}),
  });
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(s));
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    db,
    services,
    config,
    anonymous: () => new Client(url),
    as: (person) => signIn(new Client(url), person),
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await db.close();
      await drop();
    },
  };
}

/** The test people by the short names the tests use. */
const shortNames = {
  admin: 'administrator',
  qa: 'quality-assurance',
  editor: 'editor',
  viewer: 'viewer',
  police: 'police',
  health: 'health',
  owner: 'action-owner',
} as const satisfies Record<string, TestPerson>;

/**
 * The service for a test file: started before its tests on a fresh copy of the test database and
 * closed after them, with a client for each test person, signed in when it starts:
 * `const board = testBoard({ today }); const { admin, viewer } = board.people;`
 */
export function testBoard(options: Parameters<typeof startService>[0] = {}) {
  let started: TestService | undefined;
  const people = Object.fromEntries(Object.keys(shortNames).map((name) => [name, new Client('')])) as Record<
    keyof typeof shortNames,
    Client
  >;
  beforeAll(async () => {
    started = await startService(options);
    await Promise.all(
      Object.entries(shortNames).map(([name, person]) =>
        signIn(Object.assign(people[name as keyof typeof shortNames], { base: started!.url }), person),
      ),
    );
  });
  afterAll(() => started?.close());
  return {
    /** The running service (from the first test on). */
    get service(): TestService {
      if (!started) throw new Error('The test board has not started yet');
      return started;
    },
    people,
    /** The audit trail's latest entry, as the administrator reads it. */
    lastEntry: () => lastAuditEntry(people.admin),
  };
}

/** Markup and a spreadsheet formula, to show text is stored as given (and shown as text). */
export const MARKUP = '<img src=x onerror="alert(1)"> <b>bold</b>';
export const FORMULA = '=HYPERLINK("http://evil.example","click")';

/** The audit trail's latest entry, as an administrator reads it. */
export const lastAuditEntry = async (admin: Client) =>
  auditTrailSchema.parse((await admin.get('/audit-trail?limit=1')).body).entries[0]!;
