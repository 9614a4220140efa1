import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { apiSend } from '../../api/client';
import type { AgencyReturn } from '../../api/contract';
import { ConflictError } from '../../api/errors';
import { indicatorQueries, returnQueries, boardQueries } from '../../api/queries';
import { Field } from '../../components/form/field';
import { describeSaveFailure } from '../../lib/field-errors';
import { describeFigureChange, figureText } from './figure-change';
import { ScrollTable } from '../../components/scroll-table';

/**
 * The columns of a return's figures as reviewed: on a screen narrower than a laptop's each figure is
 * a card, each cell under its column's name (`data-label`, service.css).
 */
const REVIEW_COLUMNS = {
  indicator: 'Indicator',
  before: 'Period before',
  published: 'Published now',
  entered: 'In this return',
  change: 'Change',
  note: 'Note',
} as const;

/** The figures of a return beside what is published now and the period before. */
export function ReturnFiguresTable({ data }: { data: AgencyReturn }) {
  return (
    <ScrollTable
      label="Figures in this return"
      className="data-table data-table--text data-table--cards return-table"
      columns={Object.values(REVIEW_COLUMNS)}
    >
      {data.items.map((item) => {
        const change = describeFigureChange(item, item.entered?.value ?? null);
        const corrects =
          item.published &&
          item.entered &&
          (item.published.value !== item.entered.value || item.published.symbol !== item.entered.symbol);
        return (
          <tr key={`${item.indicatorId} ${item.period}`}>
            <th scope="row">
              {item.title}
              <span className="schedule-table__meta">{item.period}</span>
            </th>
            <td data-label={REVIEW_COLUMNS.before}>
              {item.previous ? `${figureText(item.previous, item)} (${item.previous.period})` : 'none'}
            </td>
            <td data-label={REVIEW_COLUMNS.published}>{figureText(item.published, item)}</td>
            <td data-label={REVIEW_COLUMNS.entered}>
              {figureText(item.entered, item)}
              {corrects ? <span className="schedule-table__meta">Corrects the published figure</span> : null}
            </td>
            <td data-label={REVIEW_COLUMNS.change}>
              {change ? (
                <span className={change.large ? 'return-table__warning' : undefined}>
                  {change.large ? <span aria-hidden="true">⚠ </span> : null}
                  {change.text}
                  {change.large ? <span className="visually-hidden"> (a large change)</span> : null}
                </span>
              ) : (
                '–'
              )}
            </td>
            <td data-label={REVIEW_COLUMNS.note}>
              {item.entered?.note ??
                (item.entered?.checked ? 'No note: the agency ticked that it has checked this figure' : '')}
            </td>
          </tr>
        );
      })}
    </ScrollTable>
  );
}

/** The administrator's review of a submitted return: publish it, or return it with a comment. */
export function ReturnReview({ data, onDone }: { data: AgencyReturn; onDone: (message: string) => void }) {
  const id = useId();
  const queryClient = useQueryClient();
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [commentError, setCommentError] = useState<string | undefined>();
  const params = { round: data.roundId, agency: data.agencyId };
  const decide = useMutation({
    mutationFn: (decision: 'publish' | 'send-back') =>
      decision === 'publish'
        ? apiSend(
            'publishReturn',
            { version: data.version, ...(comment.trim() ? { comment } : {}) },
            { params },
          )
        : apiSend('sendBackReturn', { version: data.version, comment }, { params }),
    // Here, not in mutate's callbacks: the review goes away as the return's status changes.
    onSuccess: async (saved, decision) => {
      onDone(
        decision === 'publish'
          ? `Published: ${saved.agencyName}’s ${saved.quarter} figures are now on the dashboard.`
          : `Returned to ${saved.agencyName} with your comment.`,
      );
      queryClient.setQueryData(returnQueries.detail(data.roundId, data.agencyId).queryKey, saved);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: returnQueries.rounds().queryKey }),
        queryClient.invalidateQueries({ queryKey: indicatorQueries.all() }),
        queryClient.invalidateQueries({ queryKey: boardQueries.all() }),
      ]);
    },
    onError: (failure) => {
      if (failure instanceof ConflictError) {
        queryClient.setQueryData(
          returnQueries.detail(data.roundId, data.agencyId).queryKey,
          failure.current as AgencyReturn,
        );
        setError(
          'Someone changed this return while you were reviewing it. It is shown again as it now stands: review it once more.',
        );
        return;
      }
      setError(describeSaveFailure(failure, 'Nothing was changed').message);
    },
  });

  const act = (decision: 'publish' | 'send-back') => {
    setError(null);
    if (decision === 'send-back' && comment.trim() === '') {
      setCommentError('Say what the agency needs to change');
      return;
    }
    setCommentError(undefined);
    decide.mutate(decision);
  };

  return (
    <section className="record-form" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="panel__title">
        Review and publish
      </h2>
      <p>
        Check each figure against the one published now and the period before. Publishing puts these figures
        on the dashboard for every board member; a figure that replaces a published one is kept as a
        correction, with the agency’s note as the reason.
      </p>
      {error ? (
        <p className="record-form__failure" role="alert">
          {error}
        </p>
      ) : null}
      <Field
        label="Comment (needed to return it; kept with the return either way)"
        error={commentError}
        id={`${id}-comment`}
      >
        <textarea rows={3} maxLength={2000} value={comment} onChange={(e) => setComment(e.target.value)} />
      </Field>
      <div className="record-form__actions">
        <button type="button" className="button" disabled={decide.isPending} onClick={() => act('publish')}>
          Publish to the dashboard
        </button>
        <button
          type="button"
          className="button button--secondary"
          disabled={decide.isPending}
          onClick={() => act('send-back')}
        >
          Return to the agency
        </button>
      </div>
    </section>
  );
}
