import { useQuery } from '@tanstack/react-query';
import type { Audit, Board, FinancialYear } from '../../api/contract';
import { asAtYearFor, type ListedSummary } from '../../api/local-indicators';
import { boardQueries, indicatorQueries, qualityAssuranceQueries } from '../../api/queries';
import { KpiTile } from '../../components/kpi-tile';
import { Panel } from '../../components/panel';
import { QueryFailure, QueryState } from '../../components/query-state';
import { Unbroken } from '../../components/unbroken';
import { summariseIndicator } from '../../lib/indicator-summary';
import { formatDate } from '../../lib/format';
import type { ReportingRange } from '../../lib/reporting-range';
import { withAuditProgramme } from './audit-schedule';
import { useWording } from '../../lib/use-wording';

/**
 * A tile's indicator as the overview shows it: the one that counts the audit programme is worked
 * out from the audits the board records (one source with the quality assurance page), and says so.
 */
function asShown(
  indicator: ListedSummary,
  board: Board | undefined,
  audits: { data?: { audits: Audit[] } | undefined; isError: boolean },
): { indicator: ListedSummary; note?: string } {
  if (!board || board.auditScheduleIndicatorId !== indicator.id) return { indicator };
  if (!audits.data) {
    return {
      indicator,
      note: audits.isError
        ? 'The figure as reported: the audit programme it counts could not be loaded.'
        : 'The figure as reported, until the audit programme loads.',
    };
  }
  return {
    indicator: withAuditProgramme(indicator, audits.data.audits, board.dataAsAt),
    note: `Worked out from the audit programme as at ${formatDate(board.dataAsAt)}.`,
  };
}

export function HeadlineTiles({ year, range }: { year: FinancialYear | null; range: ReportingRange | null }) {
  const list = useQuery(indicatorQueries.headline());
  const board = useQuery(boardQueries.detail());
  const words = useWording();
  const counted = board.data?.auditScheduleIndicatorId ?? null;
  const audits = useQuery({
    ...qualityAssuranceQueries.audits(),
    enabled: counted !== null && (list.data?.indicators.some((i) => i.id === counted) ?? false),
  });
  return (
    <Panel
      title="Headline indicators"
      meta={
        range ? (
          <Unbroken
            text={`Figures from ${range.from} up to ${formatDate(range.asAt)}${range.partYear ? `: ${range.to} is a part year` : ''}`}
          />
        ) : (
          'Latest figures'
        )
      }
      className="tiles-panel"
    >
      <QueryFailure
        query={audits}
        what="The audit programme"
        missing="the audit tile shows the figure as reported, not one worked out from the audits"
      />
      <QueryState
        query={list}
        loadingLabel="Loading headline indicators"
        isEmpty={(data) => data.indicators.every((i) => !i.headline)}
        items={['headline indicator', 'headline indicators']}
        empty={`${words.The} has not chosen any headline indicators yet.`}
      >
        {(data) => (
          <div className="kpi-grid">
            {data.indicators
              .filter((i) => i.headline)
              .map((listed) => {
                const { indicator, note } = asShown(listed, board.data, audits);
                return (
                  <KpiTile
                    key={indicator.id}
                    indicator={indicator}
                    summary={summariseIndicator(indicator, asAtYearFor(listed, range))}
                    note={note}
                    to={{ pathname: `/indicators/${indicator.id}`, search: year ? `?year=${year}` : '' }}
                  />
                );
              })}
          </div>
        )}
      </QueryState>
    </Panel>
  );
}
