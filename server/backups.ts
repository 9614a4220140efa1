import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { Config } from './config';
import { lockDataDir } from './db/open';
import { PgliteDatabase } from './db/pglite';

function run(command: string, args: string[]): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'pipe'] });
    let errors = '';
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.once('error', (error) =>
      fail(new Error(`${command} could not be run (${error.message}). Install the PostgreSQL client tools.`)),
    );
    child.once('exit', (code) =>
      code === 0 ? done() : fail(new Error(`${command} failed: ${errors.trim()}`)),
    );
  });
}

const stamp = () => new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19);

/** The file a backup goes to when none is named. */
export function defaultBackupFile(config: Config, cwd = process.cwd()): string {
  return resolve(cwd, 'backups', `board-${stamp()}.${config.databaseUrl ? 'dump' : 'tar.gz'}`);
}

/**
 * `npm run backup`: a PostgreSQL server is dumped with `pg_dump` (custom format, for
 * `pg_restore`); the embedded database is written as PGlite's data-folder dump, with the service
 * stopped (the folder can only be open in one process at a time).
 */
export async function backup(config: Config, file: string): Promise<string> {
  mkdirSync(dirname(file), { recursive: true });
  if (config.databaseUrl) {
    await run('pg_dump', ['--format=custom', '--no-owner', `--file=${file}`, config.databaseUrl]);
    return file;
  }
  if (!existsSync(config.dataDir) || readdirSync(config.dataDir).length === 0) {
    throw new Error(`There is no database in ${config.dataDir} to back up.`);
  }
  const release = lockDataDir(config.dataDir);
  try {
    const db = await PgliteDatabase.open(config.dataDir);
    try {
      const dump = await db.dump();
      await writeFile(file, Buffer.from(await dump.arrayBuffer()));
    } finally {
      await db.close();
    }
  } finally {
    release();
  }
  return file;
}

/**
 * `npm run restore -- <file>`: the opposite. The embedded database is restored into an empty
 * DATA_DIR (an existing one is kept beside it, renamed, with `--replace`); on PostgreSQL,
 * `pg_restore --clean` replaces the database's contents.
 */
export async function restore(
  config: Config,
  file: string,
  options: { replace?: boolean } = {},
): Promise<string> {
  if (!existsSync(file)) throw new Error(`There is no backup file ${file}.`);
  if (config.databaseUrl) {
    await run('pg_restore', ['--clean', '--if-exists', '--no-owner', `--dbname=${config.databaseUrl}`, file]);
    return 'the PostgreSQL database';
  }
  const dir = config.dataDir;
  if (existsSync(dir) && readdirSync(dir).length > 0) {
    if (!options.replace) {
      throw new Error(
        `${dir} already holds a database. Stop the service and run again with --replace: the current one is kept beside it, renamed.`,
      );
    }
    const release = lockDataDir(dir);
    release();
    renameSync(dir, `${dir}.replaced-${stamp()}`);
  }
  mkdirSync(dir, { recursive: true });
  const release = lockDataDir(dir);
  try {
    const db = await PgliteDatabase.open(dir, new Blob([await readFile(file)]));
    await db.query('select 1 from schema_migration limit 1');
    await db.close();
  } finally {
    release();
  }
  return join(dir);
}
