import type { IndicatorSummaryItem } from '../api/contract';
import { analyseTrend, describeTrendBriefly, type Change } from './narrative';
import { ragStatus, type RagStatus } from './rag';
import { indicatorDefaultRange, pointsInRange, type ReportingRange } from './reporting-range';
import { latestPair, toPoints, type Point } from './series';

export interface IndicatorSummary {
  /** The observations in the range the indicator's page shows by default. */
  points: Point[];
  latest: Point | null;
  /** First to last figure in the range, judged by polarity. */
  change: Change | null;
  /** The chart narrative's reading of the trend, without the indicator's name. */
  trendText: string;
  rag: RagStatus;
}

/**
 * Where an indicator stands for a reporting year (or on all its figures, for null): the figures a
 * tile or list row shows. The range and the words are the ones the indicator's page uses by
 * default, so a tile and the page it links to say the same thing.
 */
export function summariseIndicator(
  indicator: IndicatorSummaryItem,
  range: ReportingRange | null,
): IndicatorSummary {
  const points = range
    ? pointsInRange(indicator, indicatorDefaultRange(indicator, range))
    : toPoints(indicator.series, indicator.frequency);
  const { latest } = latestPair(points);
  return {
    points,
    latest,
    change: analyseTrend(indicator, points)?.change ?? null,
    trendText: describeTrendBriefly(indicator, points),
    rag: ragStatus(latest?.value ?? null, indicator.target, indicator.polarity),
  };
}
