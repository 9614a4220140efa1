import type { Observation } from '../../api/contract';
import type { LocalIndicator } from '../../api/local-indicators';
import { formatObservation } from '../../lib/format';
import { parsePeriod } from '../../lib/periods';
import { fileKey } from './parse/identity';

/** One figure a re-import changes: in which series, for which period, from what to what. */
export interface CellChange {
  series: string;
  period: string;
  before: string | null;
  after: string | null;
}

export interface IndicatorChange {
  indicator: LocalIndicator;
  /** What is saved now under the same id (or the older id of the same thing), if anything. */
  previous: LocalIndicator | null;
  /** The older id it replaces, when it was saved under one. */
  replacesId: string | null;
  cells: CellChange[];
  /** Definition, title, unit or theme that differ: named, not diffed. */
  details: string[];
}

const seriesOf = (indicator: LocalIndicator) => [
  { key: 'own', label: indicator.importedFrom.area ?? 'Own figures', series: indicator.series },
  ...indicator.comparators.map((c) => ({ key: c.id, label: c.label, series: c.series })),
];

/**
 * What saving `indicators` would change, figure by figure, against what is saved in this browser:
 * every indicator either is new, replaces one (listing each value added, changed or removed), or
 * is the same as before.
 */
export function describeChanges(
  indicators: readonly LocalIndicator[],
  existing: readonly LocalIndicator[],
  legacyIds: Readonly<Record<string, string>> = {},
): IndicatorChange[] {
  const byId = new Map(existing.map((i) => [i.id, i]));
  return indicators.map((indicator) => {
    const legacy = legacyIds[indicator.id];
    const olderForm = legacy ? byId.get(legacy) : undefined;
    const previous =
      byId.get(indicator.id) ??
      (olderForm && fileKey(olderForm.importedFrom.fileName) === fileKey(indicator.importedFrom.fileName)
        ? olderForm
        : null);
    if (!previous) return { indicator, previous: null, replacesId: null, cells: [], details: [] };
    const format = (obs: Observation | undefined, of: LocalIndicator) =>
      obs ? formatObservation(obs, of.unit, of.decimalPlaces) : null;
    const cells: CellChange[] = [];
    const before = new Map(seriesOf(previous).map((s) => [s.key, s]));
    const after = seriesOf(indicator);
    const keys = [...new Set([...after.map((s) => s.key), ...before.keys()])];
    for (const key of keys) {
      const now = after.find((s) => s.key === key);
      const then = before.get(key);
      const label = now?.label ?? then?.label ?? key;
      const thenBy = new Map((then?.series ?? []).map((o) => [o.period, o]));
      const nowBy = new Map((now?.series ?? []).map((o) => [o.period, o]));
      const periods = [...new Set([...thenBy.keys(), ...nowBy.keys()])];
      const end = (code: string) =>
        parsePeriod(code, indicator.frequency)?.endMonth ??
        parsePeriod(code, previous.frequency)?.endMonth ??
        0;
      periods.sort((a, b) => end(a) - end(b));
      for (const period of periods) {
        const was = format(thenBy.get(period), previous);
        const is = format(nowBy.get(period), indicator);
        if (was !== is) {
          const shown = parsePeriod(period, indicator.frequency) ?? parsePeriod(period, previous.frequency);
          cells.push({ series: label, period: shown?.label ?? period, before: was, after: is });
        }
      }
    }
    const details = (
      [
        ['title', previous.title !== indicator.title],
        ['unit', previous.unit !== indicator.unit || previous.decimalPlaces !== indicator.decimalPlaces],
        ['theme', previous.theme !== indicator.theme],
        ['which way is better', previous.polarity !== indicator.polarity],
      ] as const
    )
      .filter(([, differs]) => differs)
      .map(([what]) => what);
    return {
      indicator,
      previous,
      replacesId: previous.id === indicator.id ? null : previous.id,
      cells,
      details,
    };
  });
}

/** A change in words: "2024-25 for England: 33,130 becomes 33,200". */
export function describeCell(cell: CellChange): string {
  if (cell.before === null) return `${cell.period} for ${cell.series}: ${cell.after} added`;
  if (cell.after === null) return `${cell.period} for ${cell.series}: ${cell.before} removed`;
  return `${cell.period} for ${cell.series}: ${cell.before} becomes ${cell.after}`;
}
