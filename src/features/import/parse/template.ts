import {
  comparatorIdSchema,
  polaritySchema,
  themeSchema,
  type Comparator,
  type ComparatorId,
  type Observation,
  type Polarity,
  type Theme,
  type Unit,
} from '../../../api/contract';
import type { ImportedFrom, LocalIndicator } from '../../../api/local-indicators';
import { toCsv } from '../../../lib/csv';
import { parsePeriodCell, parseUnit, parseValue, sortSeries, SYMBOL_LIST, type PeriodForm } from './cells';
import { templateId } from './identity';
import type { Problem, Table } from './types';

/** The dashboard's own template: one row per figure. The Import page documents these columns. */
export const TEMPLATE_COLUMNS = [
  {
    name: 'indicator_id',
    required: true,
    help: 'A short name for the indicator, the same on each of its rows.',
  },
  { name: 'title', required: true, help: 'The indicator’s title, as the dashboard shows it.' },
  { name: 'unit', required: true, help: 'count, percent, rate-per-10000 or gbp.' },
  {
    name: 'period',
    required: true,
    help: 'A financial year (2016-17), a quarter (Q1 2016-17), a month (2016-04) or a date (2016-04-30).',
  },
  {
    name: 'value',
    required: true,
    help: 'A number, or an EES symbol: c (suppressed), x (not available), z (not applicable), low or k (rounds to 0), u (low reliability).',
  },
  {
    name: 'series',
    required: false,
    help: 'Blank for the board’s own figures; england, region or statistical-neighbours for a comparator.',
  },
  { name: 'polarity', required: false, help: 'up-is-good, down-is-good or neutral (the default).' },
  { name: 'decimal_places', required: false, help: '0 to 3. Default: 0 for counts, 1 otherwise.' },
  { name: 'theme', required: false, help: `One of ${themeSchema.options.join(', ')}.` },
  { name: 'definition', required: false, help: 'What the indicator measures.' },
  { name: 'target', required: false, help: 'A target value, if the board has one.' },
  { name: 'headline', required: false, help: 'yes to show the indicator on the overview.' },
] as const;

type Column = (typeof TEMPLATE_COLUMNS)[number]['name'];

const EXAMPLE: Record<Column, string> = {
  indicator_id: 'cse-screenings',
  title: 'Children screened for risk of child sexual exploitation',
  unit: 'count',
  period: '2016-17',
  value: '50',
  series: '',
  polarity: 'up-is-good',
  decimal_places: '0',
  theme: 'exploitation',
  definition: 'Children screened with the CSE risk tool during the year.',
  target: '',
  headline: 'no',
};

export function templateCsv(): string {
  const names = TEMPLATE_COLUMNS.map((c) => c.name);
  return toCsv([names, names.map((n) => EXAMPLE[n])]);
}

const SERIES_LABELS: Record<ComparatorId, string> = {
  england: 'England',
  region: 'Region',
  'statistical-neighbours': 'Statistical neighbours',
};

interface Draft {
  id: string;
  title: string;
  unit: Unit;
  frequency: PeriodForm | null;
  polarity: Polarity;
  decimalPlaces: number | null;
  theme: Theme;
  definition: string;
  target: number | null;
  headline: boolean;
  series: Map<ComparatorId | 'own', Map<string, Observation>>;
}

export function isTemplate(header: readonly string[]): boolean {
  return header.includes('indicator_id') || (header.includes('period') && header.includes('value'));
}

/** Builds indicators from a file in the template, listing every problem with its row and column. */
export function buildFromTemplate(
  table: Table,
  source: ImportedFrom,
): { indicators: LocalIndicator[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const header = table.header.map((h) => h.toLowerCase());
  const index = new Map(header.map((name, i) => [name, i]));
  for (const column of TEMPLATE_COLUMNS) {
    if (column.required && !index.has(column.name)) {
      problems.push({
        row: 1,
        column: column.name,
        message: `The required column "${column.name}" is missing.`,
        kind: 'Missing column',
      });
    }
  }
  if (problems.length > 0) return { indicators: [], problems };

  const drafts = new Map<string, Draft>();
  table.rows.forEach((cells, i) => {
    const row = table.rowNumbers[i]!;
    const cell = (name: Column) => (cells[index.get(name) ?? -1] ?? '').trim();
    const report = (column: Column, message: string, kind: string) =>
      problems.push({ row, column, message, kind });
    if (cells.length !== table.header.length) {
      problems.push({
        row,
        column: null,
        message: `This row has ${cells.length} cells; the header has ${table.header.length}.`,
        kind: 'Wrong number of cells',
      });
      return;
    }
    const rawId = cell('indicator_id');
    if (rawId === '') return report('indicator_id', 'The indicator_id is empty.', 'Empty indicator_id');
    const id = templateId(rawId);
    const unit = parseUnit(cell('unit'));
    if (!unit)
      return report(
        'unit',
        `Unknown unit "${cell('unit')}": use count, percent, rate-per-10000 or gbp.`,
        'Unknown unit',
      );
    const period = parsePeriodCell(cell('period'));
    if (!period) {
      return report('period', `Unreadable period or date "${cell('period')}".`, 'Unreadable period');
    }
    const value = parseValue(cell('value'));
    if (!value) {
      return report(
        'value',
        `"${cell('value')}" is not a number or an EES symbol (${SYMBOL_LIST}).`,
        'Unreadable value',
      );
    }
    const seriesText = cell('series').toLowerCase();
    const seriesParsed = comparatorIdSchema.safeParse(seriesText);
    if (seriesText !== '' && seriesText !== 'board' && !seriesParsed.success) {
      return report(
        'series',
        `Unknown series "${cell('series')}": leave blank, or use england, region or statistical-neighbours.`,
        'Unknown series',
      );
    }
    const seriesId: ComparatorId | 'own' = seriesParsed.success ? seriesParsed.data : 'own';

    let draft = drafts.get(id);
    if (!draft) {
      const polarity = polaritySchema.safeParse(cell('polarity') || 'neutral');
      if (!polarity.success)
        report('polarity', `Unknown polarity "${cell('polarity')}".`, 'Unknown polarity');
      const theme = themeSchema.safeParse(cell('theme') || 'referrals-and-assessment');
      if (!theme.success) report('theme', `Unknown theme "${cell('theme')}".`, 'Unknown theme');
      const dpText = cell('decimal_places');
      const dp = dpText === '' ? null : Number(dpText);
      if (dp !== null && !(Number.isInteger(dp) && dp >= 0 && dp <= 3)) {
        report(
          'decimal_places',
          `decimal_places must be 0, 1, 2 or 3, not "${dpText}".`,
          'Unreadable decimal_places',
        );
      }
      const targetText = cell('target');
      const target = targetText === '' ? null : (parseValue(targetText)?.value ?? null);
      if (targetText !== '' && target === null)
        report('target', `The target "${targetText}" is not a number.`, 'Unreadable target');
      draft = {
        id,
        title: cell('title') || rawId,
        unit,
        frequency: null,
        polarity: polarity.success ? polarity.data : 'neutral',
        decimalPlaces: dp,
        theme: theme.success ? theme.data : 'referrals-and-assessment',
        definition: cell('definition'),
        target,
        headline: /^(yes|y|true|1)$/i.test(cell('headline')),
        series: new Map(),
      };
      drafts.set(id, draft);
    } else if (draft.unit !== unit) {
      return report(
        'unit',
        `The unit "${unit}" differs from this indicator’s earlier rows ("${draft.unit}").`,
        'Unit differs',
      );
    }
    draft.frequency ??= period.frequency;
    if (draft.frequency !== period.frequency) {
      return report(
        'period',
        `"${period.code}" is ${period.frequency}; this indicator’s earlier periods are ${draft.frequency}.`,
        'Mixed periods',
      );
    }
    const series = draft.series.get(seriesId) ?? new Map<string, Observation>();
    draft.series.set(seriesId, series);
    if (series.has(period.code)) {
      return report(
        'period',
        `Duplicate period: ${period.code} appears more than once for ${rawId}${seriesId === 'own' ? '' : ` (${seriesId})`}.`,
        'Repeated period',
      );
    }
    series.set(period.code, { period: period.code, ...value });
  });

  if (table.rows.length === 0) {
    problems.push({
      row: null,
      column: null,
      message: 'The file has a header but no rows of figures.',
      kind: 'No figures',
    });
  }

  const indicators = [...drafts.values()].map((d): LocalIndicator => {
    const sorted = (s: Map<string, Observation> | undefined) =>
      sortSeries([...(s?.values() ?? [])], d.frequency);
    const comparators: Comparator[] = comparatorIdSchema.options
      .filter((c) => d.series.has(c))
      .map((c) => ({ id: c, label: SERIES_LABELS[c], series: sorted(d.series.get(c)) }));
    return {
      id: d.id,
      title: d.title,
      shortTitle: d.title,
      theme: d.theme,
      definition: d.definition || `${d.title}, imported from ${source.fileName}.`,
      unit: d.unit,
      decimalPlaces: d.decimalPlaces ?? (d.unit === 'count' ? 0 : 1),
      polarity: d.polarity,
      frequency: d.frequency ?? 'annual',
      target: d.target === null ? null : { value: d.target, tolerance: 0.1 },
      headline: d.headline,
      illustrative: false,
      source: { name: source.fileName, publisher: 'Imported from a file on this computer' },
      series: sorted(d.series.get('own')),
      comparators,
      importedFrom: source,
    };
  });
  return { indicators, problems };
}
