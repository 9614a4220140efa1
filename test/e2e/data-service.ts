import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { APIRequestContext, Browser, Page } from '@playwright/test';

const root = resolve(import.meta.dirname, '../..');

/**
 * The budget of a hook or test that starts (or restarts) a data service and sets its board up: a
 * ceiling for one that hangs, not a wait. A new embedded database, and each person's password hashed, take some seconds
 * on a quiet machine; with three suites side by side (load average over 30), one such hook took
 * more than 120 s (issue 20).
 */
export const SERVICE_SETUP_BUDGET = 300_000;

export const ADMIN = { email: 'business.unit@example.gov.uk', password: 'correct horse battery staple' };

export interface DataService {
  url: string;
  dataDir: string;
  output: () => string;
  /** Stops the process: SIGTERM lets it close the database; SIGKILL is a crash. */
  stop: (signal?: NodeJS.Signals) => Promise<void>;
}

/**
 * The built data service (`dist-server/main.js`, serving `dist/`) on a free port, on an embedded
 * database in a folder of its own (kept across a restart when the same folder is given).
 */
/** Set by the global setup: a data folder with the demo board and ADMIN, made once for the run. */
export const TEMPLATE_ENV = 'SBD_E2E_DATA_TEMPLATE';

/** Settings that make a database other than the template's. */
const OWN_DATABASE = ['SEED', 'DATABASE_URL', 'ADMIN_EMAIL', 'ADMIN_PASSWORD', 'ADMIN_NAME'];

/**
 * A new data folder: a copy of the run's template when the service would make the same one
 * (the demo board and ADMIN), which opens in under a second where a new embedded database takes
 * several (and over thirty on a busy machine); otherwise an empty folder.
 */
function newDataDir(env: Record<string, string> = {}): string {
  const dataDir = mkdtempSync(join(tmpdir(), 'sbd-e2e-'));
  const template = process.env[TEMPLATE_ENV];
  if (template && existsSync(template) && !OWN_DATABASE.some((name) => name in env)) {
    cpSync(template, dataDir, { recursive: true });
  }
  return dataDir;
}

export async function startDataService(
  options: { dataDir?: string; env?: Record<string, string> } = {},
): Promise<DataService> {
  const dataDir = options.dataDir ?? newDataDir(options.env);
  let output = '';
  const child: ChildProcess = spawn(process.execPath, ['dist-server/main.js'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      ADMIN_NAME: 'Bea Business-Unit',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const url = await new Promise<string>((done, fail) => {
    // Longer than a hook's budget: a new embedded database on a busy machine is slow, and the
    // hook's own limit is the one that should speak.
    const timer = setTimeout(
      () => fail(new Error(`The data service did not start:\n${output}`)),
      SERVICE_SETUP_BUDGET + 50_000,
    );
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      // Started once it names the dashboard; the address it listens on may differ (PUBLIC_URL).
      const match = output.includes('Dashboard: ') ? /listening on (http:\/\/[^\s"]+)\./.exec(output) : null;
      if (match) {
        clearTimeout(timer);
        done(match[1]!);
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.once('exit', (code) => fail(new Error(`The data service stopped (${code}):\n${output}`)));
  });
  return {
    url,
    dataDir,
    output: () => output,
    async stop(signal = 'SIGTERM') {
      child.kill(signal);
      await exited;
    },
  };
}

export function removeDataDir(dir: string) {
  rmSync(dir, { recursive: true, force: true });
}

export async function signIn(page: Page, service: DataService, email: string, password: string) {
  await page.goto(`${service.url}/sign-in`);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
}

/** A new person made through the API as the administrator would, who has then chosen a password. */
export async function addPerson(
  request: APIRequestContext,
  service: DataService,
  person: { email: string; name: string; role: string; agencyIds?: string[]; actionOwner?: string | null },
  password: string,
): Promise<void> {
  const headers = { Origin: service.url, 'Content-Type': 'application/json' };
  const admin = await request.post(`${service.url}/api/v1/session`, { headers, data: ADMIN });
  if (!admin.ok()) throw new Error(`admin sign-in failed: ${admin.status()}`);
  const created = await request.post(`${service.url}/api/v1/users`, {
    headers,
    data: { agencyIds: [], actionOwner: null, ...person },
  });
  if (created.status() !== 201) throw new Error(`adding ${person.email} failed: ${await created.text()}`);
  const { link } = (await created.json()) as { link: string };
  const accepted = await request.post(`${service.url}/api/v1/invitations/accept`, {
    headers,
    data: { token: new URL(link).hash.slice(1), password },
  });
  if (!accepted.ok()) throw new Error(`accepting ${person.email}'s link failed: ${await accepted.text()}`);
  await request.delete(`${service.url}/api/v1/session`, { headers: { Origin: service.url } });
}

export async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  return context.newPage();
}
