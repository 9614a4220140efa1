import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { usingPostgres } from '../test/service';
import { PgliteDatabase } from './pglite';

/**
 * The embedded database remembers an answer (the session a request reads) until anything is
 * written through it (issue 22). Nothing written may ever be missed by the next read.
 */
describe.skipIf(usingPostgres())('answers the embedded database remembers', () => {
  let db: PgliteDatabase;
  let reads = 0;
  const name = () =>
    db.remember('probe', 60_000, async () => {
      reads += 1;
      return (await db.query<{ name: string }>('select name from remembered_probe where id = 1'))[0]!.name;
    });

  beforeAll(async () => {
    db = await PgliteDatabase.open();
    await db.exec(
      "create table remembered_probe (id int primary key, name text); insert into remembered_probe values (1, 'one')",
    );
  });
  afterAll(() => db.close());

  it('answers again without reading while nothing is written, reads alone included', async () => {
    expect(await name()).toBe('one');
    await db.query('select count(*) from remembered_probe');
    expect(await name()).toBe('one');
    expect(reads).toBe(1);
  });

  it('reads again after a statement that writes, a transaction and a script', async () => {
    await db.query('update remembered_probe set name = $1 where id = 1', ['uno']);
    expect(await name()).toBe('uno');
    await db.transaction(async (tx) => {
      await tx.query('update remembered_probe set name = $1 where id = 1', ['eins']);
    });
    expect(await name()).toBe('eins');
    await db.exec("update remembered_probe set name = 'un' where id = 1");
    expect(await name()).toBe('un');
    // `select … for update` takes a lock: it counts as a write.
    await db.query('select name from remembered_probe where id = 1 for update');
    await name();
    expect(reads).toBe(5);
  });

  it('reads again after a transaction that failed, and after its time is up', async () => {
    await db
      .transaction(async (tx) => {
        await tx.query('update remembered_probe set name = $1 where id = 1', ['rolled back']);
        throw new Error('refused');
      })
      .catch(() => undefined);
    expect(await name()).toBe('un');
    expect(reads).toBe(6);
    const short = () => db.remember('short', 1, async () => (reads += 1));
    await short();
    const later = Date.now() + 5;
    vi.spyOn(Date, 'now').mockReturnValue(later);
    await short();
    expect(reads).toBe(8);
  });

  it('does not remember a read that failed', async () => {
    let tries = 0;
    const failing = () =>
      db.remember('failing', 60_000, async () => {
        tries += 1;
        if (tries === 1) throw new Error('the first read fails');
        return tries;
      });
    await expect(failing()).rejects.toThrow('the first read fails');
    expect(await failing()).toBe(2);
  });
});

describe.skipIf(usingPostgres())('the embedded database in the service’s process', () => {
  it('keeps a buffer pool of 32 MB, not the 160 MB PGlite sizes for a server (issue 22: resident memory)', async () => {
    // The starting database every test loads: a folder restored from a dump, as a backup is.
    const db = await PgliteDatabase.open(undefined, new Blob([await readFile(inject('pgliteTemplate'))]));
    try {
      expect(await db.query('show shared_buffers')).toEqual([{ shared_buffers: '32MB' }]);
    } finally {
      await db.close();
    }
  });
});

/**
 * PGlite runs PostgreSQL without autovacuum: the data service vacuums and analyses its tables itself
 * (issue 22: without statistics the planner chose a plan 8 times slower for the reminder timer's look).
 */
describe.skipIf(usingPostgres())('the embedded database keeps its tables tidy', () => {
  // One database for both tests: a fresh one takes seconds to create.
  let db: PgliteDatabase;
  beforeAll(async () => {
    db = await PgliteDatabase.open();
  });

  const statistics = async (table: string) =>
    (
      await db.query<{ rows: number; columns: number }>(
        `select reltuples::float8 as rows,
                (select count(*) from pg_stats where schemaname = 'public' and tablename = $1)::int as columns
         from pg_class where relname = $1`,
        [table],
      )
    )[0]!;

  it('analyses a table never analysed, then again once enough statements have changed it', async () => {
    await db.exec(
      "create table tidy_probe (id int primary key, name text); insert into tidy_probe select g, 'n' || g from generate_series(1, 1000) g",
    );
    expect(await statistics('tidy_probe')).toEqual({ rows: -1, columns: 0 });
    expect(await db.tidy()).toEqual(['tidy_probe']);
    expect(await statistics('tidy_probe')).toEqual({ rows: 1000, columns: 2 });
    expect(await db.tidy()).toEqual([]);

    // A tenth of its rows and 50 more (150 statements), by any path a write takes.
    for (let i = 1; i <= 100; i += 1) await db.query('delete from tidy_probe where id = $1', [i]);
    await db.transaction(async (tx) => {
      for (let i = 101; i <= 140; i += 1)
        await tx.query('update tidy_probe set name = $2 where id = $1', [i, 'x']);
    });
    expect(await db.tidy()).toEqual([]);
    for (let i = 0; i < 10; i += 1) await db.exec(`insert into tidy_probe values (${2000 + i}, 'new')`);
    expect(await db.tidy()).toEqual(['tidy_probe']);
    expect(await statistics('tidy_probe')).toEqual({ rows: 910, columns: 2 });
    expect(await db.tidy()).toEqual([]);
  });

  it('keeps tidying from the start until it is closed, and a pass waiting behind other work does nothing once closed', async () => {
    await db.exec('create table tidy_fresh (id int primary key); insert into tidy_fresh values (1)');
    const errors: unknown[] = [];
    db.keepTidy({ info: () => undefined, warn: () => undefined, error: (_, error) => errors.push(error) });
    await expect.poll(() => statistics('tidy_fresh')).toEqual({ rows: 1, columns: 1 });
    // A pass asked for just before closing finds a table due, and vacuums nothing once closed.
    await db.exec('create table tidy_late (id int)');
    const pass = db.tidy();
    await db.close();
    await expect(pass).resolves.toEqual(['tidy_late']);
    expect(errors).toEqual([]);
  });
});
