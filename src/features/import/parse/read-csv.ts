import Papa from 'papaparse';
import { decodeText } from './decode';
import type { ReadResult, Table } from './types';

/**
 * Reads CSV text with papaparse, which also guesses the delimiter (commas, or semicolons from
 * a spreadsheet set to a European locale). Blank lines are dropped but still counted, so row
 * numbers match what the user sees in a spreadsheet. `onProgress` gets a fraction from 0 to 1.
 */
export function readCsvText(text: string, onProgress?: (fraction: number) => void): ReadResult {
  const records: string[][] = [];
  const total = text.length || 1;
  Papa.parse<string[]>(text, {
    skipEmptyLines: false,
    chunkSize: 512 * 1024,
    // With a string, papaparse runs every chunk synchronously; chunks only pace the progress.
    chunk: (results: Papa.ParseResult<string[]>) => {
      for (const record of results.data) records.push(record);
      onProgress?.(Math.min(1, results.meta.cursor / total));
    },
    complete: () => {},
  });
  onProgress?.(1);
  const [headerRecord, ...rest] = records;
  const header = (headerRecord ?? []).map((name) => name.trim());
  if (header.length === 0 || header.every((name) => name === '')) {
    return {
      ok: false,
      problem: { row: 1, column: null, message: 'The file is empty: there is no header row.' },
    };
  }
  const table: Table = { header, rows: [], rowNumbers: [] };
  rest.forEach((record, i) => {
    if (record.length === 1 && record[0]!.trim() === '') return;
    table.rows.push(record);
    table.rowNumbers.push(i + 2);
  });
  return { ok: true, table };
}

export function readCsvBytes(bytes: Uint8Array, onProgress?: (fraction: number) => void): ReadResult {
  const decoded = decodeText(bytes);
  if (!decoded.ok) return { ok: false, problem: { row: null, column: null, message: decoded.message } };
  return readCsvText(decoded.text, onProgress);
}
