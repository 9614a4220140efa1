import type { AgencyReturn, EesSymbol } from '../../api/contract';
import { toCsv } from '../../lib/csv';
import { parseValue, SYMBOL_LIST } from '../import/parse/cells';
import { readFileBytes } from '../import/parse/read-file';

/** A figure typed into the return form: the text of the value, its mark, and a note. */
export interface EnteredFigure {
  value: string;
  symbol: EesSymbol | '';
  note: string;
  /** "I have checked this figure", ticked for a large change kept without a note. */
  checked?: boolean;
}

export const itemKey = (item: { indicatorId: string; period: string }) =>
  `${item.indicatorId}\u0000${item.period}`;

/** This return as the dashboard's import template, to fill in a spreadsheet and upload. */
export function returnTemplateCsv(data: AgencyReturn): string {
  return toCsv([
    ['indicator_id', 'title', 'unit', 'period', 'value', 'note'],
    ...data.items.map((item) => [
      item.indicatorId,
      item.title,
      item.unit,
      item.period,
      item.entered?.value ?? item.entered?.symbol ?? '',
      item.entered?.note ?? '',
    ]),
  ]);
}

export interface FileFill {
  figures: Map<string, EnteredFigure>;
  /** Rows that were not used, with the reason, as a person would look for them. */
  skipped: string[];
  problem: string | null;
}

/**
 * Reads a filled-in template (CSV or .xlsx) with the import page's own reader and matches its rows
 * to this return's figures by indicator_id and period.
 */
export async function readReturnFile(file: File, data: AgencyReturn): Promise<FileFill> {
  const result = await readFileBytes(file.name, await file.arrayBuffer());
  if (!result.ok) return { figures: new Map(), skipped: [], problem: result.problem.message };
  const { header, rows, rowNumbers } = result.table;
  const column = (name: string) => header.findIndex((h) => h.trim().toLowerCase() === name);
  const [id, period, value, note] = ['indicator_id', 'period', 'value', 'note'].map(column) as [
    number,
    number,
    number,
    number,
  ];
  if (id < 0 || period < 0 || value < 0) {
    return {
      figures: new Map(),
      skipped: [],
      problem:
        'The file needs the columns indicator_id, period and value. Download this return as a template to start from.',
    };
  }
  const wanted = new Set(data.items.map(itemKey));
  const figures = new Map<string, EnteredFigure>();
  const skipped: string[] = [];
  rows.forEach((row, i) => {
    const where = `Row ${rowNumbers[i]}`;
    const key = itemKey({ indicatorId: row[id]?.trim() ?? '', period: row[period]?.trim() ?? '' });
    const text = row[value]?.trim() ?? '';
    if (!wanted.has(key)) {
      skipped.push(
        `${where}: ${row[id] || '(no indicator)'} ${row[period] || '(no period)'} is not in this return`,
      );
      return;
    }
    if (text === '') return;
    const parsed = parseValue(text);
    if (!parsed) {
      skipped.push(`${where}: “${text}” is not a number or a mark (${SYMBOL_LIST})`);
      return;
    }
    figures.set(key, {
      value: parsed.value === null ? '' : String(parsed.value),
      symbol: parsed.symbol ?? '',
      note: note >= 0 ? (row[note]?.trim() ?? '') : '',
    });
  });
  return { figures, skipped, problem: null };
}
