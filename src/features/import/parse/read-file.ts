import { describeEes, isEes, parseEesMeta, type EesFile } from './ees';
import { readCsvBytes } from './read-csv';
import { readXlsx } from './read-xlsx';
import type { ReadResult, Table } from './types';

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

export type ReadImport = ReadResult & { ees?: EesFile };

/**
 * Reads a data file and, for an EES file, works out its areas and indicator columns (with its
 * .meta.csv when given). All of it runs in the worker: for a large file this is the slow part.
 */
export async function readImport(
  data: { name: string; buffer: ArrayBuffer },
  meta: { name: string; buffer: ArrayBuffer } | null,
  onProgress?: (fraction: number) => void,
): Promise<ReadImport> {
  const result = await readFileBytes(data.name, data.buffer, onProgress);
  if (!result.ok || !isEes(result.table.header)) return result;
  let metaTable: Table | undefined;
  if (meta) {
    const metaResult = await readFileBytes(meta.name, meta.buffer);
    if (metaResult.ok) metaTable = metaResult.table;
  }
  return { ...result, ees: describeEes(result.table, metaTable ? parseEesMeta(metaTable) : undefined) };
}
