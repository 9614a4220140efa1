/** A file read into rows of text cells. `rowNumbers[i]` is the spreadsheet row of `rows[i]`. */
export interface Table {
  header: string[];
  rows: string[][];
  rowNumbers: number[];
}

/**
 * One thing wrong with a file, where a user can find it: row 1 is the header. `kind` names the
 * sort of problem ("Unreadable value"), so a long list can be shown grouped, with a count.
 */
export interface Problem {
  row: number | null;
  column: string | null;
  message: string;
  kind?: string;
}

export type ReadResult = { ok: true; table: Table } | { ok: false; problem: Problem };
