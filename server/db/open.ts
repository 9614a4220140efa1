import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../config';
import type { Logger } from '../log';
import type { Database } from './database';
import { PgliteDatabase } from './pglite';
import { PostgresDatabase } from './postgres';

export const IN_MEMORY = 'memory://';

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * The embedded database can be opened by one process at a time: a second process on the same
 * folder would corrupt it. The folder holds the pid of the process that has it open.
 */
export function lockDataDir(dataDir: string): () => void {
  const lockFile = join(dataDir, 'service.pid');
  if (existsSync(lockFile)) {
    const pid = Number(readFileSync(lockFile, 'utf8').trim());
    if (Number.isInteger(pid) && pid !== process.pid && isRunning(pid)) {
      throw new Error(
        `The embedded database in ${dataDir} is in use by process ${pid}. Stop it first, or set DATA_DIR to another folder (or DATABASE_URL to run several processes on PostgreSQL).`,
      );
    }
  }
  writeFileSync(lockFile, String(process.pid));
  return () => rmSync(lockFile, { force: true });
}

/** PostgreSQL when DATABASE_URL is set; otherwise the embedded database in DATA_DIR (or in memory). */
export async function openDatabase(
  config: Config,
  log?: Logger,
): Promise<{ db: Database; release: () => void; where: string }> {
  if (config.databaseUrl) {
    const db = await PostgresDatabase.open(config.databaseUrl, config.databasePoolSize, log);
    const url = new URL(config.databaseUrl);
    return {
      db,
      release: () => undefined,
      where: `PostgreSQL at ${url.hostname}:${url.port || 5432}${url.pathname}`,
    };
  }
  if (config.dataDir.endsWith(IN_MEMORY)) {
    return {
      db: await PgliteDatabase.open(),
      release: () => undefined,
      where: 'an embedded database in memory',
    };
  }
  const { mkdirSync } = await import('node:fs');
  mkdirSync(config.dataDir, { recursive: true });
  const release = lockDataDir(config.dataDir);
  try {
    const db = await PgliteDatabase.open(config.dataDir);
    return { db, release, where: `the embedded database in ${config.dataDir}` };
  } catch (error) {
    release();
    throw error;
  }
}
