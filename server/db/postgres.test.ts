import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './database';
import { freshDatabase, usingPostgres } from '../test/service';

/**
 * The service's statements are prepared once per PostgreSQL connection (issue 22). What it reads and
 * writes must be what it would be unprepared, also when the tables change under a prepared statement.
 */
describe.skipIf(!usingPostgres())('statements prepared on PostgreSQL', () => {
  let db: Database;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ db, drop } = await freshDatabase());
  });
  afterAll(async () => {
    await db.close();
    await drop();
  });

  // On every connection of the pool at once, so that each has prepared them.
  const onEveryConnection = <T>(work: () => Promise<T>) => Promise.all(Array.from({ length: 12 }, work));

  it('answers a prepared read the same each time, for each parameter', async () => {
    await db.exec('create table prepared_probe (id int primary key, name text)');
    await db.query('insert into prepared_probe values ($1, $2), ($3, $4)', [1, 'one', 2, 'two']);
    for (const [id, name] of [
      [1, 'one'],
      [2, 'two'],
    ] as const) {
      const answers = await onEveryConnection(() =>
        db.query('select name from prepared_probe where id = $1', [id]),
      );
      expect(answers.every((rows) => rows.length === 1 && rows[0]!.name === name)).toBe(true);
    }
  });

  it('still reads a table that gained a column after `select *` was prepared (another instance migrated it)', async () => {
    const before = await onEveryConnection(() => db.query('select * from prepared_probe where id = $1', [1]));
    expect(before[0]).toEqual([{ id: 1, name: 'one' }]);
    await db.exec('alter table prepared_probe add column kept boolean not null default true');
    const after = await onEveryConnection(() => db.query('select * from prepared_probe where id = $1', [1]));
    expect(after.every((rows) => rows[0]!.kept === true)).toBe(true);
  });

  it('runs statements prepared inside a transaction, and a script of several statements unprepared', async () => {
    await db.transaction(async (tx) => {
      await tx.query('update prepared_probe set name = $1 where id = $2', ['uno', 1]);
      await tx.query('update prepared_probe set name = $1 where id = $2', ['dos', 2]);
    });
    await db.query(
      'update prepared_probe set kept = false where id = 1; update prepared_probe set kept = false where id = 2',
    );
    expect(await db.query('select id, name, kept from prepared_probe order by id')).toEqual([
      { id: 1, name: 'uno', kept: false },
      { id: 2, name: 'dos', kept: false },
    ]);
  });
});
