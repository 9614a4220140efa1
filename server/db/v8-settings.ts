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
 *   stays with the process, and the code is kept beside the baseline's. (A larger tiering budget,
 *   `--wasm-tiering-budget`, still compiled them.)
 * - `--heap-growing-percent=35`: after each full collection, JavaScript's heap may grow by 35% of
 *   what it kept before the next, not by V8's own factor (up to four times on a heap this small).
 *   The pages and answers of 50 people at once are short-lived; V8's own factor let them, and the
 *   buffers they hold, pile up to some 100 MB more than what was still in use.
 *
 * The most resident memory on the large board under a probe of the bench's load (50 people, the
 * pages' reads, the overview kept and drawn anew): 360 to 382 MB with neither, 355 with the first
 * alone, 294 to 327 with the heap's growth held to 20 to 50% alone, 252 to 256 with both (and 278
 * to 280 MB after contributors saving returns). In one run of `npm run bench -- --only bars`
 * against the service without them: 409 MB at most, now 269 MB; a page drawn anew p95 75 ms, now
 * 96 ms (784 pages a second against 959); saving a return 113 and 112 ms; each read within 3 ms.
 *
 * On PostgreSQL the database's memory is another process's, and the service was within the bar
 * without them (250 and 261 MB at most in that run); in the probe the heap's setting took it from
 * 277 to 183 MB, but a page drawn anew from p95 73 to 94 ms, so there V8 keeps its defaults.
 */
export const EMBEDDED_DATABASE_V8_FLAGS = ['--liftoff-only', '--heap-growing-percent=35'] as const;

/**
 * Sets the settings for where the service's database is (none on PostgreSQL), once, before the
 * database is opened; gives what it set.
 */
export function applyV8Settings(
  config: Pick<Config, 'databaseUrl'>,
  set: (flag: string) => void = setFlagsFromString,
): readonly string[] {
  const flags = config.databaseUrl ? [] : EMBEDDED_DATABASE_V8_FLAGS;
  for (const flag of flags) set(flag);
  return flags;
}
