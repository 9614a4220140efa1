import type { Logger } from '../log';

/**
 * One interface over the two PostgreSQL engines the data service runs on: PGlite (embedded, a
 * folder on disk or in memory) and a PostgreSQL server (`DATABASE_URL`). The SQL is the same;
 * values come back the same way from both (dates and timestamps as ISO strings, bigints as numbers).
 */
export type Row = Record<string, unknown>;

export interface Queryable {
  query<T extends Row = Row>(sql: string, params?: readonly unknown[]): Promise<T[]>;
}

export interface Database extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `work` in one transaction: all of it is written, or none of it. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Runs a script of several statements (migrations). */
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
  /**
   * Where one process holds the only connection to the data (PGlite), what `read` answered is
   * answered again for `key` until anything is written through it, or `maxAgeMs` has passed. A
   * PostgreSQL server has other writers (other instances), so it reads each time.
   */
  remember?<T>(key: string, maxAgeMs: number, read: () => Promise<T>): Promise<T>;
  /**
   * Where the database has no maintenance of its own (PGlite: no autovacuum), keeps its tables'
   * statistics and space tidy between requests from now until it is closed. A PostgreSQL server's
   * autovacuum does this itself.
   */
  keepTidy?(log: Logger): void;
}

/** Runs one piece of work at a time, in the order asked. */
export function createMutex() {
  let last: Promise<unknown> = Promise.resolve();
  return <T>(work: () => Promise<T>): Promise<T> => {
    const run = last.then(work, work);
    last = run.catch(() => undefined);
    return run;
  };
}

/**
 * Each statement the service sends often is prepared once (per connection) and then only bound and
 * run, on both engines: parsing and planning it each time cost more than running it (issue 22). A
 * statement is named by its text, so a text always has the same name and a name the same text. Only
 * single reads and writes are prepared (not migrations' DDL or scripts), and at most
 * `MAX_PREPARED` texts, so that statements built with a varying number of placeholders cannot grow
 * the database's memory without end.
 */
export const MAX_PREPARED = 500;
export const PREPARABLE = /^\s*(select|insert|update|delete|with)\b[^;]*;?\s*$/i;
/**
 * PostgreSQL's answer to a prepared statement whose tables changed shape under it (`select *` after
 * a migration): "cached plan must not change result type". Its text is run unprepared from then on.
 */
export const PREPARED_RESULT_CHANGED = '0A000';

/** PostgreSQL type ids whose text form is kept as a string or turned into a plain number. */
export const TYPE_IDS = { int8: 20, date: 1082, timestamp: 1114, timestamptz: 1184, numeric: 1700 } as const;

/** `2026-11-27 08:32:42.449+00` (PostgreSQL's text form) to `2026-11-27T08:32:42.449Z`. */
export function timestampToIso(text: string): string {
  const date = new Date(text.includes('T') ? text : text.replace(' ', 'T').replace(/([+-]\d{2})$/, '$1:00'));
  return Number.isNaN(date.getTime()) ? text : date.toISOString();
}

export const textParsers: Record<number, (text: string) => unknown> = {
  [TYPE_IDS.int8]: (text) => Number(text),
  [TYPE_IDS.numeric]: (text) => Number(text),
  [TYPE_IDS.date]: (text) => text,
  [TYPE_IDS.timestamp]: (text) => timestampToIso(`${text}Z`),
  [TYPE_IDS.timestamptz]: (text) => timestampToIso(text),
};
