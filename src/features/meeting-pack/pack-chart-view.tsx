import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { useId, type ComponentProps, type ReactNode } from 'react';
import {
  actionPlanQueries,
  boardQueries,
  indicatorQueries,
  partnershipQueries,
  qualityAssuranceQueries,
  section11Queries,
} from '../../api/queries';
import type { Section11Assurance } from '../../api/contract';
import { AssuranceMatrix } from '../../components/section11/assurance-matrix';
import { BarFigure, type BarFigureProps, type FigureDisplayProps } from '../../components/charts/bar-figure';
import { ChartFigure } from '../../components/charts/chart-figure';
import { indicatorChart } from '../../components/charts/indicator-chart';
import {
  actionPlanProgressFigure,
  auditProgressFigure,
  auditsForYear,
  gradeSpreadFigure,
  partnerFundingFigure,
} from '../../lib/board-charts';
import { actionPlanForYear } from '../../lib/carry-over';
import { QueryFailure } from '../../components/query-state';
import { formatValue } from '../../lib/format';
import type { PackChart } from '../../lib/meeting-pack';
import { overdueReferenceDate } from '../../lib/overdue';
import { useIllustrative } from '../../lib/use-illustrative';
import { useWording } from '../../lib/use-wording';

type TrendFigureProps = Omit<
  ComponentProps<typeof ChartFigure>,
  'pin' | 'toolbar' | 'printTable' | 'className'
>;

/** The dashboard's own figure for a pack item: a trend (ChartFigure) or categories (BarFigure). */
export type PackFigureSpec =
  | { kind: 'trend'; props: TrendFigureProps }
  | { kind: 'bars'; props: BarFigureProps }
  | { kind: 'section11-matrix'; props: { title: string; assurance: Section11Assurance } };

/** A pack item turned into what the dashboard draws, plus what a slide shows beside it. */
export interface ResolvedChart {
  title: string;
  /** The stretch of time shown: "2015-16 to 2017-18". */
  period: string;
  /** The title with its period, the period said once: "Audits planned and completed, 2017-18". */
  heading: string;
  figure: PackFigureSpec;
  /** The number a slide shows large, and the words after it (by default "in <period>"). */
  keyFigure: { value: string; period: string; caption?: string } | null;
  illustrative: boolean;
}

export type ResolveState =
  | { status: 'pending' }
  | {
      status: 'error';
      error: unknown;
      retry: () => void;
      /** The request that failed, and what it holds ("The action plan"), to say what could not be loaded. */
      query: UseQueryResult<unknown>;
      what: string;
    }
  | { status: 'ready'; chart: ResolvedChart };

/** The error state of a chart whose data could not be loaded. */
function failed(query: UseQueryResult<unknown>, what: string): ResolveState {
  return { status: 'error', error: query.error, retry: () => void query.refetch(), query, what };
}

interface Props<T extends PackChart = PackChart> {
  item: T;
  children: (state: ResolveState) => ReactNode;
}

/** A chart's title and its period, without saying the period twice when the title has it already. */
export function titleWithPeriod(title: string, period: string): string {
  return title.includes(period) ? title : `${title}, ${period}`;
}

/** Draws a resolved pack figure with the same component the dashboard uses for it. */
export function PackFigure({
  figure,
  height,
  ...display
}: { figure: PackFigureSpec; height?: number | undefined } & FigureDisplayProps) {
  if (figure.kind === 'section11-matrix')
    return (
      <Section11Figure {...figure.props} toolbar={display.toolbar !== false} className={display.className} />
    );
  return figure.kind === 'trend' ? (
    <ChartFigure {...figure.props} {...display} {...(height ? { height } : {})} />
  ) : (
    <BarFigure {...figure.props} {...display} height={height} />
  );
}

/**
 * The Section 11 assurance view as a figure: a table already, so its data table is itself, on the
 * screen, on a slide and on paper, with its narrative and (not on a slide) its CSV.
 */
function Section11Figure({
  title,
  assurance,
  toolbar,
  className,
}: {
  title: string;
  assurance: Section11Assurance;
  toolbar: boolean;
  className: string | undefined;
}) {
  const titleId = useId();
  return (
    <figure className={`chart-figure section11-figure ${className ?? ''}`} aria-labelledby={titleId}>
      <figcaption>
        <h3 id={titleId} className="chart-figure__title">
          {title}
        </h3>
      </figcaption>
      <AssuranceMatrix assurance={assurance} toolbar={toolbar} />
    </figure>
  );
}

/**
 * A chart whose data could not be loaded says which data, and what that costs, with Try again; a
 * 401 too, since a presentation has no sign-in banner to say it.
 */
export function ChartFailure({
  state,
  missing,
}: {
  state: Extract<ResolveState, { status: 'error' }>;
  /** "this slide cannot be shown" */
  missing: string;
}) {
  return <QueryFailure query={state.query} what={state.what} missing={missing} saySignIn />;
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
    case 'partner-funding':
      return <FundingChartView item={item}>{children}</FundingChartView>;
    case 'section11-assurance':
      return <Section11ChartView item={item}>{children}</Section11ChartView>;
  }
}

function IndicatorChartView({ item, children }: Props<Extract<PackChart, { type: 'indicator' }>>) {
  const indicator = useQuery(indicatorQueries.detail(item.indicatorId));
  const board = useQuery(boardQueries.detail());
  const annotations = useQuery(indicatorQueries.annotations());
  if (indicator.isPending) return children({ status: 'pending' });
  if (indicator.isError) return children(failed(indicator, `The indicator “${item.indicatorId}”`));
  const { figure, keyFigure } = indicatorChart(indicator.data, {
    from: item.from,
    to: item.to,
    hidden: item.hidden,
    areaName: indicator.data.importedFrom?.area ?? board.data?.area.name ?? 'This board',
    annotations: annotations.data?.annotations ?? [],
    eventsFailed: annotations.isError,
  });
  const period = item.from === item.to ? item.from : `${item.from} to ${item.to}`;
  return children({
    status: 'ready',
    chart: {
      title: figure.title,
      period,
      heading: titleWithPeriod(figure.title, period),
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
  const illustrative = useIllustrative();
  if (audits.isPending) return children({ status: 'pending' });
  if (audits.isError) return children(failed(audits, 'The audit programme'));
  const inYear = auditsForYear(audits.data.audits, item.year).filter((a) => a.status !== 'cancelled');
  const done = inYear.filter((a) => a.status === 'completed').length;
  // Without the board's data date, nothing is judged overdue (never against today instead).
  const reference = board.data ? overdueReferenceDate(item.year, board.data.dataAsAt) : null;
  const figure =
    item.type === 'audit-progress'
      ? auditProgressFigure(audits.data.audits, item.year, reference, illustrative)
      : gradeSpreadFigure(audits.data.audits, item.year, reference, illustrative);
  return children({
    status: 'ready',
    chart: {
      title: figure.title,
      period: item.year,
      heading: titleWithPeriod(figure.title, item.year),
      figure: { kind: 'bars', props: figure },
      keyFigure: {
        value: `${done} of ${inYear.length}`,
        period: item.year,
        caption: `audits complete in ${item.year}`,
      },
      illustrative,
    },
  });
}

function ActionPlanChartView({
  item,
  children,
}: Props<Extract<PackChart, { type: 'action-plan-progress' }>>) {
  const plan = useQuery(actionPlanQueries.plan());
  const illustrative = useIllustrative();
  if (plan.isPending) return children({ status: 'pending' });
  if (plan.isError) return children(failed(plan, 'The action plan'));
  const year = item.year ?? null;
  const figure = actionPlanProgressFigure(plan.data, illustrative, year);
  const actions = actionPlanForYear(plan.data, year).plan.priorities.flatMap((p) => p.actions);
  const complete = actions.filter((a) => a.status === 'complete').length;
  return children({
    status: 'ready',
    chart: {
      title: figure.title,
      period: year ? `The strategic action plan for ${year}` : 'The strategic action plan to date',
      heading: figure.title,
      figure: { kind: 'bars', props: figure },
      keyFigure: {
        value: `${complete} of ${actions.length}`,
        period: year ? `the plan for ${year}` : 'the plan to date',
        caption: 'actions complete',
      },
      illustrative,
    },
  });
}

function FundingChartView({ item, children }: Props<Extract<PackChart, { type: 'partner-funding' }>>) {
  const funding = useQuery(partnershipQueries.funding());
  const illustrative = useIllustrative();
  const words = useWording();
  if (funding.isPending) return children({ status: 'pending' });
  if (funding.isError) return children(failed(funding, 'The partners’ funding'));
  const figure = partnerFundingFigure(funding.data, item.year, illustrative, words);
  const total = funding.data.contributions
    .filter((c) => c.year === item.year)
    .reduce((sum, c) => sum + c.amount, 0);
  return children({
    status: 'ready',
    chart: {
      title: figure.title,
      period: figure.period ?? item.year,
      heading: titleWithPeriod(figure.title, figure.period ?? item.year),
      figure: { kind: 'bars', props: figure },
      keyFigure: {
        value: formatValue(total, 'gbp', 0),
        period: item.year,
        caption: `from partners in ${item.year}`,
      },
      illustrative,
    },
  });
}

function Section11ChartView({ children }: Props<Extract<PackChart, { type: 'section11-assurance' }>>) {
  const assurance = useQuery(section11Queries.assurance());
  const illustrative = useIllustrative();
  if (assurance.isPending) return children({ status: 'pending' });
  if (assurance.isError) return children(failed(assurance, 'The Section 11 assurance view'));
  const { cycle, rows } = assurance.data;
  const accepted = rows.filter((r) => r.status === 'accepted').length;
  const period = cycle?.title ?? 'No cycle yet';
  const title = titleWithPeriod('Section 11 assurance: agencies by standard', period);
  return children({
    status: 'ready',
    chart: {
      title,
      period,
      heading: title,
      figure: { kind: 'section11-matrix', props: { title, assurance: assurance.data } },
      keyFigure: cycle
        ? { value: `${accepted} of ${rows.length}`, period, caption: 'self-assessments accepted' }
        : null,
      illustrative,
    },
  });
}
