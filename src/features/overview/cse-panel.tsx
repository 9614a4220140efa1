import { useQuery } from '@tanstack/react-query';
import type { FinancialYear, Indicator } from '../../api/contract';
import { indicatorQueries } from '../../api/queries';
import { ChartFigure } from '../../components/charts/chart-figure';
import { yearsCovered } from '../../components/charts/indicator-chart';
import { Panel } from '../../components/panel';
import { PinButton } from '../../components/pin-button';
import type { PackChart } from '../../lib/meeting-pack';
import { QueryState } from '../../components/query-state';
import { describeSeries } from '../../lib/narrative';
import { financialYearEndMonth } from '../../lib/periods';
import { toPoints } from '../../lib/series';

export const CSE_INDICATOR_ID = 'cse-children-at-risk';

function CseChart({ indicator, year }: { indicator: Indicator; year: FinancialYear | null }) {
  const end = year ? financialYearEndMonth(year) : Infinity;
  const points = toPoints(indicator.series, indicator.frequency).filter((p) => p.period.endMonth <= end);
  return (
    <ChartFigure
      title={indicator.title}
      narrative={describeSeries(indicator, points)}
      tableCaption={`${indicator.title}, by quarter${year ? `, up to the end of ${year}` : ''}`}
      series={[{ id: indicator.id, label: 'Wolverhampton', points, colorIndex: 0 }]}
      unit={indicator.unit}
      decimalPlaces={indicator.decimalPlaces}
      target={indicator.target?.value ?? null}
      source={indicator.source.name}
      pin={<PinButton item={pinnedAs(indicator, year)} title={indicator.title} />}
    />
  );
}

/** The chart as a meeting pack item: every year of figures up to the reporting year. */
function pinnedAs(indicator: Indicator, year: FinancialYear | null): PackChart {
  const years = yearsCovered(indicator);
  const to = year && years.includes(year) ? year : (years.at(-1) ?? year ?? '');
  return { type: 'indicator', indicatorId: indicator.id, from: years[0] ?? to, to, hidden: [] };
}

export function CsePanel({ year }: { year: FinancialYear | null }) {
  const indicator = useQuery(indicatorQueries.detail(CSE_INDICATOR_ID));
  return (
    <Panel title="Child sexual exploitation" className="cse-panel">
      <QueryState
        query={indicator}
        loadingLabel="Loading the child sexual exploitation chart"
        isEmpty={(data) => data.series.length === 0}
        empty="There are no figures for child sexual exploitation yet."
      >
        {(data) => <CseChart indicator={data} year={year} />}
      </QueryState>
    </Panel>
  );
}
