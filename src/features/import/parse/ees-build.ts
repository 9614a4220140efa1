import type { Comparator, EesSymbol, Frequency, Observation, Polarity, Theme } from '../../../api/contract';
import { symbolMeanings } from '../../../lib/format';
import type { ImportedFrom, LocalIndicator } from '../../../api/local-indicators';
import { frequencyLabels } from '../../../lib/indicator-labels';
import { parsePeriod } from '../../../lib/periods';
import { CELL_EMPTY, CELL_NUMBER, CELL_SYMBOLS, CELL_UNREADABLE, decodeSymbol, SYMBOL_LIST } from './cells';
import type { EesArea, EesColumn, EesFile } from './ees';
import { fileKey, importedId, legacyEesId } from './identity';
import type { Problem } from './types';

/** No value of a filter chosen yet. */
export const NOT_CHOSEN = -1;

/** What the user chose in the preview of an EES file. */
export interface EesChoice {
  areaCode: string;
  /** Join the area with the other codes of the same name (a council whose code changed). */
  join: boolean;
  columns: readonly string[];
  /** For each filter, the index of the value chosen in its `values`, or NOT_CHOSEN. */
  filterValues: Readonly<Record<string, number>>;
  /** A filter to make one indicator per value of, or null. */
  splitBy: string | null;
  /** The kind of period to import, where the file has more than one. */
  frequency: Frequency | null;
  theme: Theme;
  polarity: Readonly<Record<string, Polarity>>;
}

export interface EesBuild {
  indicators: LocalIndicator[];
  /** What is wrong in the rows the choice uses: nothing can be imported until the file is fixed. */
  problems: Problem[];
  /** Choices still to make before anything can be imported. */
  todo: string[];
  /** What was decided for the user, and how the file was read. */
  notes: string[];
  /** For each indicator, the id an earlier version of this page gave the same thing. */
  legacyIds: Record<string, string>;
}

type Which = 'own' | 'region' | 'england';

interface Group {
  /** The split value's index (or -1 without a split), and its rows by series and period. */
  split: number;
  rows: Record<Which, Map<number, number[]>>;
}

interface Selection {
  areas: EesArea[];
  groups: Group[];
  problems: Problem[];
  todo: string[];
  notes: string[];
  frequency: Frequency;
}

interface ColumnSeries {
  /** By group, then by series. */
  series: Record<Which, Observation[]>[];
  problems: Problem[];
  empty: number;
  obsolete: Set<string>;
  /** The symbols its figures hold, to explain them. */
  symbols: Set<EesSymbol>;
}

const SERIES_NAMES = (area: string, region: string): Record<Which, string> => ({
  own: area,
  region: region || 'the region',
  england: 'England',
});

/**
 * The area chosen until the user chooses one: the board's own area if the file has it (its
 * current code, where the code changed), otherwise the first in the list.
 */
export function defaultAreaCode(file: EesFile, boardArea: string | null): string {
  const named = file.areas.filter((a) => a.name === boardArea);
  return (latest(named) ?? file.areas[0])?.code ?? '';
}

/**
 * The choices before the user makes any: no area yet (see defaultAreaCode), no column ticked,
 * Total for every filter that has one, and the yearly periods where the file has several kinds.
 */
export function defaultChoice(file: EesFile, theme: Theme): EesChoice {
  const yearly = file.periodKinds.find((k) =>
    ['annual', 'reporting-year', 'calendar-year', 'academic-year'].includes(k.frequency),
  );
  return {
    areaCode: '',
    join: false,
    columns: [],
    filterValues: Object.fromEntries(file.filters.map((f) => [f.name, f.total === null ? NOT_CHOSEN : 0])),
    splitBy: null,
    frequency: file.periodKinds.length === 1 ? file.periodKinds[0]!.frequency : (yearly?.frequency ?? null),
    theme,
    polarity: {},
  };
}

/** Of areas sharing a name, the one whose rows run latest (the current code). */
function latest(areas: readonly EesArea[]): EesArea | undefined {
  return [...areas].sort((a, b) => b.lastEnd - a.lastEnd)[0];
}

const list = (items: readonly string[]) =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;

const quoted = (value: string) => `“${value || '(blank)'}”`;

/** Words for a period kind: "financial years". */
export const periodKindWords: Record<Frequency, string> = {
  annual: 'financial years',
  quarterly: 'financial-year quarters',
  monthly: 'months',
  'reporting-year': 'reporting years',
  'calendar-year': 'calendar years',
  'calendar-quarterly': 'calendar quarters',
  'academic-year': 'academic years',
};

const periodNotes: Partial<Record<Frequency, string>> = {
  'reporting-year':
    'Reporting years are shown as the file names them: 2025 is the DfE collection year to 31 March 2025.',
  'academic-year': 'Academic years run from September to August and are shown as 2016/17.',
  'calendar-quarterly': 'Calendar quarters are shown by their months, such as Jan to Mar 2017.',
  'calendar-year': 'Calendar years run from January to December.',
};

/**
 * Builds indicators from an EES file for the user's choices. Made once per file: the rows a choice
 * of area, filters and periods picks out are found once and kept, and each column's series is read
 * once for them, so ticking a column or choosing a theme costs almost nothing however big the file.
 */
export function createEesBuilder(file: EesFile, source: ImportedFrom) {
  const selections = new Map<string, Selection>();
  const columnSeries = new WeakMap<Selection, Map<string, ColumnSeries>>();
  const { index } = file;
  const geoIndex = new Map(index.geoKeys.map((key, i) => [key, i]));

  function select(choice: EesChoice): Selection | { todo: string[] } {
    const area = file.areas.find((a) => a.code === choice.areaCode);
    if (!area) return { todo: ['Choose a local authority.'] };
    const todo: string[] = [];
    const split = file.filters.find((f) => f.name === choice.splitBy) ?? null;
    for (const filter of file.filters) {
      if (filter === split) continue;
      if ((choice.filterValues[filter.name] ?? NOT_CHOSEN) === NOT_CHOSEN) {
        todo.push(
          `Choose a value of ${filter.name}${filter.label !== filter.name ? ` (${filter.label})` : ''}: the file breaks each area’s figures down by it, into ${filter.values.length > 4 ? `${filter.values.length} values such as ${list(filter.values.slice(0, 3).map(quoted))}` : list(filter.values.map(quoted))}.`,
        );
      }
    }
    const frequency =
      choice.frequency ?? (file.periodKinds.length === 1 ? file.periodKinds[0]!.frequency : null);
    if (!frequency)
      todo.push(
        `Choose which periods to import: the file has ${list(file.periodKinds.map((k) => periodKindWords[k.frequency]))}.`,
      );
    if (todo.length > 0 || !frequency) return { todo };

    const codes = choice.join ? [area.code, ...area.twins] : [area.code];
    const areas = codes.map((c) => file.areas.find((a) => a.code === c)!).filter(Boolean);
    const key = JSON.stringify([
      codes,
      file.filters.map((f) => (f === split ? 'split' : choice.filterValues[f.name])),
      frequency,
    ]);
    const cached = selections.get(key);
    if (cached) return cached;

    const own = new Set(codes.map((c) => geoIndex.get(`la:${c}`)).filter((g) => g !== undefined));
    const newest = latest(areas) ?? area;
    const region = geoIndex.get(`region:${newest.regionCode}`) ?? -2;
    const england = geoIndex.get('england') ?? -2;
    const chosen = file.filters.map((f, i) => ({
      values: index.rowFilter[i]!,
      value: f === split ? -1 : (choice.filterValues[f.name] ?? NOT_CHOSEN),
    }));
    const splitValues = split ? index.rowFilter[file.filters.indexOf(split)]! : null;
    const groups = new Map<number, Group>();
    const problems: Problem[] = [];
    const ownAnyFilter: number[] = [];

    for (let i = 0; i < index.rowGeo.length; i++) {
      const geo = index.rowGeo[i]!;
      const which: Which | null = own.has(geo)
        ? 'own'
        : geo === region
          ? 'region'
          : geo === england
            ? 'england'
            : null;
      if (!which) continue;
      if (which === 'own') ownAnyFilter.push(i);
      if (!chosen.every(({ values, value }) => value < 0 || values[i] === value)) continue;
      const p = index.rowPeriod[i]!;
      if (p < 0) {
        problems.push({
          row: index.rowNumbers[i]!,
          column: 'time_period',
          message: index.periodProblems[-1 - p] ?? 'This time period cannot be read.',
          kind: 'Unreadable time period',
        });
        continue;
      }
      if (index.periods[p]!.frequency !== frequency) continue;
      const s = splitValues ? splitValues[i]! : -1;
      let group = groups.get(s);
      if (!group) {
        group = { split: s, rows: { own: new Map(), region: new Map(), england: new Map() } };
        groups.set(s, group);
      }
      const byPeriod = group.rows[which];
      byPeriod.set(p, [...(byPeriod.get(p) ?? []), i]);
    }

    // Rows that say the same thing twice. For a joined council, a period under both codes is
    // taken from the newer code.
    const notes: string[] = [];
    const overlaps: string[] = [];
    const names = SERIES_NAMES(area.name, newest.regionName);
    const byAge = [...areas].sort((a, b) => b.lastEnd - a.lastEnd).map((a) => geoIndex.get(`la:${a.code}`));
    for (const group of groups.values()) {
      for (const which of ['own', 'region', 'england'] as const) {
        for (const [p, rows] of group.rows[which]) {
          if (rows.length <= 1) continue;
          const geos = new Set(rows.map((r) => index.rowGeo[r]));
          if (which === 'own' && choice.join && geos.size === rows.length) {
            const pick = byAge.find((g) => geos.has(g!));
            group.rows.own.set(
              p,
              rows.filter((r) => index.rowGeo[r] === pick),
            );
            overlaps.push(label(index.periods[p]!));
            continue;
          }
          const numbers = rows.map((r) => String(index.rowNumbers[r]!));
          problems.push({
            row: index.rowNumbers[rows[1]!]!,
            column: 'time_period',
            message: `Rows ${list(numbers)} all give ${label(index.periods[p]!)} for ${names[which]}${split ? ` and ${split.name} ${quoted(split.values[group.split] ?? '')}` : ''} with the same filter values, so it is not clear which to use.`,
            kind: 'Repeated rows',
          });
        }
      }
    }
    if (overlaps.length > 0) {
      notes.push(
        `${list(overlaps)} ${overlaps.length === 1 ? 'is' : 'are'} in the file under more than one of ${area.name}’s codes: the figure under ${newest.code} (the newer code) is used.`,
      );
    }
    if (choice.join && areas.length > 1) {
      const spans = [...areas]
        .sort((a, b) => (a.last ?? '').localeCompare(b.last ?? ''))
        .map((a) => `${a.code} ${a.first === a.last ? `for ${a.first}` : `from ${a.first} to ${a.last}`}`);
      notes.push(`${area.name} is joined into one series: ${list(spans)}.`);
    }

    // The area has rows, but none for the values chosen: say which values it does have.
    const ownCount = [...groups.values()].reduce((n, g) => n + g.rows.own.size, 0);
    if (ownCount === 0) {
      if (ownAnyFilter.length === 0) {
        todo.push(`The file has no rows for ${area.name}. Choose another local authority.`);
      } else {
        const hints = file.filters.flatMap((f, i) => {
          if (f === split) return [];
          const values = index.rowFilter[i]!;
          const present = [...new Set(ownAnyFilter.map((r) => values[r]!))].sort((a, b) => a - b);
          return present.includes(choice.filterValues[f.name] ?? NOT_CHOSEN)
            ? []
            : [
                `Its rows have ${f.name} ${list(present.map((v) => quoted(f.values[v] ?? '')))}: choose one of those.`,
              ];
        });
        const otherPeriods = ownAnyFilter.some((r) => {
          const p = index.rowPeriod[r]!;
          return p >= 0 && index.periods[p]!.frequency !== frequency;
        });
        todo.push(
          hints.length > 0
            ? `${area.name} has no rows for the values chosen. ${hints.join(' ')}`
            : otherPeriods
              ? `${area.name} has no rows for ${periodKindWords[frequency]}: choose other periods.`
              : `${area.name} has no rows with a time period the dashboard can read.`,
        );
      }
    }

    const selection: Selection = {
      areas,
      groups: [...groups.values()].sort((a, b) => a.split - b.split),
      problems,
      todo,
      notes,
      frequency,
    };
    selections.set(key, selection);
    return selection;
  }

  function label(period: { code: string; frequency: Frequency }) {
    return parsePeriod(period.code, period.frequency)?.label ?? period.code;
  }

  function readColumn(selection: Selection, column: EesColumn): ColumnSeries {
    const read = columnSeries.get(selection) ?? new Map<string, ColumnSeries>();
    columnSeries.set(selection, read);
    const cached = read.get(column.name);
    if (cached) return cached;
    const cells = file.values[column.name]!;
    const result: ColumnSeries = {
      series: [],
      problems: [],
      empty: 0,
      obsolete: new Set(),
      symbols: new Set(),
    };
    for (const group of selection.groups) {
      const series = { own: [], region: [], england: [] } as Record<Which, Observation[]>;
      for (const which of ['own', 'region', 'england'] as const) {
        for (const [p, [row]] of group.rows[which]) {
          if (row === undefined) continue;
          const period = index.periods[p]!.code;
          const code = cells.codes[row]!;
          if (code === CELL_NUMBER) {
            series[which].push({ period, value: cells.numbers[row]! });
          } else if (code === CELL_EMPTY) {
            // EES files leave a cell empty when there is no figure at all: it is read as unavailable.
            result.empty++;
            series[which].push({ period, value: null, symbol: 'x' });
          } else if (code === CELL_UNREADABLE) {
            result.problems.push({
              row: index.rowNumbers[row]!,
              column: column.name,
              message: `"${cells.unreadable[row] ?? ''}" is not a number or an EES symbol (${SYMBOL_LIST}).`,
              kind: 'Unreadable value',
            });
          } else {
            const { symbol, obsolete } = decodeSymbol(code);
            if (obsolete) result.obsolete.add(obsolete);
            result.symbols.add(symbol);
            series[which].push({ period, value: null, symbol });
          }
        }
        const end = (code: string) => parsePeriod(code, selection.frequency)?.endMonth ?? 0;
        series[which].sort((a, b) => end(a.period) - end(b.period));
      }
      result.series.push(series);
    }
    read.set(column.name, result);
    return result;
  }

  return function build(choice: EesChoice): EesBuild {
    const notes: string[] = [];
    const legacyIds: Record<string, string> = {};
    const split = file.filters.find((f) => f.name === choice.splitBy) ?? null;
    for (const filter of file.filters) {
      if (filter === split) {
        notes.push(
          `One indicator is made for each value of ${filter.name}: ${list(filter.values.map(quoted))}.`,
        );
      } else if (filter.total !== null && choice.filterValues[filter.name] === 0) {
        notes.push(
          `${filter.name}: ${quoted(filter.total)} is chosen, as it stands for all the others. Choose another value to import that instead.`,
        );
      }
    }
    const selected = select(choice);
    const columns = file.columns.filter((c) => choice.columns.includes(c.name));
    const todo = [...selected.todo];
    if (columns.length === 0) todo.push('Tick at least one indicator column.');
    if (!('groups' in selected)) return { indicators: [], problems: [], todo, notes, legacyIds };
    notes.push(...selected.notes);
    const note = periodNotes[selected.frequency];
    if (note) notes.push(note);
    if (file.periodKinds.length > 1) {
      notes.push(
        `The file has ${list(file.periodKinds.map((k) => periodKindWords[k.frequency]))}: ${periodKindWords[selected.frequency]} are imported.`,
      );
    }
    const problems = [...selected.problems];
    if (columns.length === 0 || todo.length > 0) return { indicators: [], problems, todo, notes, legacyIds };

    const area = file.areas.find((a) => a.code === choice.areaCode)!;
    const newest = latest(selected.areas) ?? area;
    const codes = selected.areas.map((a) => a.code).sort();
    const regionName = newest.regionName;
    const chosenFilters = file.filters.filter((f) => f !== split);
    const indicators: LocalIndicator[] = [];
    let empty = 0;
    const obsolete = new Set<string>();
    const symbols = new Set<EesSymbol>();
    const missing: string[] = [];

    for (const column of columns) {
      const read = readColumn(selected, column);
      problems.push(...read.problems);
      empty += read.empty;
      read.obsolete.forEach((o) => obsolete.add(o));
      read.symbols.forEach((o) => symbols.add(o));
      selected.groups.forEach((group, g) => {
        const series = read.series[g]!;
        const splitValue = split ? (split.values[group.split] ?? '') : null;
        if (series.own.length === 0) {
          if (splitValue !== null) missing.push(quoted(splitValue));
          return;
        }
        const filterValues = chosenFilters.map((f) => ({
          f,
          value: f.values[choice.filterValues[f.name] ?? 0] ?? '',
        }));
        if (split && splitValue !== null) filterValues.push({ f: split, value: splitValue });
        const context = [
          ...file.constants
            .filter((c) => c.value !== '' && c.value.toLowerCase() !== 'total')
            .map((c) => c.value),
          ...filterValues.filter(({ f, value }) => value !== f.total).map(({ value }) => value || '(blank)'),
        ];
        const title = `${context.length > 0 ? `${context.join(', ')}: ` : ''}${column.label}, ${area.name}`;
        const shortTitle = `${column.label}${context.length > 0 ? ` (${context.join(', ')})` : ''}`;
        const identity = [
          fileKey(source.fileName),
          codes.join('+'),
          column.name,
          selected.frequency,
          ...filterValues.map(({ f, value }) => `${f.name}=${value}`).sort(),
        ];
        const id = importedId(
          `${area.name} ${column.name} ${filterValues
            .filter(({ f, value }) => value !== f.total)
            .map(({ value }) => value)
            .join(' ')}`,
          identity,
        );
        if (filterValues.every(({ f, value }) => value === f.total))
          legacyIds[id] = legacyEesId(area.name, column.name);
        const comparators: Comparator[] = [];
        if (series.england.length > 0)
          comparators.push({ id: 'england', label: 'England', series: series.england });
        if (series.region.length > 0)
          comparators.push({ id: 'region', label: regionName || 'Region', series: series.region });
        const breakdown = filterValues.map(({ f, value }) => `${f.name} ${quoted(value)}`);
        indicators.push({
          id,
          title,
          shortTitle,
          theme: choice.theme,
          definition: `${column.label}${breakdown.length > 0 ? ` where ${list(breakdown)}` : ''}, for ${area.name} (${codes.join(' and ')}), from the DfE statistics file ${source.fileName}${file.hasMeta ? ' and its .meta.csv' : ''}, column ${column.name}. ${frequencyLabels[selected.frequency]}.`,
          unit: column.unit,
          decimalPlaces: column.decimalPlaces,
          polarity: choice.polarity[column.name] ?? 'neutral',
          frequency: selected.frequency,
          target: null,
          headline: false,
          illustrative: false,
          source: { name: source.fileName, publisher: 'Department for Education (imported file)' },
          series: series.own,
          comparators,
          importedFrom: { ...source, area: area.name, areaCode: codes.join('+') },
        });
      });
    }
    if (missing.length > 0) {
      notes.push(
        `${area.name} has no rows for ${list([...new Set(missing)])}${split ? ` (${split.name})` : ''}: no indicator is made for ${missing.length === 1 ? 'it' : 'them'}.`,
      );
    }
    if (empty > 0)
      notes.push(
        `${empty.toLocaleString('en-GB')} empty ${empty === 1 ? 'cell is' : 'cells are'} read as x (not available).`,
      );
    if (symbols.size > 0) {
      const order = CELL_SYMBOLS.filter((symbol) => symbols.has(symbol));
      notes.push(
        `Some figures are EES symbols, kept as they are and never drawn as 0: ${list(order.map((symbol) => `${symbol} (${symbolMeanings[symbol]})`))}.`,
      );
    }
    if (obsolete.size > 0) {
      notes.push(
        `${list([...obsolete].map((o) => `“${o}”`))} ${obsolete.size === 1 ? 'is an older EES symbol' : 'are older EES symbols'}, read as ${list([...obsolete].map((o) => (o === ':' ? 'x' : 'low')))}.`,
      );
    }
    return { indicators, problems, todo, notes, legacyIds };
  };
}

export type EesBuilder = ReturnType<typeof createEesBuilder>;

/** Words that suggest a theme, looked for in the file's name, labels and filter values. */
const THEME_WORDS: [Theme, RegExp][] = [
  ['exploitation', /sexual exploitation|\bcse\b|criminal exploitation|missing|trafficking|gangs/i],
  [
    'child-protection',
    /child protection|\bcpps?\b|section 47|\bs47\b|\bicpc|conference|looked after|\bcla\b|care leaver|adopt/i,
  ],
  ['referrals-and-assessment', /referral|assessment|in need|\bcin\b|early help/i],
  ['engagement', /training|course|attendee/i],
  ['quality-assurance', /audit/i],
  ['partnership', /funding|contribution|budget/i],
];

/** A first guess at the theme, for the user to change: the first theme whose words the file uses. */
export function guessTheme(file: EesFile, fileName: string): Theme {
  const text = [
    fileName.replace(/[_-]/g, ' '),
    ...file.columns.map((c) => `${c.label} ${c.name.replace(/_/g, ' ')}`),
    ...file.constants.map((c) => c.value),
    ...file.filters.flatMap((f) => f.values),
  ].join(' ');
  return THEME_WORDS.find(([, words]) => words.test(text))?.[0] ?? 'referrals-and-assessment';
}

/**
 * For a count (or money) column, the column of the same file that compares fairly across areas of
 * different sizes: its rate or percentage (`2_years_or_more` has `2_years_or_more_percent`), or
 * the file's one rate per 10,000 children. Null where there is none, or the column is already fair.
 */
export function fairAlternative(column: EesColumn, columns: readonly EesColumn[]): EesColumn | null {
  if (column.unit !== 'count' && column.unit !== 'gbp') return null;
  const base = column.name.toLowerCase().replace(/_(?:count|number|num|total)$/, '');
  const fair = columns.filter((c) => c.unit === 'percent' || c.unit === 'rate-per-10000');
  const stem = (name: string) =>
    name
      .toLowerCase()
      .replace(/_?(?:percent|pct|pc|rate_per_10000|rate_per_10k|rate|per_10000)$/, '')
      .replace(/^rate_per_10000$/, '');
  const rates = fair.filter((c) => c.unit === 'rate-per-10000');
  return fair.find((c) => stem(c.name) === base) ?? (rates.length === 1 ? rates[0]! : null);
}

/** The area choices the preview offers, with their codes. */
export function areaLabel(area: EesArea): string {
  if (area.twins.length === 0) return `${area.name} (${area.code})`;
  const span = area.first === area.last ? area.first : `${area.first} to ${area.last}`;
  return `${area.name} (${area.code}, ${span})`;
}
