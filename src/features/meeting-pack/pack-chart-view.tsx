import { useQuery } from '@tanstack/react-query';
import type { ComponentProps, ReactNode } from 'react';
import {
  actionPlanQueries,
  boardQueries,
  indicatorQueries,
  qualityAssuranceQueries,
} from '../../api/queries';
import { BarFigure, type BarFigureProps, type FigureDisplayProps } from '../../components/charts/bar-figure';
import { ChartFigure } from '../../components/charts/chart-figure';
import { indicatorChart } from '../../components/charts/indicator-chart';
import {
  actionPlanProgressFigure,
  auditProgressFigure,
  auditsForYear,
  gradeSpreadFigure,
} from '../../lib/board-charts';
import type { PackChart } from '../../lib/meeting-pack';
import { overdueReferenceDate } from '../../lib/overdue';

type TrendFigureProps = Omit<
  ComponentProps<typeof ChartFigure>,
  'pin' | 'toolbar' | 'printTable' | 'className'
>;

/** The dashboard's own figure for a pack item: a trend (ChartFigure) or categories (BarFigure). */
export type PackFigureSpec =
  { kind: 'trend'; props: TrendFigureProps } | { kind: 'bars'; props: BarFigureProps };

/** A pack item turned into what the dashboard draws, plus what a slide shows beside it. */
export interface ResolvedChart {
  title: string;
  /** The stretch of time shown: "2015-16 to 2017-18". */
  period: string;
  figure: PackFigureSpec;
  /** The number a slide shows large, and the words after it (by default "in <period>"). */
  keyFigure: { value: string; period: string; caption?: string } | null;
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

/** Draws a resolved pack figure with the same component the dashboard uses for it. */
export function PackFigure({
  figure,
  height,
  ...display
}: { figure: PackFigureSpec; height?: number } & FigureDisplayProps) {
  return figure.kind === 'trend' ? (
    <ChartFigure {...figure.props} {...display} {...(height ? { height } : {})} />
  ) : (
    <BarFigure {...figure.props} {...display} />
  );
}

/**
 * One resolver per kind of chart. Each fetches what its chart needs through the dashboard's own
 * queries and builds the same figure props the dashboard uses, so a slide or a printed page is
 * the dashboard's chart, not a copy of it.
 */
export function PackChartView({ item, children }: Props) {
  switch (item.type) {
    case 'indicator':
      return <IndicatorChartView item={item}>{children}</IndicatorChartView>;
    case 'audit-progress':
    case 'audit-grades':
      return <AuditChartView item={item}>{children}</AuditChartView>;
    case 'action-plan-progress':
      return <ActionPlanChartView item={item}>{children}</ActionPlanChartView>;
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
    areaName: indicator.data.importedFrom?.area ?? board.data?.area.name ?? 'This board',
    annotations: annotations.data?.annotations ?? [],
  });
  return children({
    status: 'ready',
    chart: {
      title: figure.title,
      period: `${item.from} to ${item.to}`,
      figure: { kind: 'trend', props: figure },
      keyFigure,
      illustrative: indicator.data.illustrative,
    },
  });
}

function AuditChartView({
  item,
  children,
}: Props<Extract<PackChart, { type: 'audit-progress' | 'audit-grades' }>>) {
  const audits = useQuery(qualityAssuranceQueries.audits());
  const board = useQuery(boardQueries.detail());
  if (audits.isPending) return children({ status: 'pending' });
  if (audits.isError)
    return children({ status: 'error', error: audits.error, retry: () => void audits.refetch() });
  const inYear = auditsForYear(audits.data.audits, item.year).filter((a) => a.status !== 'cancelled');
  const done = inYear.filter((a) => a.status === 'completed').length;
  const reference = overdueReferenceDate(
    item.year,
    board.data?.dataAsAt ?? new Date().toISOString().slice(0, 10),
  );
  const figure =
    item.type === 'audit-progress'
      ? auditProgressFigure(audits.data.audits, item.year, reference)
      : gradeSpreadFigure(audits.data.audits, item.year);
  return children({
    status: 'ready',
    chart: {
      title: figure.title,
      period: item.year,
      figure: { kind: 'bars', props: figure },
      keyFigure: {
        value: `${done} of ${inYear.length}`,
        period: item.year,
        caption: `audits complete in ${item.year}`,
      },
      illustrative: true,
    },
  });
}

function ActionPlanChartView({ children }: Props<Extract<PackChart, { type: 'action-plan-progress' }>>) {
  const plan = useQuery(actionPlanQueries.plan());
  if (plan.isPending) return children({ status: 'pending' });
  if (plan.isError) return children({ status: 'error', error: plan.error, retry: () => void plan.refetch() });
  const figure = actionPlanProgressFigure(plan.data);
  const actions = plan.data.priorities.flatMap((p) => p.actions);
  const complete = actions.filter((a) => a.status === 'complete').length;
  return children({
    status: 'ready',
    chart: {
      title: figure.title,
      period: 'The strategic action plan to date',
      figure: { kind: 'bars', props: figure },
      keyFigure: {
        value: `${complete} of ${actions.length}`,
        period: 'the plan to date',
        caption: 'actions complete',
      },
      illustrative: true,
    },
  });
}
