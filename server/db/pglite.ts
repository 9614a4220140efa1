import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { textParsers, type Database, type Queryable, type Row } from './database';

/** Runs one piece of work at a time, in the order asked. */
function createMutex() {
  let last: Promise<unknown> = Promise.resolve();
  return <T>(work: () => Promise<T>): Promise<T> => {
    const run = last.then(work, work);
    last = run.catch(() => undefined);
    return run;
  };
}

/**
 * The embedded database: PostgreSQL compiled to WebAssembly, in this process, persisted to a
 * folder (or kept in memory for tests). It has one connection, so this adapter runs one statement
 * or transaction at a time; a dump waits for the work before it, so it is never taken in the
 * middle of a transaction.
 */
/** A statement that only reads: anything else may have written. */
const READS_ONLY = /^\s*select\b(?![\s\S]*\b(for\s+(update|share)|nextval|setval|pg_advisory)\b)/i;
const MAX_REMEMBERED = 1000;
/**
 * PostgreSQL's buffer pool inside the WebAssembly heap. PGlite's own default (160 MB) is sized for a
 * server that shares it between backends; here one backend in the service's own process reads
 * through the operating system's file cache, and every megabyte of the pool is the service's
 * resident memory (issue 22: 534 MB under the bench's load, against 283 MB on a PostgreSQL server).
 */
const SHARED_BUFFERS = '32MB';

export class PgliteDatabase implements Database {
  readonly kind = 'pglite' as const;
  private readonly exclusive = createMutex();
  /** Moves on after every statement or transaction that may have written (an object, so that a
   * view of this database made with `Object.create` moves the same count). */
  private readonly count = { writes: 0 };
  private readonly remembered = new Map<string, { writes: number; until: number; value: Promise<unknown> }>();

  private constructor(private readonly db: PGlite) {}

  /**
   * This process is the only one with the folder open (the data service takes a lock on it), so
   * every write passes through here: an answer remembered since the last write is still the
   * answer. The count moves on once a write has finished, before its caller hears of it, so a
   * person who saved something never reads what was there before (issue 22: the session each
   * request reads was the embedded database's largest cost on a cached read).
   */
  async remember<T>(key: string, maxAgeMs: number, read: () => Promise<T>): Promise<T> {
    const now = Date.now();
    const kept = this.remembered.get(key);
    if (kept && kept.writes === this.count.writes && kept.until > now) return kept.value as Promise<T>;
    if (this.remembered.size >= MAX_REMEMBERED) this.remembered.clear();
    const value = read();
    const entry = { writes: this.count.writes, until: now + maxAgeMs, value };
    this.remembered.set(key, entry);
    // A failed read is not remembered.
    value.catch(() => this.remembered.get(key) === entry && this.remembered.delete(key));
    return value;
  }

  private async written<T>(work: Promise<T>): Promise<T> {
    try {
      return await work;
    } finally {
      this.count.writes += 1;
    }
  }

  /** `dataDir` is a folder, or undefined for a database in memory; `from` restores a dump. */
  static async open(dataDir?: string, from?: Blob): Promise<PgliteDatabase> {
    if (dataDir) await mkdir(dataDir, { recursive: true });
    const db = await PGlite.create({
      ...(dataDir ? { dataDir } : {}),
      ...(from ? { loadDataDir: from } : {}),
      parsers: textParsers,
      startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${SHARED_BUFFERS}`],
    });
    return new PgliteDatabase(db);
  }

  query<T extends Row = Row>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    const run = this.exclusive(async () => (await this.db.query<T>(sql, params as unknown[])).rows);
    return READS_ONLY.test(sql) ? run : this.written(run);
  }

  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
    return this.written(
      this.exclusive(() =>
        this.db.transaction(async (tx) =>
          work({
            query: async <R extends Row = Row>(sql: string, params: readonly unknown[] = []) =>
              (await tx.query<R>(sql, params as unknown[])).rows,
          }),
        ),
      ),
    );
  }

  async exec(sql: string): Promise<void> {
    await this.written(this.exclusive(() => this.db.exec(sql)));
  }

  /** The whole data folder as a gzipped tar, the form `PGlite.create({ loadDataDir })` restores. */
  dump(): Promise<Blob> {
    return this.exclusive(() => this.db.dumpDataDir('gzip'));
  }

  close(): Promise<void> {
    return this.exclusive(() => this.db.close());
  }
}
