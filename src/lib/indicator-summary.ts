import type { FinancialYear, Indicator } from '../api/contract';
import { compareValues, describeChangeSince, type Change } from './narrative';
import { financialYearEndMonth } from './periods';
import { ragStatus, type RagStatus } from './rag';
import { latestPair, toPoints, type Point } from './series';

export interface IndicatorSummary {
  /** Every observation up to the end of the chosen year. */
  points: Point[];
  latest: Point | null;
  previous: Point | null;
  change: Change | null;
  changeText: string;
  rag: RagStatus;
}

/**
 * Where an indicator stands at the end of a financial year (or on its latest figures, for null):
 * the figures a tile or list row shows.
 */
export function summariseIndicator(indicator: Indicator, asAtYear: FinancialYear | null): IndicatorSummary {
  const end = asAtYear ? financialYearEndMonth(asAtYear) : Infinity;
  const points = toPoints(indicator.series, indicator.frequency).filter((p) => p.period.endMonth <= end);
  const { latest, previous } = latestPair(points);
  const change =
    latest?.value != null && previous?.value != null
      ? compareValues(previous.value, latest.value, indicator.polarity, indicator.decimalPlaces)
      : null;
  return {
    points,
    latest,
    previous,
    change,
    changeText:
      latest && previous
        ? describeChangeSince(indicator, latest, previous)
        : 'No earlier figure to compare with',
    rag: ragStatus(latest?.value ?? null, indicator.target, indicator.polarity),
  };
}
