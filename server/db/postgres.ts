import pg from 'pg';
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

const types = {
  getTypeParser: (id: number, format?: string) =>
    textParsers[id] ?? pg.types.getTypeParser(id, (format ?? 'text') as 'text'),
};

/**
 * Statements prepared once per connection of the pool (MAX_PREPARED in ./database): at 50 people
 * at once, PostgreSQL's share of a cached read fell from 0.5 to 0.13 ms of a core (issue 22).
 */
class Statements {
  private readonly names = new Map<string, string>();
  /** Texts whose prepared result no longer matches the tables (another instance migrated them). */
  private readonly unpreparable = new Set<string>();

  config(sql: string, params: readonly unknown[]): pg.QueryConfig {
    const values = params as unknown[];
    if (this.unpreparable.has(sql) || !PREPARABLE.test(sql)) return { text: sql, values };
    let name = this.names.get(sql);
    if (!name) {
      if (this.names.size >= MAX_PREPARED) return { text: sql, values };
      name = `sbd_${this.names.size + 1}`;
      this.names.set(sql, name);
    }
    return { name, text: sql, values };
  }

  /** A text whose prepared result changed shape (a newer instance migrated its tables) runs unprepared. */
  async run<T extends Row>(client: pg.Pool | pg.PoolClient, sql: string, params: readonly unknown[]) {
    const config = this.config(sql, params);
    try {
      return (await client.query<T>(config)).rows;
    } catch (error) {
      if (!config.name || (error as { code?: string }).code !== PREPARED_RESULT_CHANGED) throw error;
      this.unpreparable.add(sql);
      // Inside a transaction the failure has ended it: the caller's transaction fails, and is
      // answered as any failed write; the next one runs the text unprepared.
      if (!(client instanceof pg.Pool)) throw error;
      return (await client.query<T>(sql, params as unknown[])).rows;
    }
  }
}

/** A PostgreSQL server (`DATABASE_URL`), through a pool of connections. */
export class PostgresDatabase implements Database {
  readonly kind = 'postgres' as const;

  private readonly statements = new Statements();

  private constructor(private readonly pool: pg.Pool) {}

  static async open(connectionString: string, max = 10, log?: Logger): Promise<PostgresDatabase> {
    const pool = new pg.Pool({ connectionString, max, types });
    // A connection that fails while idle must not take the process down; the next query reconnects.
    pool.on('error', (error) =>
      log ? log.warn(`PostgreSQL connection error: ${error.message}`) : console.error(error.message),
    );
    await pool.query('select 1');
    return new PostgresDatabase(pool);
  }

  async query<T extends Row = Row>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    return this.statements.run<T>(this.pool, sql, params);
  }

  async transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('begin');
      // One connection runs one statement at a time: statements asked for together (a read's
      // `Promise.all`) wait their turn here rather than in the driver, which no longer allows it.
      const inTurn = createMutex();
      const result = await work({
        query: <R extends Row = Row>(sql: string, params: readonly unknown[] = []) =>
          inTurn(() => this.statements.run<R>(client, sql, params)),
      });
      await client.query('commit');
      return result;
    } catch (error) {
      await client.query('rollback').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async exec(sql: string): Promise<void> {
    await this.pool.query(sql);
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}
