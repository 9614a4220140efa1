import { useQuery } from '@tanstack/react-query';
import type { Board, Indicator } from '../../api/contract';
import { isLocalId } from '../../api/local-indicators';
import { boardQueries, indicatorQueries } from '../../api/queries';
import { ChartFigure } from '../../components/charts/chart-figure';
import { indicatorChart } from '../../components/charts/indicator-chart';
import { Panel } from '../../components/panel';
import { PinButton } from '../../components/pin-button';
import { QueryFailure, QueryState } from '../../components/query-state';
import { LoadingState } from '../../components/states';
import { indicatorDefaultRange, type ReportingRange } from '../../lib/reporting-range';
import { pointsInRange } from '../../lib/reporting-range';
import { toPoints } from '../../lib/series';
import { useWording } from '../../lib/use-wording';

/**
 * The indicator the overview features: the one the board's administrator chose in board settings,
 * or by default the first of the board's headline indicators (never one only this browser holds).
 * Null when there is neither.
 */
export function featuredIndicatorId(
  board: Pick<Board, 'featuredIndicatorId'> | null | undefined,
  headline: readonly Pick<Indicator, 'id' | 'headline'>[],
): string | null {
  return board?.featuredIndicatorId ?? headline.find((i) => i.headline && !isLocalId(i.id))?.id ?? null;
}

/**
 * The featured indicator's chart over the reporting range: the same figure (narrative, events,
 * source) as the indicator's page and its slide, and what the measure means, in the board's own words.
 */
function FeaturedChart({ indicator, range }: { indicator: Indicator; range: ReportingRange | null }) {
  const board = useQuery(boardQueries.detail());
  const annotations = useQuery(indicatorQueries.annotations());
  const points = toPoints(indicator.series, indicator.frequency);
  const shown = range
    ? indicatorDefaultRange(indicator, range)
    : {
        from: points[0]?.period.financialYear ?? '',
        to: points.at(-1)?.period.financialYear ?? '',
        asAt: null,
      };
  const { figure } = indicatorChart(indicator, {
    ...shown,
    hidden: [],
    areaName: board.data?.area.name ?? 'This board',
    annotations: annotations.data?.annotations ?? [],
    eventsFailed: annotations.isError,
  });
  const hasFigures = pointsInRange(indicator, shown).some((p) => p.value !== null);
  return (
    <>
      <ChartFigure
        {...figure}
        tableCaption={`${indicator.title}, by quarter, ${figure.period}`}
        pin={
          hasFigures ? (
            <PinButton
              item={{
                type: 'indicator',
                indicatorId: indicator.id,
                from: shown.from,
                to: shown.to,
                hidden: [],
              }}
              title={indicator.title}
            />
          ) : null
        }
      />
      <QueryFailure query={annotations} what="The chart’s events" missing="none are marked on it" />
      <p className="featured-panel__meaning">{indicator.definition}</p>
    </>
  );
}

export function FeaturedPanel({ range }: { range: ReportingRange | null }) {
  const board = useQuery(boardQueries.detail());
  const headline = useQuery(indicatorQueries.headline());
  const words = useWording();
  const settled = !board.isPending && !headline.isPending;
  const id = settled ? featuredIndicatorId(board.data, headline.data?.indicators ?? []) : null;
  const indicator = useQuery({ ...indicatorQueries.detail(id ?? ''), enabled: id !== null });
  // Named by the indicator as soon as any answer names it, even when its own figures fail.
  const title =
    indicator.data?.title ??
    headline.data?.indicators.find((i) => i.id === id)?.title ??
    'Featured indicator';
  return (
    <Panel title={title} className="featured-panel">
      {!settled ? (
        <LoadingState label="Loading the featured indicator" />
      ) : id === null && headline.isError ? (
        <QueryState query={headline} loadingLabel="Loading the featured indicator">
          {() => null}
        </QueryState>
      ) : id === null ? (
        <p>
          No indicator is featured yet: {words.the} has no headline indicators. An administrator marks
          indicators as headline in Indicator settings, or chooses one to feature in {words.settings}.
        </p>
      ) : (
        <QueryState
          query={indicator}
          loadingLabel="Loading the featured indicator’s chart"
          cannot="Its chart and narrative cannot be written:"
          isEmpty={(data) => data.series.length === 0}
          empty="There are no figures for this indicator yet."
        >
          {(data) => <FeaturedChart indicator={data} range={range} />}
        </QueryState>
      )}
    </Panel>
  );
}
