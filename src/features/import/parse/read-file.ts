import { readCsvBytes } from './read-csv';
import { readXlsx } from './read-xlsx';
import type { ReadResult } from './types';

/** Reads a chosen file by its kind: CSV (any encoding a spreadsheet writes) or Excel .xlsx. */
export async function readFileBytes(
  name: string,
  buffer: ArrayBuffer,
  onProgress?: (fraction: number) => void,
): Promise<ReadResult> {
  const lower = name.toLowerCase();
  if (lower.endsWith('.xlsx')) return readXlsx(buffer);
  if (lower.endsWith('.csv') || lower.endsWith('.txt'))
    return readCsvBytes(new Uint8Array(buffer), onProgress);
  return {
    ok: false,
    problem: { row: null, column: null, message: `"${name}" is not a CSV or an Excel .xlsx file.` },
  };
}
