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
export class PgliteDatabase implements Database {
  readonly kind = 'pglite' as const;
  private readonly exclusive = createMutex();

  private constructor(private readonly db: PGlite) {}

  /** `dataDir` is a folder, or undefined for a database in memory; `from` restores a dump. */
  static async open(dataDir?: string, from?: Blob): Promise<PgliteDatabase> {
    if (dataDir) await mkdir(dataDir, { recursive: true });
    const db = await PGlite.create({
      ...(dataDir ? { dataDir } : {}),
      ...(from ? { loadDataDir: from } : {}),
      parsers: textParsers,
    });
    return new PgliteDatabase(db);
  }

  query<T extends Row = Row>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    return this.exclusive(async () => (await this.db.query<T>(sql, params as unknown[])).rows);
  }

  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
    return this.exclusive(() =>
      this.db.transaction(async (tx) =>
        work({
          query: async <R extends Row = Row>(sql: string, params: readonly unknown[] = []) =>
            (await tx.query<R>(sql, params as unknown[])).rows,
        }),
      ),
    );
  }

  async exec(sql: string): Promise<void> {
    await this.exclusive(() => this.db.exec(sql));
  }

  /** The whole data folder as a gzipped tar, the form `PGlite.create({ loadDataDir })` restores. */
  dump(): Promise<Blob> {
    return this.exclusive(() => this.db.dumpDataDir('gzip'));
  }

  close(): Promise<void> {
    return this.exclusive(() => this.db.close());
  }
}
