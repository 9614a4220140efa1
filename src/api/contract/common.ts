import { z } from '../zod';

const nonEmpty = () => z.string().check(z.minLength(1));
export { nonEmpty };

/** A slug used in URLs: lower-case words joined by hyphens. */
export const idSchema = z.string().check(z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Must be a lower-case slug'));

/** ISO calendar date, `2017-04-03`. */
export const isoDateSchema = z.iso.date();

/** English financial year, 1 April to 31 March, written `2016-17`. */
export const financialYearSchema = z.string().check(
  z.regex(/^\d{4}-\d{2}$/, 'Must be a financial year such as 2016-17'),
  z.refine((code: string) => {
    const start = Number(code.slice(0, 4));
    return (start + 1) % 100 === Number(code.slice(5, 7));
  }, 'The second year must follow the first, as in 2016-17'),
);

/**
 * How often a series has a figure, and so which form its period codes take (see periodCodeSchema).
 * `annual` and `quarterly` are English financial years and their quarters; the others are the
 * other time periods DfE statistics files use.
 */
export const frequencySchema = z.enum([
  'annual',
  'quarterly',
  'monthly',
  'reporting-year',
  'calendar-year',
  'calendar-quarterly',
  'academic-year',
]);

/**
 * A period code: a plain string whose form follows the series frequency.
 * - `annual`: an English financial year, 1 April to 31 March, `2016-17`.
 * - `quarterly`: a financial-year quarter, `Q1 2016-17` (April to June 2016) to `Q4 2016-17`
 *   (January to March 2017).
 * - `monthly`: a calendar month, `2016-04`.
 * - `reporting-year`: a DfE reporting (collection) year, named by the year it ends in, `2017`.
 *   DfE children's social care collections run to 31 March, so it is placed at March 2017.
 * - `calendar-year`: January to December, `2017`.
 * - `calendar-quarterly`: a calendar quarter, `Q1 2017` (January to March 2017) to `Q4 2017`
 *   (October to December 2017).
 * - `academic-year`: 1 September to 31 August, `2016/17`.
 */
export const periodCodeSchema = z
  .string()
  .check(z.regex(/^(?:Q[1-4] \d{4}(?:-\d{2})?|\d{4}(?:-\d{2}|\/\d{2})?)$/, 'Must be a period code'));

export const unitSchema = z.enum(['count', 'percent', 'rate-per-10000', 'gbp']);
export const polaritySchema = z.enum(['up-is-good', 'down-is-good', 'neutral']);
export const comparatorIdSchema = z.enum(['england', 'region', 'statistical-neighbours']);

export { RETURN_ROUNDS_PAGE } from './constants';

export const errorBodySchema = z.object({
  message: z.string(),
  fieldErrors: z.optional(z.record(z.string(), z.array(z.string()))),
  /** The request's id in the data service's log (also its X-Request-Id header), to quote to support. */
  reference: z.optional(z.string()),
});

/**
 * The body of a 409: the save was based on an old version. `current` is the record as it now
 * stands (the endpoint's own response type), so the form can show what the other person changed.
 */
export const conflictBodySchema = z.object({
  message: z.string(),
  current: z.unknown(),
});

export type FinancialYear = z.infer<typeof financialYearSchema>;
export type Frequency = z.infer<typeof frequencySchema>;
export type ErrorBody = z.infer<typeof errorBodySchema>;

/**
 * Text a person may send: no NUL character (which PostgreSQL cannot store) and no lone half of a
 * UTF-16 surrogate pair (which is not a character and cannot be encoded). One expression, checked
 * on every string of every write request and query filter by `cleanText` below.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE_TEXT = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
export const UNSAFE_TEXT_MESSAGE = 'Contains a character that cannot be stored (a NUL or a broken character)';

export const isSafeText = (text: string): boolean => !UNSAFE_TEXT.test(text);

function findUnsafeText(value: unknown, path: PropertyKey[], found: PropertyKey[][]): void {
  if (typeof value === 'string') {
    if (!isSafeText(value)) found.push(path);
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => findUnsafeText(item, [...path, index], found));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (!isSafeText(key)) found.push([...path, key]);
      else findUnsafeText(item, [...path, key], found);
    }
  }
}

/**
 * The shared text refinement: a request or query schema that also refuses, field by field, any
 * string (or record key) holding unsafe text, with the field's path so a 422 names it. It walks
 * the parsed value once and tests each string with one regular expression, cheap enough for the
 * client, which parses the same requests.
 */
export function cleanText<S extends z.ZodMiniType>(schema: S): S {
  return schema.check(
    z.superRefine((value, ctx) => {
      const found: PropertyKey[][] = [];
      findUnsafeText(value, [], found);
      for (const path of found) {
        ctx.addIssue({ code: 'custom', message: UNSAFE_TEXT_MESSAGE, input: value, path });
      }
    }),
  ) as S;
}

/** Every endpoint's request and query schema, with `cleanText` (see endpoints in ./index). */
export function withCleanText<T extends object>(table: T): T {
  type Spec = { request?: z.ZodMiniType; query?: z.ZodMiniType };
  return Object.fromEntries(
    Object.entries(table as Record<string, Spec>).map(([name, spec]) => [
      name,
      {
        ...spec,
        ...(spec.request ? { request: cleanText(spec.request) } : {}),
        ...(spec.query ? { query: cleanText(spec.query) } : {}),
      },
    ]),
  ) as T;
}
