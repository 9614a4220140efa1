import { setFlagsFromString } from 'node:v8';
import type { Config } from '../config';

/**
 * V8's settings for the data service on the embedded database, set as it starts, before PGlite's
 * WebAssembly is compiled (issue 22: the service under 50 people's load at most 300 MB resident).
 * PostgreSQL then runs in the service's own process, and its memory is the service's:
 *
 * - `--liftoff-only`: PostgreSQL's WebAssembly stays compiled by V8's baseline compiler. By default
 *   V8 compiles its busiest functions again with its optimising compiler while the service is in
 *   use, and PostgreSQL's are large: each compilation's working memory, taken on V8's own threads,
 *   stays with the process, and the code is kept beside the baseline's. Measured on the large board
 *   (`test/bench`), 50 people drawing pages anew then saving returns: 386 MB at most, against 278 MB
 *   with both settings; saving a return's p95 78 against 85 ms, a page drawn anew 63 against 72 ms.
 *   (A larger tiering budget, `--wasm-tiering-budget`, still compiled them: 308 MB.)
 * - `--heap-growing-percent=35`: after each full collection, JavaScript's heap may grow by 35% of
 *   what it kept before the next, not by V8's own factor (up to four times on a heap this small).
 *   The pages and answers of 50 people at once are short-lived; V8's own factor let them, and the
 *   buffers they hold, pile up to some 100 MB more than what was still in use.
 *
 * On PostgreSQL the service's memory was within the bar without them (277 MB at most in the same
 * run), and the heap's setting cost a page drawn anew a fifth of its speed, so V8 keeps its defaults.
 */
export const EMBEDDED_DATABASE_V8_FLAGS = ['--liftoff-only', '--heap-growing-percent=35'] as const;

/** The settings for where the service's database is: none on PostgreSQL. */
export const v8FlagsFor = (config: Pick<Config, 'databaseUrl'>): readonly string[] =>
  config.databaseUrl ? [] : EMBEDDED_DATABASE_V8_FLAGS;

/** Sets them, once, before the database is opened; gives what it set. */
export function applyV8Settings(
  config: Pick<Config, 'databaseUrl'>,
  set: (flag: string) => void = setFlagsFromString,
): readonly string[] {
  const flags = v8FlagsFor(config);
  for (const flag of flags) set(flag);
  return flags;
}
