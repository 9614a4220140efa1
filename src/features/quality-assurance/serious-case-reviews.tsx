import { useQuery } from '@tanstack/react-query';
import { lazyForm } from '../../components/form/lazy-form';
import { RecordButton } from '../../components/form/record-button';
import type { SeriousCaseReview } from '../../api/contract';
import { boardQueries, qualityAssuranceQueries } from '../../api/queries';
import { SavedNotice } from '../../components/form/saved-notice';
import { useEditing } from '../../components/form/use-editing';
import { Panel } from '../../components/panel';
import { QueryState } from '../../components/query-state';
import { IllustrativeNote } from '../../components/illustrative-note';
import { StatusTag } from '../../components/status-tag';
import { formatDate } from '../../lib/format';
import { isOverdue } from '../../lib/overdue';
import { usePermissions } from '../../lib/use-permissions';
import { useWording } from '../../lib/use-wording';
import { reviewTypeName } from '../../lib/wording';
import { inForceInYear } from '../../lib/carry-over';
import { useReportingYear } from '../../lib/use-reporting-year';

const ReviewForm = lazyForm(() => import('./review-form'), 'ReviewForm');
const RetireReviewForm = lazyForm(() => import('./review-form'), 'RetireReviewForm');

const actionStatus = {
  'not-started': 'Not started',
  'in-progress': 'In progress',
  complete: 'Complete',
} as const;

function ReviewButton({
  verb,
  review,
  onClick,
}: {
  verb: string;
  review: SeriousCaseReview;
  onClick: () => void;
}) {
  return (
    <RecordButton
      verb={verb}
      name={`the review ${review.title}`}
      onClick={onClick}
      intent={ReviewForm.intent}
    />
  );
}

/** The board's reviews; quality assurance, editors and administrators add, change and retire them. */
export function SeriousCaseReviews({ referenceDate }: { referenceDate: string | null }) {
  const reviews = useQuery(qualityAssuranceQueries.seriousCaseReviews());
  const board = useQuery(boardQueries.detail());
  const { year } = useReportingYear();
  const inYear = (d: { reviews: SeriousCaseReview[] }) => d.reviews.filter((r) => inForceInYear(r, year));
  const words = useWording();
  const reviewsInText = words.reviews.toLowerCase();
  const editable = usePermissions().keepReviews;
  const {
    editing,
    saved,
    open,
    formProps: props,
  } = useEditing({ review: 'review', retire: 'review-retire' });
  const edited = reviews.data?.reviews.find((r) => r.id === editing?.id);
  return (
    <Panel title={words.reviews}>
      <SavedNotice message={saved} />
      <QueryState
        query={reviews}
        loadingLabel={`Loading ${reviewsInText}`}
        isEmpty={(d) => inYear(d).length === 0}
        empty={`${words.The} has published no ${reviewsInText}${editable ? ': add the first.' : '.'}`}
      >
        {(data) => {
          const list = inYear(data);
          const actions = list.flatMap((r) => r.actions);
          const complete = actions.filter((a) => a.status === 'complete').length;
          return (
            <>
              <IllustrativeNote>
                The reviews’ names, summaries, learning and actions are invented for the demonstration.
              </IllustrativeNote>
              {actions.length > 0 ? (
                <p className="review-summary">
                  {/* The statuses are as recorded now, whatever the year shown: say when that is. */}
                  {board.data ? `By ${formatDate(board.data.dataAsAt)}, ` : 'As recorded, '}
                  {complete} of the {actions.length} actions from{' '}
                  {list.length === 1 ? 'the review' : `the ${list.length} reviews`} were complete (
                  {Math.round((complete / actions.length) * 100)}%).
                </p>
              ) : null}
              <div className="review-list">
                {list.map((review) => {
                  const done = review.actions.filter((a) => a.status === 'complete').length;
                  return (
                    <article key={review.id} className="review" aria-labelledby={`review-${review.id}`}>
                      <h3 id={`review-${review.id}`}>{review.title}</h3>
                      {review.retiredIn ? (
                        <p>
                          <StatusTag tone="neutral">{`Retired in ${review.retiredIn}`}</StatusTag>
                        </p>
                      ) : null}
                      {/* A review keeps the name of its time: a serious case review stays one. */}
                      <p className="review__meta">
                        {reviewTypeName(review)}, published {formatDate(review.publishedDate)}
                      </p>
                      <p>{review.summary}</p>
                      <h4>Learning themes</h4>
                      <ul>
                        {review.learningThemes.map((t) => (
                          <li key={t}>{t}</li>
                        ))}
                      </ul>
                      {review.recommendations && review.recommendations.length > 0 ? (
                        <>
                          <h4>Recommendations</h4>
                          <ol>
                            {review.recommendations.map((r) => (
                              <li key={r.id}>{r.text}</li>
                            ))}
                          </ol>
                        </>
                      ) : null}
                      <p className="review__progress">
                        <strong>
                          {done} of {review.actions.length} actions complete
                        </strong>
                        <meter
                          min={0}
                          max={review.actions.length}
                          value={done}
                          aria-label={`${review.title}: actions complete`}
                        />
                      </p>
                      <ul className="review__actions">
                        {review.actions.map((a) => (
                          <li key={a.id}>
                            {a.description}{' '}
                            <span className="review__owner">
                              ({a.owner}, due {formatDate(a.dueDate)})
                            </span>{' '}
                            <StatusTag
                              tone={
                                a.status === 'complete'
                                  ? 'good'
                                  : a.status === 'in-progress'
                                    ? 'warning'
                                    : 'neutral'
                              }
                            >
                              {actionStatus[a.status]}
                            </StatusTag>
                            {isOverdue(a.dueDate, a.status === 'complete', referenceDate) ? (
                              <StatusTag tone="bad">Overdue</StatusTag>
                            ) : null}
                          </li>
                        ))}
                      </ul>
                      {editable && !review.retiredIn ? (
                        <p className="review__controls">
                          <ReviewButton
                            verb="Change"
                            review={review}
                            onClick={() => open('review', review.id)}
                          />{' '}
                          <ReviewButton
                            verb="Retire"
                            review={review}
                            onClick={() => open('retire', review.id)}
                          />
                        </p>
                      ) : null}
                    </article>
                  );
                })}
              </div>
            </>
          );
        }}
      </QueryState>
      {editable && editing && edited ? (
        editing.form === 'review' ? (
          <ReviewForm key={edited.id} review={edited} {...props} />
        ) : (
          <RetireReviewForm key={edited.id} review={edited} {...props} />
        )
      ) : null}
      {editable && editing?.id !== 'new' ? (
        <button
          type="button"
          className="button button--secondary"
          onClick={() => open('review', 'new')}
          {...ReviewForm.intent}
        >
          Add a review
        </button>
      ) : null}
      {editable && editing?.id === 'new' ? <ReviewForm {...props} /> : null}
    </Panel>
  );
}
