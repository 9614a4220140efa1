import { useQuery } from '@tanstack/react-query';
import type { Indicator } from '../../api/contract';
import { boardQueries, indicatorQueries } from '../../api/queries';
import { ChartFigure } from '../../components/charts/chart-figure';
import { indicatorChart } from '../../components/charts/indicator-chart';
import { Panel } from '../../components/panel';
import { PinButton } from '../../components/pin-button';
import { QueryState } from '../../components/query-state';
import { indicatorDefaultRange, type ReportingRange } from '../../lib/reporting-range';
import { pointsInRange } from '../../lib/reporting-range';
import { toPoints } from '../../lib/series';

export const CSE_INDICATOR_ID = 'cse-children-at-risk';

/**
 * The CSE chart over the reporting range: the same figure (narrative, events, source) as the
 * indicator's page and its slide, and what the measure means, in the board's own words.
 */
function CseChart({ indicator, range }: { indicator: Indicator; range: ReportingRange | null }) {
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
      <p className="cse-panel__meaning">{indicator.definition}</p>
    </>
  );
}

export function CsePanel({ range }: { range: ReportingRange | null }) {
  const indicator = useQuery(indicatorQueries.detail(CSE_INDICATOR_ID));
  return (
    <Panel title="Child sexual exploitation" className="cse-panel">
      <QueryState
        query={indicator}
        loadingLabel="Loading the child sexual exploitation chart"
        isEmpty={(data) => data.series.length === 0}
        empty="There are no figures for child sexual exploitation yet."
      >
        {(data) => <CseChart indicator={data} range={range} />}
      </QueryState>
    </Panel>
  );
}
