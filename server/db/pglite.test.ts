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
