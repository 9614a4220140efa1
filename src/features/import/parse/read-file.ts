import { describeEes, isEes, parseEesMeta, type EesFile } from './ees';
import { readCsvBytes } from './read-csv';
import { readXlsx } from './read-xlsx';
import type { Problem, ReadResult, Table } from './types';

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

/**
 * A file read for the Import page: the dashboard's template (or anything else) as a table of
 * text, or an EES file as what describeEes makes of it. An EES file's text stays in the worker:
 * only its description and its typed-array index come back, which cost the page nothing to take.
 */
export type ReadImport =
  | { ok: false; problem: Problem }
  | { ok: true; table: Table; ees?: undefined }
  | { ok: true; table?: undefined; ees: EesFile };

/**
 * Reads a data file and, for an EES file, works out its areas, filters, periods and indicator
 * columns (with its .meta.csv when given). All of it runs in the worker: for a large file this is
 * the slow part.
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
  return { ok: true, ees: describeEes(result.table, metaTable ? parseEesMeta(metaTable) : undefined) };
}

/** The buffers of a result's typed arrays, to transfer rather than copy them out of the worker. */
export function transferables(result: ReadImport): ArrayBuffer[] {
  if (!result.ok || !result.ees) return [];
  const { index, values } = result.ees;
  const arrays = [
    index.rowGeo,
    index.rowPeriod,
    index.rowNumbers,
    ...index.rowFilter,
    ...Object.values(values).flatMap((v) => [v.codes, v.numbers]),
  ];
  return arrays.map((a) => a.buffer as ArrayBuffer);
}
