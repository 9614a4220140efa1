import { Link, useLocation } from 'react-router';
import { asAtYearFor, type ListedSummary } from '../../api/local-indicators';
import { RagBadge } from '../../components/rag-badge';
import { Unbroken } from '../../components/unbroken';
import { formatValue } from '../../lib/format';
import { summariseIndicator } from '../../lib/indicator-summary';
import type { ReportingRange } from '../../lib/reporting-range';
import { ScrollTable } from '../../components/scroll-table';

/**
 * One theme's indicators: latest value, change, target and RAG status (text and icon), each worked
 * out for the reporting range (an imported indicator's on all its figures).
 */
export function IndicatorTable({
  caption,
  indicators,
  range,
}: {
  caption: string;
  indicators: readonly ListedSummary[];
  range: ReportingRange | null;
}) {
  const { search } = useLocation();
  const year = new URLSearchParams(search).get('year');
  return (
    <ScrollTable
      label={caption}
      className="data-table indicator-table"
      caption={<caption>{caption}</caption>}
      columns={['Indicator', 'Latest', 'Change', 'Target', 'Status']}
    >
      {indicators.map((indicator) => {
        const summary = summariseIndicator(indicator, asAtYearFor(indicator, range));
        const fmt = (v: number) => formatValue(v, indicator.unit, indicator.decimalPlaces);
        return (
          <tr key={indicator.id}>
            <th scope="row">
              <Link to={{ pathname: `/indicators/${indicator.id}`, search: year ? `?year=${year}` : '' }}>
                {indicator.title}
              </Link>
              {indicator.illustrative ? <span className="indicator-table__note">Illustrative</span> : null}
              {indicator.importedFrom ? (
                <span className="indicator-table__note">Imported from {indicator.importedFrom.fileName}</span>
              ) : null}
            </th>
            <td>
              {summary.latest?.value != null ? (
                <>
                  {fmt(summary.latest.value)}
                  <span className="indicator-table__period">{summary.latest.period.label}</span>
                </>
              ) : (
                'No figure'
              )}
            </td>
            <td
              className={`indicator-table__change indicator-table__change--${summary.change?.judgement ?? 'neutral'}`}
            >
              <Unbroken text={summary.trendText} />
            </td>
            <td>{indicator.target ? fmt(indicator.target.value) : 'None'}</td>
            <td>
              <RagBadge status={summary.rag} />
            </td>
          </tr>
        );
      })}
    </ScrollTable>
  );
}
