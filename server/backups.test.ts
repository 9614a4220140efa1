import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { backup, restore } from './backups';
import { prepareDatabase } from './bootstrap';
import { readConfig } from './config';
import type { Database } from './db/database';
import { PgliteDatabase } from './db/pglite';
import { PostgresDatabase } from './db/postgres';
import { usingPostgres } from './test/service';

const dirs: string[] = [];
const temp = () => {
  const dir = mkdtempSync(join(tmpdir(), 'sbd-backup-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A write the backup must carry: an audit recorded as completed with 7 cases. */
async function recordAudit(db: Database) {
  await db.query(
    `update audit set status = 'completed', completed_date = '2017-11-30', cases_audited = 7,
       grades = '{"outstanding":0,"good":4,"requiresImprovement":3,"inadequate":0}', version = version + 1
     where id = 'macfa-disabled-children-2017'`,
  );
}

const auditState = async (db: Database) =>
  (
    await db.query<{ status: string; cases_audited: number }>(
      "select status, cases_audited from audit where id = 'macfa-disabled-children-2017'",
    )
  )[0];

describe.skipIf(usingPostgres())('backing up and restoring the embedded database', () => {
  it('restores a dump into a new data folder with every record, and refuses to overwrite one', async () => {
    const dataDir = join(temp(), 'data');
    const config = readConfig({
      DATA_DIR: dataDir,
      ADMIN_EMAIL: 'a@example.gov.uk',
      ADMIN_PASSWORD: 'long enough password',
    });
    const db = await PgliteDatabase.open(dataDir);
    await prepareDatabase(db, config);
    await recordAudit(db);
    await db.close();

    const file = await backup(config, join(temp(), 'board.tar.gz'));

    const restoredDir = join(temp(), 'restored');
    const restoredConfig = readConfig({ DATA_DIR: restoredDir });
    await restore(restoredConfig, file);
    const restored = await PgliteDatabase.open(restoredDir);
    expect(await auditState(restored)).toEqual({ status: 'completed', cases_audited: 7 });
    expect((await restored.query<{ n: number }>('select count(*)::int as n from app_user'))[0]!.n).toBe(1);
    await restored.close();

    await expect(restore(restoredConfig, file)).rejects.toThrow(
      /already holds a database\. Stop the service/,
    );
    expect(await restore(restoredConfig, file, { replace: true })).toBe(restoredDir);
  });

  it('refuses to back up a data folder a running service has open', async () => {
    const dataDir = temp();
    writeFileSync(join(dataDir, 'PG_VERSION'), '17');
    writeFileSync(join(dataDir, 'service.pid'), String(process.ppid));
    await expect(backup(readConfig({ DATA_DIR: dataDir }), join(temp(), 'x.tar.gz'))).rejects.toThrow(
      /is in use by process \d+\. Stop it first/,
    );
  });
});

describe.skipIf(!usingPostgres())('backing up and restoring PostgreSQL', () => {
  it('pg_dump and pg_restore carry every record into another database', async () => {
    const url = process.env.TEST_DATABASE_URL!;
    const names = [`sbd_${randomBytes(5).toString('hex')}`, `sbd_${randomBytes(5).toString('hex')}`];
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    for (const name of names) await admin.query(`create database ${name}`);
    await admin.end();
    const urlOf = (name: string) => {
      const u = new URL(url);
      u.pathname = `/${name}`;
      return u.href;
    };
    const source = readConfig({ DATABASE_URL: urlOf(names[0]!) });
    const db = await PostgresDatabase.open(urlOf(names[0]!), 2);
    await prepareDatabase(db, source);
    await recordAudit(db);
    await db.close();

    const file = await backup(source, join(temp(), 'board.dump'));
    await restore(readConfig({ DATABASE_URL: urlOf(names[1]!) }), file);
    const restored = await PostgresDatabase.open(urlOf(names[1]!), 2);
    expect(await auditState(restored)).toEqual({ status: 'completed', cases_audited: 7 });
    await restored.close();
  });
});
