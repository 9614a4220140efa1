import { describe, expect, it } from 'vitest';
import { applyV8Settings, EMBEDDED_DATABASE_V8_FLAGS } from './v8-settings';

describe("V8's settings for where the database is", () => {
  it('on the embedded database, keeps its WebAssembly baseline-compiled and its heap growing by 35%', () => {
    const set: string[] = [];
    const flags = applyV8Settings({ databaseUrl: null }, (flag) => set.push(flag));
    expect(set).toEqual(['--liftoff-only', '--heap-growing-percent=35']);
    expect(flags).toEqual(EMBEDDED_DATABASE_V8_FLAGS);
  });

  it('on PostgreSQL, leaves V8 as it is', () => {
    const set: string[] = [];
    const flags = applyV8Settings({ databaseUrl: 'postgres://board@db.example:5432/board' }, (flag) =>
      set.push(flag),
    );
    expect(set).toEqual([]);
    expect(flags).toEqual([]);
  });
});
