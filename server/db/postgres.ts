import pg from 'pg';
import type { Logger } from '../log';
import { textParsers, type Database, type Queryable, type Row } from './database';

const types = {
  getTypeParser: (id: number, format?: string) =>
    textParsers[id] ?? pg.types.getTypeParser(id, (format ?? 'text') as 'text'),
};

/** A PostgreSQL server (`DATABASE_URL`), through a pool of connections. */
export class PostgresDatabase implements Database {
  readonly kind = 'postgres' as const;

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
    return (await this.pool.query<T>(sql, params as unknown[])).rows;
  }

  async transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('begin');
      const result = await work({
        query: async <R extends Row = Row>(sql: string, params: readonly unknown[] = []) =>
          (await client.query<R>(sql, params as unknown[])).rows,
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
