import { toCsv } from '../../../lib/csv';
import { fieldErrorsFromIssues } from '../../../lib/field-errors';
import type { RequestSchema } from '../../../components/form/use-record-form';
import { readFileBytes } from '../parse/read-file';
import type { Problem } from '../parse/types';

/** One column of a board's spreadsheet: its heading in words and the request field it fills. */
export interface SheetColumn<K extends string> {
  key: K;
  heading: string;
  help: string;
  required?: boolean;
}

/**
 * A kind of record a board keeps in a spreadsheet: its columns, an example row for the template,
 * how a row becomes the request the form sends (checked by the same contract schema, so a row's
 * problems read as the form's field errors), and what makes a row repeat a record already kept.
 */
export interface SheetSpec<K extends string, R> {
  /** "audit", "audits". */
  noun: [string, string];
  columns: readonly SheetColumn<K>[];
  example: Record<K, string>;
  toRequest: (cells: Record<K, string>) => unknown;
  schema: RequestSchema<R>;
  /** The column a request field's problem belongs to; by default the field's own column. */
  columnOf?: Partial<Record<string, K>>;
  /** Problems with a row's text the schema cannot name (an unknown option). */
  check?: (cells: Record<K, string>) => Partial<Record<K, string>>;
  repeatKey: (request: R) => string;
}

export interface SheetRow<K extends string, R> {
  /** The spreadsheet's row number: the header is row 1. */
  row: number;
  cells: Record<K, string>;
  request: R | null;
}

export type MarkedRow<K extends string, R> = SheetRow<K, R> & {
  /** True when the record is already kept, or listed earlier in the file: it is not added again. */
  repeat: boolean;
};

export type SheetRead<K extends string, R> =
  { ok: false; problems: Problem[] } | { ok: true; rows: SheetRow<K, R>[] };

/** Larger than any programme or plan a board keeps: a file this big is not one of ours. */
export const MAX_SHEET_BYTES = 2 * 1024 * 1024;
export const MAX_SHEET_ROWS = 500;

const fileProblem = (message: string, row: number | null = null): { ok: false; problems: Problem[] } => ({
  ok: false,
  problems: [{ row, column: null, message, kind: 'The file' }],
});

/** The template: the columns in words and one example row, for a spreadsheet to open. */
export function sheetTemplateCsv<K extends string, R>(spec: SheetSpec<K, R>): string {
  return toCsv([spec.columns.map((c) => c.heading), spec.columns.map((c) => spec.example[c.key])]);
}

const normal = (heading: string) => heading.trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * Reads a filled-in template (CSV or .xlsx, with the Import page's reader) into rows, each checked
 * against the contract as the form checks it. A file that is not one (not a spreadsheet, too big,
 * wrong columns, no rows) or a row that needs correcting comes back as problems by row and column.
 */
export async function readSheet<K extends string, R>(
  file: File,
  spec: SheetSpec<K, R>,
): Promise<SheetRead<K, R>> {
  const [, plural] = spec.noun;
  if (file.size > MAX_SHEET_BYTES) {
    return fileProblem(
      `${file.name} is too big (${(file.size / 1024 / 1024).toFixed(1)} MB) for a list of ${plural}: the template is well under 2 MB.`,
    );
  }
  const read = await readFileBytes(file.name, await file.arrayBuffer());
  if (!read.ok) return { ok: false, problems: [{ ...read.problem, kind: 'The file' }] };
  const { header, rows, rowNumbers } = read.table;
  const at = new Map(header.map((h, i) => [normal(h), i]));
  const missing = spec.columns.filter((c) => c.required && !at.has(normal(c.heading)));
  if (missing.length > 0) {
    return fileProblem(
      `The file needs the columns ${missing.map((c) => c.heading).join(', ')}. Download the template to start from.`,
      1,
    );
  }
  if (rows.length === 0) return fileProblem(`The file has no ${plural} under its header row.`);
  if (rows.length > MAX_SHEET_ROWS) {
    return fileProblem(`The file lists ${rows.length} ${plural}: load at most ${MAX_SHEET_ROWS} at a time.`);
  }
  const headingOf = new Map(spec.columns.map((c) => [c.key as string, c.heading]));
  const labels = Object.fromEntries(spec.columns.map((c) => [c.key, c.heading]));
  const problems: Problem[] = [];
  const out = rows.map((cells, i): SheetRow<K, R> => {
    const row = rowNumbers[i]!;
    const values = Object.fromEntries(
      spec.columns.map((c) => {
        const index = at.get(normal(c.heading));
        return [c.key, index === undefined ? '' : (cells[index] ?? '').trim()];
      }),
    ) as Record<K, string>;
    const add = (field: string, message: string) =>
      problems.push({
        row,
        column: headingOf.get(spec.columnOf?.[field] ?? field) ?? null,
        message,
        kind: 'Needs correcting',
      });
    const own = Object.entries(spec.check?.(values) ?? {}) as [string, string][];
    own.forEach(([field, message]) => add(field, message));
    const parsed = spec.schema.safeParse(spec.toRequest(values));
    if (!parsed.success) {
      const errors = fieldErrorsFromIssues(parsed.error.issues, labels);
      Object.entries(errors)
        .filter(([field]) => !own.some(([f]) => f === field))
        .forEach(([field, message]) => add(field, message));
    }
    if (own.length > 0 || !parsed.success) return { row, cells: values, request: null };
    return { row, cells: values, request: parsed.data };
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, rows: out };
}

/**
 * Which rows repeat a record already kept, or a row above them in the file: worked out against the
 * records as they are now, each time they change, never once at reading (a list still being read
 * again after an add had made a second load of the same file offer to add it all twice).
 */
export function markRepeats<K extends string, R>(
  rows: readonly SheetRow<K, R>[],
  spec: SheetSpec<K, R>,
  kept: ReadonlySet<string>,
): MarkedRow<K, R>[] {
  const seen = new Set(kept);
  return rows.map((r) => {
    if (!r.request) return { ...r, repeat: false };
    const key = spec.repeatKey(r.request);
    const repeat = seen.has(key);
    seen.add(key);
    return { ...r, repeat };
  });
}

/**
 * The 422 of a load (`audits[2].title`) as problems on the rows of the file: `sent` are the rows
 * that were sent, in order.
 */
export function rowProblems<K extends string, R>(
  spec: SheetSpec<K, R>,
  list: string,
  fieldErrors: Record<string, string[]>,
  sent: readonly SheetRow<K, R>[],
): Problem[] {
  const headingOf = new Map(spec.columns.map((c) => [c.key as string, c.heading]));
  return Object.entries(fieldErrors).flatMap(([path, messages]) => {
    const match = new RegExp(`^${list}\\[(\\d+)\\]\\.?([A-Za-z]*)`).exec(path);
    const row = match ? sent[Number(match[1])]?.row : undefined;
    const field = match?.[2] ?? '';
    return messages.slice(0, 1).map((message) => ({
      row: row ?? null,
      column: headingOf.get(spec.columnOf?.[field] ?? field) ?? null,
      message,
      kind: 'Needs correcting',
    }));
  });
}
