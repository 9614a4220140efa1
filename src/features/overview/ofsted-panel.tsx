import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { boardQueries } from '../../api/queries';
import { Panel } from '../../components/panel';
import { QueryState } from '../../components/query-state';
import { formatDate } from '../../lib/format';
import type { ReportingRange } from '../../lib/reporting-range';
import { useWording } from '../../lib/use-wording';
import { judgementLabels } from '../../lib/ofsted-labels';

/**
 * Ofsted's judgement of the board, as it stood in the reporting year: a judgement published after
 * the year's figures end is not shown as that year's, only named as coming later.
 */
export function OfstedPanel({ range }: { range: ReportingRange | null }) {
  const board = useQuery(boardQueries.detail());
  const words = useWording();
  return (
    <Panel title="Ofsted judgement" className="ofsted-panel">
      <QueryState query={board} loadingLabel="Loading the Ofsted judgement">
        {({ ofsted, reportingYears }) => {
          if (ofsted === null) return <p>No Ofsted judgement of {words.the} has been recorded yet.</p>;
          if (range && ofsted.publishedDate > range.asAt) {
            const later = reportingYears.find((y) => y > range.to);
            return (
              <>
                <p className="judgement judgement--none">Not yet published</p>
                <p>
                  Ofsted had not published its review of {words.the} by {formatDate(range.asAt)}, the end of{' '}
                  <span className="nowrap">{range.to}</span>. Its review, published{' '}
                  {formatDate(ofsted.publishedDate)}, belongs to a later year
                  {later ? (
                    <>
                      :{' '}
                      <Link className="nowrap" to={{ search: `?year=${later}` }}>
                        see {later}
                      </Link>
                    </>
                  ) : null}
                  .
                </p>
              </>
            );
          }
          return (
            <>
              <p className={`judgement judgement--${ofsted.judgement}`}>
                {judgementLabels[ofsted.judgement]}
              </p>
              <p className="ofsted-panel__title">
                {ofsted.inspectionTitle}, published {formatDate(ofsted.publishedDate)}
              </p>
              <p>{ofsted.summary}</p>
              <p className="ofsted-panel__page">
                Recommendations: page {ofsted.recommendationsPage} of the annual report.
              </p>
            </>
          );
        }}
      </QueryState>
    </Panel>
  );
}
