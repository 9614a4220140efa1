import { readSheet } from 'read-excel-file/universal';
import type { ReadResult } from './types';

type Cell = string | number | boolean | Date | object | null;

function cellText(cell: Cell): string {
  if (cell === null) return '';
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  if (typeof cell === 'number' || typeof cell === 'boolean') return String(cell);
  return typeof cell === 'string' ? cell : '';
}

/** Reads the first sheet of an .xlsx workbook into the same rows of text a CSV gives. */
export async function readXlsx(buffer: ArrayBuffer): Promise<ReadResult> {
  let data: Cell[][];
  try {
    // A copy made in this realm: the reader checks `instanceof ArrayBuffer`, which a buffer
    // from another realm (a test environment's) fails.
    const copy = new ArrayBuffer(buffer.byteLength);
    new Uint8Array(copy).set(new Uint8Array(buffer));
    data = (await readSheet(copy)) as Cell[][];
  } catch {
    return {
      ok: false,
      problem: {
        row: null,
        column: null,
        message: 'This Excel file could not be read. Save it again as .xlsx and retry.',
      },
    };
  }
  const [headerRow, ...rest] = data;
  const header = (headerRow ?? []).map((c) => cellText(c).trim());
  if (header.length === 0 || header.every((name) => name === '')) {
    return {
      ok: false,
      problem: { row: 1, column: null, message: 'The first sheet is empty: there is no header row.' },
    };
  }
  const rows: string[][] = [];
  const rowNumbers: number[] = [];
  rest.forEach((row, i) => {
    const cells = row.map(cellText);
    if (cells.every((c) => c.trim() === '')) return;
    rows.push(cells);
    rowNumbers.push(i + 2);
  });
  return { ok: true, table: { header, rows, rowNumbers } };
}
