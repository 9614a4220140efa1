import type { Comparator, Observation, Unit } from '../../../api/contract';
import { LOCAL_PREFIX, type ImportedFrom, type LocalIndicator } from '../../../api/local-indicators';
import { parseEesPeriod, parseValue, slug, sortSeries, type PeriodForm } from './cells';
import type { Problem, Table } from './types';

/**
 * DfE "explore education statistics" tidy CSV: one row per time period x geography x filter
 * combination, then one column per indicator. A sibling `.meta.csv` may describe the columns.
 */
export const EES_REQUIRED = [
  'time_period',
  'time_identifier',
  'geographic_level',
  'country_code',
  'country_name',
];

const GEOGRAPHY = new Set([
  ...EES_REQUIRED,
  'region_code',
  'region_name',
  'old_la_code',
  'new_la_code',
  'la_name',
]);

export interface EesArea {
  code: string;
  name: string;
  regionCode: string;
  regionName: string;
}

export interface EesColumn {
  name: string;
  label: string;
  unit: Unit;
  decimalPlaces: number;
}

export interface EesMetaColumn {
  type: string;
  label: string;
  unit: string;
  decimalPlaces: number | null;
}

export interface EesFile {
  areas: EesArea[];
  columns: EesColumn[];
  problems: Problem[];
}

export function isEes(header: readonly string[]): boolean {
  return header.includes('time_period') && header.includes('time_identifier');
}

/** Reads a `.meta.csv`: col_name, col_type, label, indicator_unit, indicator_dp. */
export function parseEesMeta(table: Table): Map<string, EesMetaColumn> {
  const at = (name: string) => table.header.indexOf(name);
  const [name, type, label, unit, dp] = [
    'col_name',
    'col_type',
    'label',
    'indicator_unit',
    'indicator_dp',
  ].map(at);
  const meta = new Map<string, EesMetaColumn>();
  if (name === undefined || name < 0) return meta;
  for (const row of table.rows) {
    const cell = (i: number | undefined) => (i === undefined || i < 0 ? '' : (row[i] ?? '').trim());
    const dpText = cell(dp);
    const places = dpText === '' ? null : Number(dpText);
    meta.set(cell(name), {
      type: cell(type),
      label: cell(label),
      unit: cell(unit),
      decimalPlaces:
        places !== null && Number.isInteger(places) && places >= 0 && places <= 3 ? places : null,
    });
  }
  return meta;
}

const humanise = (name: string) => {
  const words = name.replaceAll('_', ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

function inferUnit(name: string, metaUnit: string | undefined): Unit {
  if (metaUnit === '%') return 'percent';
  if (metaUnit === '£' || metaUnit === '£m') return 'gbp';
  if (/percent|_pc$|_pct$/i.test(name)) return 'percent';
  if (/rate/i.test(name)) return 'rate-per-10000';
  return 'count';
}

/** The filter columns, and for each, the value that stands for all (`Total`) when it varies. */
function filterRows(table: Table, filterColumns: readonly number[]): boolean[] {
  const keep = table.rows.map(() => true);
  for (const column of filterColumns) {
    const values = new Set(table.rows.map((r) => (r[column] ?? '').trim()));
    if (values.size <= 1) continue;
    const total = [...values].find((v) => v.toLowerCase() === 'total');
    if (!total) continue;
    table.rows.forEach((r, i) => {
      if ((r[column] ?? '').trim() !== total) keep[i] = false;
    });
  }
  return keep;
}

/** What the file offers: its local authorities and its indicator columns. */
export function describeEes(table: Table, meta?: Map<string, EesMetaColumn>): EesFile {
  const problems: Problem[] = EES_REQUIRED.filter((c) => !table.header.includes(c)).map((c) => ({
    row: 1,
    column: c,
    message: `The required EES column "${c}" is missing.`,
  }));
  if (table.rows.length === 0) {
    problems.push({ row: null, column: null, message: 'The file has a header but no rows of figures.' });
  }
  const col = (name: string) => table.header.indexOf(name);
  const level = col('geographic_level');
  const areas = new Map<string, EesArea>();
  for (const row of table.rows) {
    if ((row[level] ?? '').trim().toLowerCase() !== 'local authority') continue;
    const code = (row[col('new_la_code')] ?? '').trim() || (row[col('old_la_code')] ?? '').trim();
    const name = (row[col('la_name')] ?? '').trim();
    if (code && name && !areas.has(code)) {
      areas.set(code, {
        code,
        name,
        regionCode: (row[col('region_code')] ?? '').trim(),
        regionName: (row[col('region_name')] ?? '').trim(),
      });
    }
  }

  const columns: EesColumn[] = [];
  table.header.forEach((name, i) => {
    if (GEOGRAPHY.has(name) || name === '') return;
    const described = meta?.get(name);
    if (described && described.type.toLowerCase() !== 'indicator') return;
    let numbers = 0;
    let decimals = 0;
    let other = 0;
    for (const row of table.rows) {
      const cell = (row[i] ?? '').trim();
      if (cell === '') continue;
      const parsed = parseValue(cell);
      if (!parsed) other++;
      else if (parsed.value !== null) {
        numbers++;
        decimals = Math.max(decimals, cell.split('.')[1]?.length ?? 0);
      }
    }
    // Without a .meta.csv, a column of numbers (and symbols) is an indicator; text is a filter.
    if (!described && (numbers === 0 || other > numbers)) return;
    const unit = inferUnit(name, described?.unit);
    columns.push({
      name,
      label: described?.label || humanise(name),
      unit,
      decimalPlaces: described?.decimalPlaces ?? Math.min(3, decimals),
    });
  });
  if (problems.length === 0 && areas.size === 0) {
    problems.push({
      row: null,
      column: 'geographic_level',
      message: 'The file has no local authority rows.',
    });
  }
  if (problems.length === 0 && columns.length === 0) {
    problems.push({
      row: 1,
      column: null,
      message: 'The file has no indicator columns (columns of numbers).',
    });
  }
  return {
    areas: [...areas.values()].sort((a, b) => a.name.localeCompare(b.name, 'en-GB')),
    columns,
    problems,
  };
}

export interface EesChoice {
  areaCode: string;
  columns: readonly string[];
}

/** Builds one indicator per chosen column, for the chosen area, with its region and England. */
export function buildFromEes(
  table: Table,
  file: EesFile,
  choice: EesChoice,
  source: ImportedFrom,
): { indicators: LocalIndicator[]; problems: Problem[] } {
  const problems: Problem[] = [...file.problems];
  const area = file.areas.find((a) => a.code === choice.areaCode);
  const chosen = file.columns.filter((c) => choice.columns.includes(c.name));
  if (!area) problems.push({ row: null, column: 'la_name', message: 'Choose a local authority.' });
  if (chosen.length === 0)
    problems.push({ row: null, column: null, message: 'Choose at least one indicator column.' });
  if (!area || chosen.length === 0 || file.problems.length > 0) return { indicators: [], problems };

  const col = (name: string) => table.header.indexOf(name);
  const [period, identifier, level, regionCode, newCode, oldCode] = [
    'time_period',
    'time_identifier',
    'geographic_level',
    'region_code',
    'new_la_code',
    'old_la_code',
  ].map(col) as [number, number, number, number, number, number];
  const filterColumns = table.header
    .map((name, i) => ({ name, i }))
    .filter(({ name }) => !GEOGRAPHY.has(name) && !file.columns.some((c) => c.name === name))
    .map(({ i }) => i);
  const keep = filterRows(table, filterColumns);

  type Which = 'own' | 'region' | 'england';
  const whichOf = (row: string[]): Which | null => {
    const lvl = (row[level] ?? '').trim().toLowerCase();
    if (lvl === 'national') return 'england';
    if (lvl === 'regional') return (row[regionCode] ?? '').trim() === area.regionCode ? 'region' : null;
    if (lvl !== 'local authority') return null;
    const code = (row[newCode] ?? '').trim() || (row[oldCode] ?? '').trim();
    return code === area.code ? 'own' : null;
  };

  const series = new Map<string, Observation[]>();
  const seen = new Map<string, number>();
  let frequency: PeriodForm | null = null;
  table.rows.forEach((row, i) => {
    if (!keep[i]) return;
    const which = whichOf(row);
    if (!which) return;
    const rowNumber = table.rowNumbers[i]!;
    const when = parseEesPeriod(row[period] ?? '', row[identifier] ?? '');
    if (!when) {
      problems.push({
        row: rowNumber,
        column: 'time_period',
        message: `Unreadable time period "${row[period] ?? ''}" (${row[identifier] ?? ''}): expected a reporting year, financial year or financial-year quarter.`,
      });
      return;
    }
    frequency ??= when.frequency;
    if (when.frequency !== frequency) {
      problems.push({
        row: rowNumber,
        column: 'time_identifier',
        message: 'The file mixes years and quarters.',
      });
      return;
    }
    const key = `${which} ${when.code}`;
    const first = seen.get(key);
    if (first !== undefined) {
      problems.push({
        row: rowNumber,
        column: 'time_period',
        message: `Duplicate period: ${when.code} for ${which === 'own' ? area.name : which === 'region' ? area.regionName : 'England'} is also on row ${first}.`,
      });
      return;
    }
    seen.set(key, rowNumber);
    for (const column of chosen) {
      const text = (row[col(column.name)] ?? '').trim();
      // EES files leave a cell empty when there is no figure at all: treat it as unavailable.
      const value = text === '' ? { value: null, symbol: 'x' as const } : parseValue(text);
      if (!value) {
        problems.push({
          row: rowNumber,
          column: column.name,
          message: `"${text}" is not a number or an EES symbol (c, x, z, low).`,
        });
        continue;
      }
      const list = series.get(`${column.name} ${which}`) ?? [];
      list.push({ period: when.code, ...value });
      series.set(`${column.name} ${which}`, list);
    }
  });
  if (seen.size > 0 && ![...seen.keys()].some((k) => k.startsWith('own '))) {
    problems.push({ row: null, column: 'la_name', message: `There are no rows for ${area.name}.` });
  }

  const indicators = chosen.map((column): LocalIndicator => {
    const get = (which: Which) => sortSeries(series.get(`${column.name} ${which}`) ?? [], frequency);
    const comparators: Comparator[] = [];
    if (get('england').length > 0)
      comparators.push({ id: 'england', label: 'England', series: get('england') });
    if (get('region').length > 0) {
      comparators.push({ id: 'region', label: area.regionName || 'Region', series: get('region') });
    }
    return {
      id: `${LOCAL_PREFIX}${slug(area.name)}-${slug(column.name)}`,
      title: column.label,
      shortTitle: column.label,
      theme: 'referrals-and-assessment',
      definition: `${column.label} for ${area.name}, from the DfE statistics file ${source.fileName}.`,
      unit: column.unit,
      decimalPlaces: column.decimalPlaces,
      polarity: 'neutral',
      frequency: frequency ?? 'annual',
      target: null,
      headline: false,
      illustrative: false,
      source: { name: source.fileName, publisher: 'Department for Education (imported file)' },
      series: get('own'),
      comparators,
      importedFrom: { ...source, area: area.name },
    };
  });
  return { indicators, problems };
}
