import { useQuery } from '@tanstack/react-query';
import type { ComponentProps, ReactNode } from 'react';
import { boardQueries, indicatorQueries } from '../../api/queries';
import type { ChartFigure } from '../../components/charts/chart-figure';
import { indicatorChart } from '../../components/charts/indicator-chart';
import type { PackChart } from '../../lib/meeting-pack';

type FigureProps = Omit<ComponentProps<typeof ChartFigure>, 'pin' | 'toolbar' | 'printTable' | 'className'>;

/** A pack item turned into what the dashboard draws, plus what a slide shows beside it. */
export interface ResolvedChart {
  title: string;
  /** The stretch of time shown: "2015-16 to 2017-18". */
  period: string;
  figure: FigureProps;
  keyFigure: { value: string; period: string } | null;
  illustrative: boolean;
}

export type ResolveState =
  | { status: 'pending' }
  | { status: 'error'; error: unknown; retry: () => void }
  | { status: 'ready'; chart: ResolvedChart };

interface Props<T extends PackChart = PackChart> {
  item: T;
  children: (state: ResolveState) => ReactNode;
}

/**
 * One resolver per kind of chart. Each fetches what its chart needs through the dashboard's own
 * queries and builds the same ChartFigure props the dashboard uses, so a slide or a printed page
 * is the dashboard's chart, not a copy of it.
 */
export function PackChartView({ item, children }: Props) {
  switch (item.type) {
    case 'indicator':
      return <IndicatorChartView item={item}>{children}</IndicatorChartView>;
  }
}

function IndicatorChartView({ item, children }: Props<Extract<PackChart, { type: 'indicator' }>>) {
  const indicator = useQuery(indicatorQueries.detail(item.indicatorId));
  const board = useQuery(boardQueries.detail());
  const annotations = useQuery(indicatorQueries.annotations());
  if (indicator.isPending) return children({ status: 'pending' });
  if (indicator.isError) {
    return children({ status: 'error', error: indicator.error, retry: () => void indicator.refetch() });
  }
  const { figure, keyFigure } = indicatorChart(indicator.data, {
    from: item.from,
    to: item.to,
    hidden: item.hidden,
    areaName: board.data?.area.name ?? 'This board',
    annotations: annotations.data?.annotations ?? [],
  });
  return children({
    status: 'ready',
    chart: {
      title: figure.title,
      period: `${item.from} to ${item.to}`,
      figure,
      keyFigure,
      illustrative: indicator.data.illustrative,
    },
  });
}
