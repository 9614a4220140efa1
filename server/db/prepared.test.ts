import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './database';
import { freshDatabase, usingPostgres } from '../test/service';

/** A value written into SQL as a literal, for the unprepared answer to compare with. */
const literal = (value: unknown): string =>
  value === null
    ? 'null'
    : Array.isArray(value)
      ? `array[${value.map(literal).join(', ')}]`
      : typeof value === 'string'
        ? `'${value.replace(/'/g, "''")}'`
        : String(value);

/**
 * The service's statements are prepared once per connection, on a PostgreSQL server and in the
 * embedded database (issue 22). What it reads and writes must be what it would be unprepared, also
 * when the tables change under a prepared statement.
 */
describe(`statements prepared on ${usingPostgres() ? 'PostgreSQL' : 'the embedded database'}`, () => {
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

  it('prepares a statement once, and runs it again by its name', async () => {
    const sql = 'select name from prepared_probe where id = $1';
    // In one transaction: on a PostgreSQL server, one connection of the pool.
    await db.transaction(async (tx) => {
      for (const id of [1, 2, 1]) await tx.query(sql, [id]);
      expect(
        await tx.query('select count(*)::int as n from pg_prepared_statements where statement = $1', [sql]),
      ).toEqual([{ n: 1 }]);
    });
  });

  it('prepares statements asked for at once in a transaction, new and the same, each once', async () => {
    await db.transaction(async (tx) => {
      const answers = await Promise.all(
        [1, 2, 3, 3].map((n) => tx.query<{ n: number }>(`select $1::int + ${n} as n`, [10])),
      );
      expect(answers).toEqual([[{ n: 11 }], [{ n: 12 }], [{ n: 13 }], [{ n: 13 }]]);
    });
  });

  it('reads and writes every kind of value the service uses as the database’s own answers do', async () => {
    const sql = `select $1::int as i, $2::int8 as big, $3::numeric as n, $4::float8 as f, $5::boolean as b,
      $6::text as t, $7::date as d, $8::timestamptz as ts, $9::jsonb as j, $10::text[] as list, $11::text as nothing,
      now() - now() = interval '0' as same`;
    const params = [
      1,
      2,
      '3.5',
      4.25,
      true,
      'x',
      '2026-12-06',
      '2026-12-06T10:00:00.000Z',
      '{"a":[1,"b"]}',
      ['a', 'b,c'],
      null,
    ];
    const expected = {
      i: 1,
      big: 2,
      n: 3.5,
      f: 4.25,
      b: true,
      t: 'x',
      d: '2026-12-06',
      ts: '2026-12-06T10:00:00.000Z',
      j: { a: [1, 'b'] },
      list: ['a', 'b,c'],
      nothing: null,
      same: true,
    };
    // The first time prepares it; later times only bind and run it.
    for (let i = 0; i < 3; i += 1) expect(await db.query(sql, params)).toEqual([expected]);
    // The same, unprepared (a script is never prepared): the engine's own answer.
    await db.exec(
      `create temporary table kinds as ${sql.replace(/\$(\d+)/g, (_, n: string) => literal(params[Number(n) - 1]))}`,
    );
    expect(await db.query('select * from kinds')).toEqual([expected]);
  });

  it('says why a statement failed, keeps nothing of a transaction it ended, and goes on', async () => {
    await expect(db.query('select nonsense from prepared_probe where id = $1', [1])).rejects.toThrow(
      /nonsense/,
    );
    await expect(
      db.transaction(async (tx) => {
        await tx.query('update prepared_probe set name = $1 where id = $2', ['lost', 1]);
        await tx.query('insert into prepared_probe (id, name) values ($1, $2)', [2, 'a second two']);
      }),
    ).rejects.toMatchObject({ code: '23505' });
    expect(await db.query('select name from prepared_probe where id = $1', [1])).toEqual([{ name: 'one' }]);
    expect(await db.query('insert into prepared_probe (id, name) values ($1, $2)', [3, 'three'])).toEqual([]);
    await db.query('delete from prepared_probe where id = $1', [3]);
  });

  it('runs statements prepared inside a transaction, and a script of several statements unprepared', async () => {
    await db.transaction(async (tx) => {
      await tx.query('update prepared_probe set name = $1 where id = $2', ['uno', 1]);
      await tx.query('update prepared_probe set name = $1 where id = $2', ['dos', 2]);
    });
    const script =
      'update prepared_probe set kept = false where id = 1; update prepared_probe set kept = false where id = 2';
    // A PostgreSQL server runs a script given as a query (never prepared); PGlite's query refuses
    // one, prepared or not, so the service gives scripts to `exec`.
    await (usingPostgres() ? db.query(script) : db.exec(script));
    expect(await db.query('select id, name, kept from prepared_probe order by id')).toEqual([
      { id: 1, name: 'uno', kept: false },
      { id: 2, name: 'dos', kept: false },
    ]);
  });
});
