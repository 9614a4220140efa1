import type { Frequency, Unit } from '../../../api/contract';
import { parsePeriod } from '../../../lib/periods';
import {
  CELL_NUMBER,
  CELL_UNREADABLE,
  encodeCell,
  parseEesPeriod,
  parseValue,
  type EesPeriod,
} from './cells';
import type { Problem, Table } from './types';

/**
 * DfE "explore education statistics" tidy CSV: one row per time period x geography x filter
 * combination, then one column per indicator. A sibling `.meta.csv` may describe the columns.
 * describeEes works out, once per file (in the worker), what the file offers: its areas, its
 * filters and their values, its indicator columns and its kinds of period, with an index of every
 * row by area, period and filter value, so each choice the user makes later is cheap.
 */
export const EES_REQUIRED = [
  'time_period',
  'time_identifier',
  'geographic_level',
  'country_code',
  'country_name',
];

/** The EES observational units: time and geography columns, never filters or indicators. */
const GEOGRAPHY = new Set([
  ...EES_REQUIRED,
  'region_code',
  'region_name',
  'old_la_code',
  'new_la_code',
  'la_name',
  'rsc_region_lead_name',
  'pcon_code',
  'pcon_name',
  'lad_code',
  'lad_name',
  'local_enterprise_partnership_code',
  'local_enterprise_partnership_name',
  'english_devolved_area_code',
  'english_devolved_area_name',
  'mayoral_combined_authority_code',
  'mayoral_combined_authority_name',
  'opportunity_area_code',
  'opportunity_area_name',
  'ward_code',
  'ward_name',
  'trust_id',
  'trust_name',
  'sponsor_id',
  'sponsor_name',
  'school_laestab',
  'school_name',
  'school_urn',
  'school_estab',
  'school_postcode',
  'provider_urn',
  'provider_name',
  'provider_ukprn',
  'provider_upin',
  'institution_id',
  'institution_name',
  'lsip_code',
  'lsip_name',
]);

export interface EesArea {
  /** The area's code: new_la_code, or old_la_code where the file has no new code. */
  code: string;
  oldCode: string;
  name: string;
  regionCode: string;
  regionName: string;
  /** Labels of the first and last periods the area has rows for. */
  first: string | null;
  last: string | null;
  /** Where its last period ends on the time line (a month index), to tell the newer of two codes. */
  lastEnd: number;
  /** Other codes the file gives an area of the same name: a council whose code changed. */
  twins: string[];
}

export interface EesColumn {
  name: string;
  label: string;
  unit: Unit;
  decimalPlaces: number;
}

/** A column whose values break the figures down (population_type, age, sex...). */
export interface EesFilter {
  name: string;
  label: string;
  /** Its values, the one that stands for all of them first. */
  values: string[];
  /** The value that stands for all the others ("Total", "All ages"), if there is one. */
  total: string | null;
  numeric: boolean;
}

/** A filter column with one value throughout: it says what the whole file is about. */
export interface EesConstant {
  name: string;
  label: string;
  value: string;
}

export interface EesPeriodKind {
  frequency: Frequency;
  /** The time_identifiers that gave it, as the file writes them. */
  identifiers: string[];
  rows: number;
}

/**
 * Every row by where, when and which breakdown: the key into `geoKeys`, `periods` and each
 * filter's `values`, or -1 for a row of another geography. An unreadable period is -1 - k, where
 * `periodProblems[k]` says why.
 */
export interface EesIndex {
  geoKeys: string[];
  rowGeo: Int32Array;
  periods: EesPeriod[];
  rowPeriod: Int32Array;
  periodProblems: string[];
  rowFilter: Int32Array[];
  /** The spreadsheet row of each row, for problems. */
  rowNumbers: Int32Array;
}

/**
 * An indicator column, read once: each cell's code (see encodeCell) and number, and the text of
 * any cell that is neither a number nor a symbol. Typed arrays cost the page nothing to receive
 * from the worker, so the file's text never has to leave it.
 */
export interface EesValues {
  codes: Uint8Array;
  numbers: Float64Array;
  unreadable: Record<number, string>;
}

export interface EesFile {
  areas: EesArea[];
  columns: EesColumn[];
  filters: EesFilter[];
  constants: EesConstant[];
  /** Text columns that differ between rows but never within an area and period: not breakdowns. */
  attributes: { name: string; label: string }[];
  periodKinds: EesPeriodKind[];
  problems: Problem[];
  hasMeta: boolean;
  index: EesIndex;
  /** The cells of each indicator column, by its name. */
  values: Record<string, EesValues>;
}

export interface EesMetaColumn {
  type: string;
  label: string;
  unit: string;
  decimalPlaces: number | null;
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

/** A column name as words: `rereferral_percent` is "Rereferral (%)", `rate_per_10000` "Rate per 10,000". */
export function humanise(name: string): string {
  const words = name
    .replace(/_(?:percent|pct|pc)$/i, ' (%)')
    .replace(/10000/g, '10,000')
    .replaceAll('_', ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function inferUnit(name: string, metaUnit: string | undefined): Unit {
  if (metaUnit === '%' || metaUnit === 'pp') return 'percent';
  if (metaUnit === '£' || metaUnit === '£m') return 'gbp';
  if (/percent|_pc$|_pct$/i.test(name)) return 'percent';
  if (/rate/i.test(name)) return 'rate-per-10000';
  return 'count';
}

/** The value of a filter that stands for all the others: "Total", else "All ..." ("All ages"). */
function totalOf(values: readonly string[]): string | null {
  return (
    values.find((v) => v.toLowerCase() === 'total') ?? values.find((v) => /^all(?:\s|$)/i.test(v)) ?? null
  );
}

interface ColumnStats {
  numbers: number;
  integers: number;
  other: number;
  decimals: number;
  /** Distinct values, up to a cap: a breakdown has few. */
  distinct: Set<string>;
  values: EesValues;
}

const DISTINCT_CAP = 200;
const TEXT_SAMPLE = 1000;

/** Reads every cell of a column once: its values, and what they say about the column. */
function readColumn(table: Table, column: number): ColumnStats {
  const count = table.rows.length;
  const values: EesValues = {
    codes: new Uint8Array(count),
    numbers: new Float64Array(count),
    unreadable: {},
  };
  const stats: ColumnStats = { numbers: 0, integers: 0, other: 0, decimals: 0, distinct: new Set(), values };
  for (let i = 0; i < count; i++) {
    // A column of text (a breakdown such as population_type) shows itself in its first rows: it is
    // not read to the end as if it held figures.
    if (i === TEXT_SAMPLE && stats.other > stats.numbers) return stats;
    const text = table.rows[i]![column] ?? '';
    if (stats.distinct.size <= DISTINCT_CAP) stats.distinct.add(text.trim());
    const { code, value } = encodeCell(text);
    values.codes[i] = code;
    if (code === CELL_NUMBER) {
      values.numbers[i] = value;
      stats.numbers++;
      if (Number.isInteger(value)) stats.integers++;
      const point = text.indexOf('.');
      if (point >= 0) stats.decimals = Math.max(stats.decimals, text.trimEnd().length - point - 1);
    } else if (code === CELL_UNREADABLE) {
      stats.other++;
      values.unreadable[i] = text.trim();
    }
  }
  return stats;
}

/** What the file offers: its areas, filters, indicator columns and periods, and an index of its rows. */
export function describeEes(table: Table, meta?: Map<string, EesMetaColumn>): EesFile {
  const problems: Problem[] = EES_REQUIRED.filter((c) => !table.header.includes(c)).map((c) => ({
    row: 1,
    column: c,
    message: `The required EES column "${c}" is missing.`,
    kind: 'Missing column',
  }));
  if (table.rows.length === 0) {
    problems.push({
      row: null,
      column: null,
      message: 'The file has a header but no rows of figures.',
      kind: 'No figures',
    });
  }
  const col = (name: string) => table.header.indexOf(name);
  const cellOf = (row: readonly string[], column: number) => (column < 0 ? '' : (row[column] ?? '').trim());
  const [timePeriod, timeIdentifier, level, regionCode, regionName, oldCode, newCode, laName] = [
    'time_period',
    'time_identifier',
    'geographic_level',
    'region_code',
    'region_name',
    'old_la_code',
    'new_la_code',
    'la_name',
  ].map(col) as [number, number, number, number, number, number, number, number];

  // Periods: each distinct (time_period, time_identifier) is read once.
  const periods: EesPeriod[] = [];
  const periodKeys = new Map<string, number>();
  const periodProblems: string[] = [];
  const rowPeriod = new Int32Array(table.rows.length);
  // Geography: England, a region, or a local authority (by code); other levels are not used.
  const geoKeys: string[] = [];
  const geoIndex = new Map<string, number>();
  const rowGeo = new Int32Array(table.rows.length);
  const areas = new Map<string, EesArea & { months: number[] }>();
  const kinds = new Map<Frequency, EesPeriodKind>();

  table.rows.forEach((row, i) => {
    const periodKey = `${cellOf(row, timePeriod)}|${cellOf(row, timeIdentifier)}`;
    let p = periodKeys.get(periodKey);
    if (p === undefined) {
      const parsed = parseEesPeriod(cellOf(row, timePeriod), cellOf(row, timeIdentifier));
      if ('problem' in parsed) {
        p = -1 - periodProblems.length;
        periodProblems.push(parsed.problem);
      } else {
        p = periods.length;
        periods.push(parsed);
      }
      periodKeys.set(periodKey, p);
    }
    rowPeriod[i] = p;
    if (p >= 0) {
      const { frequency } = periods[p]!;
      const kind = kinds.get(frequency) ?? { frequency, identifiers: [], rows: 0 };
      kind.rows++;
      const identifier = cellOf(row, timeIdentifier);
      if (!kind.identifiers.includes(identifier)) kind.identifiers.push(identifier);
      kinds.set(frequency, kind);
    }

    const lvl = cellOf(row, level).toLowerCase();
    let key: string | null = null;
    if (lvl === 'national') key = 'england';
    else if (lvl === 'regional') key = `region:${cellOf(row, regionCode)}`;
    else if (lvl === 'local authority') {
      const code = cellOf(row, newCode) || cellOf(row, oldCode);
      const name = cellOf(row, laName);
      if (code && name) {
        key = `la:${code}`;
        let area = areas.get(code);
        if (!area) {
          area = {
            code,
            oldCode: cellOf(row, oldCode),
            name,
            regionCode: cellOf(row, regionCode),
            regionName: cellOf(row, regionName),
            first: null,
            last: null,
            lastEnd: -1,
            twins: [],
            months: [],
          };
          areas.set(code, area);
        }
        if (p >= 0) area.months.push(p);
      }
    }
    if (key === null) rowGeo[i] = -1;
    else {
      let g = geoIndex.get(key);
      if (g === undefined) {
        g = geoKeys.length;
        geoKeys.push(key);
        geoIndex.set(key, g);
      }
      rowGeo[i] = g;
    }
  });

  // Each area's span, and the areas that share a name (a council whose code changed).
  const byName = new Map<string, string[]>();
  for (const area of areas.values()) {
    const placed = [...new Set(area.months)]
      .map((p) => periods[p]!)
      .map((period) => parsePeriod(period.code, period.frequency)!)
      .sort((a, b) => a.endMonth - b.endMonth);
    area.first = placed[0]?.label ?? null;
    area.last = placed.at(-1)?.label ?? null;
    area.lastEnd = placed.at(-1)?.endMonth ?? -1;
    const name = area.name.toLowerCase();
    byName.set(name, [...(byName.get(name) ?? []), area.code]);
  }
  for (const area of areas.values()) {
    area.twins = (byName.get(area.name.toLowerCase()) ?? []).filter((c) => c !== area.code);
  }

  // Columns: a .meta.csv says which are filters and which indicators; without one, text columns
  // are filters and columns of numbers are indicators, unless they break rows down (see below).
  const filterColumns: number[] = [];
  const indicatorColumns: { index: number; stats: ColumnStats }[] = [];
  table.header.forEach((name, i) => {
    if (GEOGRAPHY.has(name) || name === '') return;
    const described = meta?.get(name);
    const type = described?.type.toLowerCase();
    if (type === 'filter') {
      filterColumns.push(i);
      return;
    }
    const stats = readColumn(table, i);
    if (type === 'indicator') {
      if (described?.unit !== 'numberstring') indicatorColumns.push({ index: i, stats });
      return;
    }
    if (stats.other > stats.numbers) filterColumns.push(i);
    else if (stats.numbers > 0) indicatorColumns.push({ index: i, stats });
  });

  // A numeric breakdown (age 0, 1, 2...) without a .meta.csv: rows still repeat for an area and
  // period once the text filters are counted, and a column of a few whole numbers that repeat in
  // every group tells them apart.
  const used = (i: number) => rowGeo[i]! >= 0 && rowPeriod[i]! >= 0;
  const groupsBy = (columns: readonly number[]) => {
    const groups = new Map<string, number>();
    table.rows.forEach((row, i) => {
      if (!used(i)) return;
      const key = [rowGeo[i], rowPeriod[i], ...columns.map((c) => cellOf(row, c))].join('\u0001');
      groups.set(key, (groups.get(key) ?? 0) + 1);
    });
    return groups;
  };
  if (!meta || meta.size === 0) {
    for (;;) {
      const groups = groupsBy(filterColumns);
      const largest = Math.max(0, ...groups.values());
      if (largest <= 1) break;
      const candidate = indicatorColumns
        .filter(
          ({ stats }) =>
            stats.other === 0 &&
            stats.numbers > 0 &&
            stats.integers === stats.numbers &&
            stats.distinct.size <= Math.min(DISTINCT_CAP, Math.max(12, largest * 2)),
        )
        .sort((a, b) => a.stats.distinct.size - b.stats.distinct.size)
        .find(({ index }) => {
          const next = groupsBy([...filterColumns, index]);
          return Math.max(0, ...next.values()) < largest;
        });
      if (!candidate) break;
      filterColumns.push(candidate.index);
      indicatorColumns.splice(indicatorColumns.indexOf(candidate), 1);
    }
  }

  const filters: EesFilter[] = [];
  const constants: EesConstant[] = [];
  const attributes: { name: string; label: string }[] = [];
  const rowFilter: Int32Array[] = [];
  for (const column of filterColumns) {
    const name = table.header[column]!;
    const label = meta?.get(name)?.label || humanise(name);
    const seen: string[] = [];
    const known = new Set<string>();
    for (const row of table.rows) {
      const value = cellOf(row, column);
      if (!known.has(value)) {
        known.add(value);
        seen.push(value);
      }
    }
    if (seen.length <= 1) {
      constants.push({ name, label, value: seen[0] ?? '' });
      continue;
    }
    // A column that never varies within an area and period describes the row (a council's type,
    // a figure's status) rather than breaking it down: there is nothing to choose.
    const firstInGroup = new Map<number, string>();
    const periodsCount = periods.length + 1;
    let varies = false;
    for (let i = 0; i < table.rows.length && !varies; i++) {
      if (!used(i)) continue;
      const key = rowGeo[i]! * periodsCount + rowPeriod[i]!;
      const value = cellOf(table.rows[i]!, column);
      const first = firstInGroup.get(key);
      if (first === undefined) firstInGroup.set(key, value);
      else if (first !== value) varies = true;
    }
    if (!varies) {
      attributes.push({ name, label });
      continue;
    }
    const numeric = seen.every((v) => v !== '' && parseValue(v)?.value != null);
    if (numeric) seen.sort((a, b) => Number(a) - Number(b));
    const total = totalOf(seen);
    const values = total ? [total, ...seen.filter((v) => v !== total)] : seen;
    const position = new Map(values.map((v, i) => [v, i]));
    rowFilter.push(Int32Array.from(table.rows, (row) => position.get(cellOf(row, column)) ?? -1));
    filters.push({ name, label, values, total, numeric });
  }

  const columns: EesColumn[] = indicatorColumns
    .sort((a, b) => a.index - b.index)
    .map(({ index, stats }) => {
      const name = table.header[index]!;
      const described = meta?.get(name);
      return {
        name,
        label: described?.label || humanise(name),
        unit: inferUnit(name, described?.unit),
        decimalPlaces: described?.decimalPlaces ?? Math.min(3, stats.decimals),
      };
    });

  if (problems.length === 0 && areas.size === 0) {
    problems.push({
      row: null,
      column: 'geographic_level',
      message: 'The file has no local authority rows.',
      kind: 'No local authorities',
    });
  }
  if (problems.length === 0 && columns.length === 0) {
    problems.push({
      row: 1,
      column: null,
      message: 'The file has no indicator columns (columns of numbers).',
      kind: 'No indicators',
    });
  }
  if (problems.length === 0 && periods.length === 0) {
    const reasons = [...new Set(Object.values(periodProblems))];
    problems.push({
      row: null,
      column: 'time_identifier',
      message: `None of the file’s time periods can be read. ${reasons.slice(0, 3).join(' ')}`,
      kind: 'Unreadable time periods',
    });
  }

  return {
    areas: [...areas.values()]
      .map(({ months: _months, ...area }) => area)
      .sort((a, b) => a.name.localeCompare(b.name, 'en-GB') || a.code.localeCompare(b.code)),
    columns,
    filters,
    constants,
    attributes,
    periodKinds: [...kinds.values()],
    problems,
    hasMeta: !!meta && meta.size > 0,
    index: {
      geoKeys,
      rowGeo,
      periods,
      rowPeriod,
      periodProblems,
      rowFilter,
      rowNumbers: Int32Array.from(table.rowNumbers),
    },
    values: Object.fromEntries(
      indicatorColumns.map(({ index, stats }) => [table.header[index]!, stats.values]),
    ),
  };
}
