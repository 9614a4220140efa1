import { mkdir } from 'node:fs/promises';
import { PGlite, parse as answers, protocol } from '@electric-sql/pglite';
import type { Logger } from '../log';
import {
  createMutex,
  MAX_PREPARED,
  PREPARABLE,
  PREPARED_RESULT_CHANGED,
  textParsers,
  type Database,
  type Queryable,
  type Row,
} from './database';

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
/** A statement that changes rows, and the table it changes (names that are not tables are ignored). */
const CHANGES = /\b(?:insert\s+into|update|delete\s+from)\s+(?:only\s+)?"?([a-z_][a-z0-9_]*)/gi;
/**
 * When a table is due to be vacuumed and analysed: PostgreSQL's autovacuum thresholds (50, and a
 * tenth of the table's rows for its statistics), counted in statements that changed it, as PGlite
 * runs PostgreSQL in single-user mode, with no autovacuum and no count of the rows changed.
 */
const TIDY_AFTER = { statements: 50, fraction: 0.1 };
const TIDY_EVERY_MS = 60_000;

/** Several messages of PostgreSQL's protocol sent as one. */
function together(messages: Uint8Array[]): Uint8Array {
  const all = new Uint8Array(messages.reduce((length, m) => length + m.length, 0));
  let at = 0;
  for (const m of messages) {
    all.set(m, at);
    at += m.length;
  }
  return all;
}

/**
 * Statements prepared once in the embedded database (MAX_PREPARED in ./database), spoken to in
 * PostgreSQL's own protocol: PGlite's `query` parses and plans a statement each time, and passes
 * each of the six messages of the exchange into the database in turn. Here a prepared statement is
 * bound, described and run in one pass. PGlite's own serializers and parsers read and write the
 * values, so an answer is the one its `query` would give (`server/db/prepared.test.ts`).
 */
class PreparedStatements {
  /**
   * Each text's statement, kept from the moment it is first asked for: statements asked for at once
   * (`Promise.all` in a transaction) are each prepared once, under a name of their own.
   */
  private readonly statements = new Map<string, Promise<{ name: string; types: number[] }>>();
  private readonly unpreparable = new Set<string>();
  private named = 0;

  constructor(private readonly db: PGlite) {}

  /** `unprepared` runs the text as PGlite's `query` does, for a text that is not prepared. */
  async run<T extends Row>(
    sql: string,
    params: readonly unknown[],
    inTransaction: boolean,
    unprepared: () => Promise<T[]>,
  ): Promise<T[]> {
    if (this.unpreparable.has(sql) || !PREPARABLE.test(sql)) return unprepared();
    let prepared = this.statements.get(sql);
    if (!prepared) {
      if (this.statements.size >= MAX_PREPARED) return unprepared();
      prepared = this.prepare(sql, `sbd_${(this.named += 1)}`);
      this.statements.set(sql, prepared);
      // A text that could not be prepared (an error in it) is tried again the next time it is asked.
      prepared.catch(() => this.statements.get(sql) === prepared && this.statements.delete(sql));
    }
    const statement = await prepared;
    const values = params.map((value, i) => {
      if (value === null || value === undefined) return null;
      const serialize = this.db.serializers[statement.types[i]!];
      return serialize ? serialize(value) : String(value);
    });
    try {
      const messages = await this.db.runExclusive(() =>
        this.db.execProtocolStream(
          together([
            protocol.serialize.bind({ statement: statement.name, values }),
            protocol.serialize.describe({ type: 'P' }),
            protocol.serialize.execute({}),
            protocol.serialize.sync(),
          ]),
          { syncToFs: !inTransaction },
        ),
      );
      return answers.parseResults(messages, this.db.parsers)[0]!.rows as T[];
    } catch (error) {
      if ((error as { code?: string }).code !== PREPARED_RESULT_CHANGED) throw error;
      this.unpreparable.add(sql);
      // Inside a transaction the failure has ended it, as on a PostgreSQL server.
      if (inTransaction) throw error;
      return unprepared();
    }
  }

  private async prepare(sql: string, name: string): Promise<{ name: string; types: number[] }> {
    const described = await this.db.runExclusive(() =>
      this.db.execProtocolStream(
        together([
          protocol.serialize.parse({ name, text: sql }),
          protocol.serialize.describe({ type: 'S', name }),
          protocol.serialize.sync(),
        ]),
        { syncToFs: false },
      ),
    );
    return { name, types: answers.parseDescribeStatementResults(described) };
  }
}

export class PgliteDatabase implements Database {
  readonly kind = 'pglite' as const;
  private readonly exclusive = createMutex();
  /** Moves on after every statement or transaction that may have written (an object, so that a
   * view of this database made with `Object.create` moves the same count). */
  private readonly count = { writes: 0 };
  private readonly remembered = new Map<string, { writes: number; until: number; value: Promise<unknown> }>();
  /** Statements that changed each table since it was last vacuumed and analysed. */
  private readonly changed = new Map<string, number>();
  private tidyTimer: NodeJS.Timeout | undefined;
  private closed = false;

  private readonly prepared: PreparedStatements;

  private constructor(private readonly db: PGlite) {
    this.prepared = new PreparedStatements(db);
  }

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

  private noteChanges(sql: string): void {
    for (const match of sql.matchAll(CHANGES)) {
      const table = match[1]!.toLowerCase();
      this.changed.set(table, (this.changed.get(table) ?? 0) + 1);
    }
  }

  /**
   * One pass of what a PostgreSQL server's autovacuum does, which PGlite has not: every table never
   * analysed, and every table changed by more statements than its threshold since its last pass, is
   * vacuumed (its dead rows' space made reusable) and analysed (the statistics the planner chooses
   * plans by), one table at a time between other work. Without statistics the statement the reminder
   * timer runs every ten seconds took 101 ms on the large board, against 5 ms analysed (issue 22).
   * Returns the tables it tidied.
   */
  async tidy(): Promise<string[]> {
    const tables = await this.query<{ name: string; rows: number }>(
      `select relname as name, reltuples::float8 as rows from pg_class
       where relkind = 'r' and relnamespace = 'public'::regnamespace order by relname`,
    );
    const due = tables
      .filter(
        ({ name, rows }) =>
          rows < 0 || (this.changed.get(name) ?? 0) >= TIDY_AFTER.statements + TIDY_AFTER.fraction * rows,
      )
      .map(({ name }) => name);
    for (const name of due) {
      // Changes made while the table is tidied count towards its next pass.
      this.changed.delete(name);
      await this.exclusive(async () => {
        if (!this.closed) await this.db.exec(`vacuum (analyze) "${name}"`);
      });
    }
    return due;
  }

  /** Tidies the tables at once, then every minute, until the database is closed. */
  keepTidy(log: Logger): void {
    const pass = () => {
      this.tidy()
        .catch((error: unknown) => log.error('Tidying the embedded database failed', error))
        .finally(() => {
          if (!this.closed) this.tidyTimer = setTimeout(pass, TIDY_EVERY_MS).unref();
        });
    };
    pass();
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
    const run = this.exclusive(() =>
      this.prepared.run(
        sql,
        params,
        false,
        async () => (await this.db.query<T>(sql, params as unknown[])).rows,
      ),
    );
    if (READS_ONLY.test(sql)) return run;
    this.noteChanges(sql);
    return this.written(run);
  }

  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
    return this.written(
      this.exclusive(() =>
        this.db.transaction(async (tx) =>
          work({
            query: <R extends Row = Row>(sql: string, params: readonly unknown[] = []) => {
              this.noteChanges(sql);
              return this.prepared.run(
                sql,
                params,
                true,
                async () => (await tx.query<R>(sql, params as unknown[])).rows,
              );
            },
          }),
        ),
      ),
    );
  }

  async exec(sql: string): Promise<void> {
    this.noteChanges(sql);
    await this.written(this.exclusive(() => this.db.exec(sql)));
  }

  /** The whole data folder as a gzipped tar, the form `PGlite.create({ loadDataDir })` restores. */
  dump(): Promise<Blob> {
    return this.exclusive(() => this.db.dumpDataDir('gzip'));
  }

  close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.tidyTimer);
    return this.exclusive(() => this.db.close());
  }
}
