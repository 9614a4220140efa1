import {
  createReviewRequestSchema,
  retireReviewRequestSchema,
  reviewEditRequestSchema,
  type ReviewType,
  type SeriousCaseReview,
} from '../../api/contract';
import { qualityAssuranceQueries } from '../../api/queries';
import { FieldGroup, InputField, SelectField, TextAreaField } from '../../components/form/fields';
import { RecordFormFrame, type FormDone } from '../../components/form/record-form';
import { useRecordForm } from '../../components/form/use-record-form';
import { useSaveRecord } from '../../components/form/use-save-record';
import { formatDate } from '../../lib/format';

type Status = SeriousCaseReview['actions'][number]['status'];

const typeLabels: Record<ReviewType, string> = {
  'serious-case-review': 'Serious case review',
  'practice-review': 'Local child safeguarding practice review (cases from 29 September 2019)',
  'rapid-review': 'Rapid review (cases from 29 September 2019)',
};

const statusLabels: Record<Status, string> = {
  'not-started': 'Not started',
  'in-progress': 'In progress',
  complete: 'Complete',
};

interface ActionValues {
  id?: string;
  description: string;
  owner: string;
  dueDate: string;
  status: Status;
}

interface RecommendationValues {
  id?: string;
  text: string;
  actions: ActionValues[];
}

interface Values {
  title: string;
  type: ReviewType;
  reviewDate: string;
  publishedDate: string;
  summary: string;
  learningThemes: string;
  recommendations: RecommendationValues[];
}

const labels = {
  title: 'Title',
  type: 'Kind of review',
  reviewDate: 'Date of the review',
  publishedDate: 'Published',
  summary: 'Summary and learning',
  learningThemes: 'Themes and learning points',
  recommendations: 'Recommendations',
};

const newAction = (): ActionValues => ({ description: '', owner: '', dueDate: '', status: 'not-started' });

const valuesOf = (review: SeriousCaseReview | undefined): Values => ({
  title: review?.title ?? '',
  // An old record without a recorded kind was a serious case review: it keeps the old name.
  type: review?.type ?? 'serious-case-review',
  reviewDate: review?.reviewDate ?? '',
  publishedDate: review?.publishedDate ?? '',
  summary: review?.summary ?? '',
  learningThemes: (review?.learningThemes ?? []).join('\n'),
  recommendations: review?.recommendations ?? [],
});

const toRequest = (v: Values, version: number) => ({
  ...v,
  learningThemes: v.learningThemes
    .split('\n')
    .map((t) => t.trim())
    .filter((t) => t !== ''),
  version,
});

function compare(theirs: SeriousCaseReview, yours: Values) {
  const mine = valuesOf(theirs);
  const recommendations = (v: Values) => v.recommendations.map((r) => r.text).join('; ') || 'none';
  return (['title', 'reviewDate', 'publishedDate', 'summary', 'learningThemes'] as const)
    .map((k) => ({ label: labels[k], theirs: mine[k] || 'none', yours: yours[k] || 'none' }))
    .concat([
      { label: labels.type, theirs: typeLabels[mine.type], yours: typeLabels[yours.type] },
      { label: labels.recommendations, theirs: recommendations(mine), yours: recommendations(yours) },
    ]);
}

interface Props extends FormDone {
  /** The review that changes; absent to add one. */
  review?: SeriousCaseReview;
}

/** Add a review, or change one: its dates, learning, and recommendations with their actions and owners. */
export function ReviewForm({ review, onDone, onCancel }: Props) {
  const refresh = qualityAssuranceQueries.seriousCaseReviews().queryKey;
  const create = useSaveRecord('createReview', refresh);
  const change = useSaveRecord('editReview', refresh, { id: review?.id ?? '' });
  const form = useRecordForm({
    who: 'this review',
    compare,
    draftKey: review ? `review:${review.id}` : 'review:new',
    initial: () => valuesOf(review),
    labels,
    record: review,
    // Adding sends the review without a version (the schema leaves it out); changing, with it.
    schema: review ? reviewEditRequestSchema : (createReviewRequestSchema as typeof reviewEditRequestSchema),
    toRequest,
    save: review ? change : (create as unknown as typeof change),
    onSaved: (saved) => onDone(review ? `Saved “${saved.title}”.` : `Added the review “${saved.title}”.`),
  });
  const recommendations = form.values.recommendations;
  const setRecommendation = (i: number, next: RecommendationValues | null) =>
    form.set(
      'recommendations',
      next === null
        ? recommendations.filter((_, j) => j !== i)
        : recommendations.map((r, j) => (j === i ? next : r)),
    );
  const setAction = (i: number, k: number, next: ActionValues | null) => {
    const r = recommendations[i]!;
    setRecommendation(i, {
      ...r,
      actions:
        next === null ? r.actions.filter((_, j) => j !== k) : r.actions.map((a, j) => (j === k ? next : a)),
    });
  };
  const fieldId = (i: number, k: number | null, name: string) =>
    `${form.id}-rec-${i}${k === null ? '' : `-action-${k}`}-${name}`;

  return (
    <RecordFormFrame
      form={form}
      heading={review ? `Change the review: ${review.title}` : 'Add a review'}
      submitLabel={review ? 'Save the review' : 'Add the review'}
      onClose={onCancel}
    >
      <div className="record-form__grid">
        <InputField form={form} name="title" label={labels.title} maxLength={200} />
        <SelectField form={form} name="type" label={labels.type} options={typeLabels} />
        <InputField form={form} name="reviewDate" type="date" label={labels.reviewDate} />
        <InputField form={form} name="publishedDate" type="date" label={labels.publishedDate} />
      </div>
      <TextAreaField form={form} name="summary" label={labels.summary} rows={4} maxLength={4000} />
      <TextAreaField
        form={form}
        name="learningThemes"
        label={labels.learningThemes}
        hint="One on each line"
        rows={4}
      />
      <FieldGroup
        legend={labels.recommendations}
        error={form.errors.recommendations}
        errorId={`${form.fieldIds.recommendations}-error`}
      >
        {review && review.actions.length > 0 && !review.recommendations ? (
          <p className="field__hint">
            The {review.actions.length} actions recorded before recommendations were kept stay with the
            review.
          </p>
        ) : null}
        {recommendations.map((r, i) => (
          <fieldset key={i} className="record-form__group">
            <legend>Recommendation {i + 1}</legend>
            <label htmlFor={i === 0 ? form.fieldIds.recommendations : fieldId(i, null, 'text')}>
              What it recommends
            </label>
            <textarea
              id={i === 0 ? form.fieldIds.recommendations : fieldId(i, null, 'text')}
              rows={2}
              maxLength={2000}
              value={r.text}
              onChange={(e) => setRecommendation(i, { ...r, text: e.target.value })}
            />
            {r.actions.map((a, k) => (
              <fieldset key={k} className="record-form__grid">
                <legend>
                  Recommendation {i + 1}, action {k + 1}
                </legend>
                {(['description', 'owner', 'dueDate'] as const).map((name) => (
                  <div key={name} className="field">
                    <label htmlFor={fieldId(i, k, name)}>
                      {{ description: 'Action', owner: 'Owner', dueDate: 'Due' }[name]}
                    </label>
                    <input
                      id={fieldId(i, k, name)}
                      type={name === 'dueDate' ? 'date' : 'text'}
                      value={a[name]}
                      onChange={(e) => setAction(i, k, { ...a, [name]: e.target.value })}
                    />
                  </div>
                ))}
                <div className="field">
                  <label htmlFor={fieldId(i, k, 'status')}>Status</label>
                  <select
                    id={fieldId(i, k, 'status')}
                    value={a.status}
                    onChange={(e) => setAction(i, k, { ...a, status: e.target.value as Status })}
                  >
                    {Object.entries(statusLabels).map(([value, words]) => (
                      <option key={value} value={value}>
                        {words}
                      </option>
                    ))}
                  </select>
                </div>
                <button
                  type="button"
                  className="button button--secondary"
                  onClick={() => setAction(i, k, null)}
                >
                  Remove action {k + 1} of recommendation {i + 1}
                </button>
              </fieldset>
            ))}
            <button
              type="button"
              className="button button--secondary"
              onClick={() => setRecommendation(i, { ...r, actions: [...r.actions, newAction()] })}
            >
              Add an action to recommendation {i + 1}
            </button>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => setRecommendation(i, null)}
            >
              Remove recommendation {i + 1}
            </button>
          </fieldset>
        ))}
        <button
          type="button"
          className="button button--secondary"
          onClick={() =>
            form.set('recommendations', [...recommendations, { text: '', actions: [newAction()] }])
          }
        >
          Add a recommendation
        </button>
      </FieldGroup>
    </RecordFormFrame>
  );
}

/** Retire a review with a reason: no longer shown, kept in the audit trail. */
export function RetireReviewForm({ review, onDone, onCancel }: FormDone & { review: SeriousCaseReview }) {
  const form = useRecordForm({
    who: 'this review',
    compare: (theirs) => [
      {
        label: 'Published',
        theirs: formatDate(theirs.publishedDate),
        yours: formatDate(review.publishedDate),
      },
      { label: 'Title', theirs: theirs.title, yours: review.title },
    ],
    draftKey: `review-retire:${review.id}`,
    initial: () => ({ reason: '' }),
    labels: { reason: 'Why it is retired' },
    record: review,
    schema: retireReviewRequestSchema,
    toRequest: (v, version) => ({ ...v, version }),
    save: useSaveRecord('retireReview', qualityAssuranceQueries.seriousCaseReviews().queryKey, {
      id: review.id,
    }),
    onSaved: (saved) =>
      onDone(
        `Retired “${review.title}”. It is no longer shown from ${saved.retiredIn ?? 'this year'} on, and is kept in the audit trail.`,
      ),
  });
  return (
    <RecordFormFrame
      form={form}
      heading={`Retire the review: ${review.title}`}
      submitLabel="Retire the review"
      onClose={onCancel}
    >
      <p>
        It will no longer be shown from this reporting year on. Earlier years still show it, and the audit
        trail keeps it with the reason.
      </p>
      <TextAreaField form={form} name="reason" label="Why it is retired" maxLength={1000} />
    </RecordFormFrame>
  );
}
