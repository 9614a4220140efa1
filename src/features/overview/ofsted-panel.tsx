import { useQuery } from '@tanstack/react-query';
import type { OfstedJudgement } from '../../api/contract';
import { boardQueries } from '../../api/queries';
import { Panel } from '../../components/panel';
import { QueryState } from '../../components/query-state';
import { formatDate } from '../../lib/format';

const judgementLabels: Record<OfstedJudgement, string> = {
  outstanding: 'Outstanding',
  good: 'Good',
  'requires-improvement': 'Requires improvement',
  inadequate: 'Inadequate',
};

export function OfstedPanel() {
  const board = useQuery(boardQueries.detail());
  return (
    <Panel title="Ofsted judgement" className="ofsted-panel">
      <QueryState query={board} loadingLabel="Loading the Ofsted judgement">
        {({ ofsted }) =>
          ofsted === null ? (
            <p>No Ofsted judgement of the partnership has been recorded yet.</p>
          ) : (
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
          )
        }
      </QueryState>
    </Panel>
  );
}
