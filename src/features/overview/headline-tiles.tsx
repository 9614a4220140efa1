import { useQuery } from '@tanstack/react-query';
import type { FinancialYear } from '../../api/contract';
import { asAtYearFor } from '../../api/local-indicators';
import { indicatorQueries } from '../../api/queries';
import { KpiTile } from '../../components/kpi-tile';
import { Panel } from '../../components/panel';
import { QueryState } from '../../components/query-state';
import { Unbroken } from '../../components/unbroken';
import { summariseIndicator } from '../../lib/indicator-summary';
import { formatDate } from '../../lib/format';
import type { ReportingRange } from '../../lib/reporting-range';

export function HeadlineTiles({ year, range }: { year: FinancialYear | null; range: ReportingRange | null }) {
  const list = useQuery(indicatorQueries.headline());
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
      <QueryState
        query={list}
        loadingLabel="Loading headline indicators"
        isEmpty={(data) => data.indicators.every((i) => !i.headline)}
        items={['headline indicator', 'headline indicators']}
        empty="The board has not chosen any headline indicators yet."
      >
        {(data) => (
          <div className="kpi-grid">
            {data.indicators
              .filter((i) => i.headline)
              .map((indicator) => (
                <KpiTile
                  key={indicator.id}
                  indicator={indicator}
                  summary={summariseIndicator(indicator, asAtYearFor(indicator, range))}
                  to={{ pathname: `/indicators/${indicator.id}`, search: year ? `?year=${year}` : '' }}
                />
              ))}
          </div>
        )}
      </QueryState>
    </Panel>
  );
}
