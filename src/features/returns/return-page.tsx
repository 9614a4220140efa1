import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { returnQueries } from '../../api/queries';
import { isNotFound } from '../../api/errors';
import { NotFound } from '../../components/not-found';
import { Panel } from '../../components/panel';
import { QueryState } from '../../components/query-state';
import { StatusTag } from '../../components/status-tag';
import { formatDate } from '../../lib/format';
import { useDocumentTitle } from '../../lib/use-document-title';
import { usePermissions } from '../../lib/use-permissions';
import { ReturnForm } from './return-form';
import { returnStatusLabels, returnStatusTones } from './return-labels';
import { ReturnFiguresTable, ReturnReview } from './return-review';
import { WithdrawSubmission } from './withdraw-submission';

/** One agency's return for one quarter: the form to fill in, the review, or the record of it. */
export function ReturnPage() {
  const { round = '', agency = '' } = useParams();
  const query = useQuery(returnQueries.detail(round, agency));
  if (isNotFound(query.error)) {
    return (
      <NotFound
        title="Return not found"
        detail="There is no return at this address: the round or the agency may be wrong, or the link incomplete."
        link={{ to: '/returns', label: 'See every quarterly return' }}
      />
    );
  }
  return <ReturnFound round={round} agency={agency} />;
}

function ReturnFound({ round, agency }: { round: string; agency: string }) {
  const permissions = usePermissions();
  const query = useQuery(returnQueries.detail(round, agency));
  const [done, setDone] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const title = query.data ? `${query.data.agencyName}: ${query.data.quarter} return` : 'Quarterly return';
  useDocumentTitle(title);

  return (
    <div className="page">
      <p className="breadcrumb">
        <Link to="/returns">Quarterly returns</Link>
      </p>
      <h1 className="page__title">{title}</h1>
      {done ? (
        <p className="notice notice--success" role="status">
          {done}
        </p>
      ) : null}
      {problem ? (
        <p className="record-form__failure" role="alert">
          {problem}
        </p>
      ) : null}
      <Panel title="Figures">
        <QueryState query={query} loadingLabel="Loading the return">
          {(data) => {
            const editable = ['not-started', 'draft', 'returned'].includes(data.status);
            const canEnter = permissions.enterReturn(data.agencyId);
            return (
              <>
                <p className="return-status">
                  <StatusTag tone={returnStatusTones[data.status]}>
                    {returnStatusLabels[data.status]}
                  </StatusTag>
                  {data.late ? <StatusTag tone="bad">Late</StatusTag> : null} Due {formatDate(data.dueDate)}.
                  {data.submitted
                    ? ` Submitted by ${data.submitted.name} on ${formatDate(data.submitted.at.slice(0, 10))}.`
                    : ''}
                  {data.published
                    ? ` Published by ${data.published.name} on ${formatDate(data.published.at.slice(0, 10))}.`
                    : ''}
                </p>
                {data.comment ? (
                  <div className="notice" role={data.status === 'returned' ? 'alert' : undefined}>
                    <p className="notice__title">
                      {data.status === 'returned'
                        ? 'Returned by the business unit'
                        : 'The business unit’s comment'}
                    </p>
                    <p>{data.comment}</p>
                  </div>
                ) : null}
                {editable && canEnter ? (
                  <ReturnForm key={`${data.roundId}/${data.agencyId}`} data={data} onSubmitted={setDone} />
                ) : (
                  <>
                    {editable ? (
                      <p>
                        The agency has not submitted this return yet; it shows the figures saved in its draft
                        so far.
                      </p>
                    ) : null}
                    <ReturnFiguresTable data={data} />
                    {data.status === 'submitted' && permissions.administer ? (
                      <ReturnReview data={data} onDone={setDone} />
                    ) : null}
                    {data.status === 'submitted' && !permissions.administer ? (
                      <>
                        <p>
                          The business unit is checking this return. You will see it here once it is published
                          or returned. Submitted it by mistake? Withdraw it to correct it, until the business
                          unit has reviewed it.
                        </p>
                        {canEnter ? (
                          <WithdrawSubmission
                            data={data}
                            onDone={(message) => {
                              setProblem(null);
                              setDone(message);
                            }}
                            onFailed={(message) => {
                              setDone(null);
                              setProblem(message);
                            }}
                          />
                        ) : null}
                      </>
                    ) : null}
                  </>
                )}
              </>
            );
          }}
        </QueryState>
      </Panel>
    </div>
  );
}
