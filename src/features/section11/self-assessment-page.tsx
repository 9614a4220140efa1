import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Link, useParams } from 'react-router';
import { apiSend } from '../../api/client';
import {
  checkSection11Complete,
  type Section11Assessment,
  type Section11Improvement,
  type Section11Rating,
} from '../../api/contract';
import { ConflictError, HttpError, isNotFound } from '../../api/errors';
import { section11Queries } from '../../api/queries';
import { ErrorSummary } from '../../components/form/error-summary';
import { FormFailure } from '../../components/form/form-failure';
import { NotFound } from '../../components/not-found';
import { Panel } from '../../components/panel';
import { QueryState } from '../../components/query-state';
import { StatusTag } from '../../components/status-tag';
import { describeSaveFailure, type FieldErrors } from '../../lib/field-errors';
import { formatDate } from '../../lib/format';
import { useDocumentTitle } from '../../lib/use-document-title';
import { usePermissions } from '../../lib/use-permissions';
import { ImprovementsToPlan } from './improvements-to-plan';
import {
  ratingLabels,
  ratingTones,
  section11StatusLabels,
  section11StatusTones,
} from '../../components/section11/section11-labels';

const ratings = Object.keys(ratingLabels) as Section11Rating[];

/** Server and local problems keyed by standard (`standard-<id>`), one message each, as the summary lists them. */
function byStandard(problems: Record<string, string[]>): FieldErrors {
  const errors: FieldErrors = {};
  for (const [path, messages] of Object.entries(problems)) {
    const key = path.split('.')[0]!;
    if (messages[0]) errors[key] ??= messages[0];
  }
  return errors;
}

interface AnswerValues {
  rating: Section11Rating | null;
  notApplicableReason: string;
  evidence: string;
  links: string;
}

interface ImprovementValues {
  key: string;
  id: string | null;
  standardId: string;
  description: string;
  owner: string;
  dueDate: string;
  status: Section11Improvement['status'];
}

const answerValues = (a: Section11Assessment['answers'][number] | undefined): AnswerValues => ({
  rating: a?.rating ?? null,
  notApplicableReason: a?.notApplicableReason ?? '',
  evidence: a?.evidence ?? '',
  links: a?.links.join('\n') ?? '',
});

function toRequest(
  assessment: Section11Assessment,
  answers: Record<string, AnswerValues>,
  improvements: ImprovementValues[],
  version: number,
) {
  return {
    version,
    answers: assessment.standards.map((s) => ({
      standardId: s.id,
      rating: answers[s.id]!.rating,
      notApplicableReason: answers[s.id]!.notApplicableReason,
      evidence: answers[s.id]!.evidence,
      links: answers[s.id]!.links.split('\n')
        .map((l) => l.trim())
        .filter(Boolean),
    })),
    improvements: improvements.map(({ id, standardId, description, owner, dueDate, status }) => ({
      id,
      standardId,
      description,
      owner,
      dueDate,
      status,
    })),
  };
}

/** The agency's own form: each standard rated with its evidence, improvement actions, a draft saved as they go. */
function AssessmentForm({
  assessment,
  onDone,
}: {
  assessment: Section11Assessment;
  onDone: (message: string) => void;
}) {
  const id = useId();
  const queryClient = useQueryClient();
  const [answers, setAnswers] = useState<Record<string, AnswerValues>>(() =>
    Object.fromEntries(
      assessment.standards.map((s) => [
        s.id,
        answerValues(assessment.answers.find((a) => a.standardId === s.id)),
      ]),
    ),
  );
  const [improvements, setImprovements] = useState<ImprovementValues[]>(() =>
    assessment.improvements.map((i) => ({ ...i, key: i.id })),
  );
  const [version, setVersion] = useState(assessment.version);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const params = { id: assessment.cycleId, agency: assessment.agencyId };
  const refresh = () => queryClient.invalidateQueries({ queryKey: section11Queries.all() });
  const save = useMutation({
    mutationFn: async (submit: boolean) => {
      const draft = await apiSend(
        'saveSection11Assessment',
        toRequest(assessment, answers, improvements, version),
        {
          params,
        },
      );
      setVersion(draft.version);
      setImprovements(draft.improvements.map((i) => ({ ...i, key: i.id })));
      return submit ? apiSend('submitSection11Assessment', { version: draft.version }, { params }) : draft;
    },
    onSettled: refresh,
  });
  const set = (standardId: string, change: Partial<AnswerValues>) =>
    setAnswers((all) => ({ ...all, [standardId]: { ...all[standardId]!, ...change } }));
  const labels = Object.fromEntries(
    assessment.standards.map((s) => [`standard-${s.id}`, `Standard ${s.code}`]),
  );
  const fieldIds = Object.fromEntries(
    assessment.standards.map((s) => [`standard-${s.id}`, `${id}-${s.id}-first`]),
  );

  const send = (submit: boolean) => {
    setFailure(null);
    setSaved(null);
    if (submit) {
      const request = toRequest(assessment, answers, improvements, version);
      const local = byStandard(
        checkSection11Complete({
          standards: assessment.standards,
          answers: request.answers,
          improvements: request.improvements,
        }),
      );
      setErrors(local);
      if (Object.keys(local).length > 0) return;
    }
    save.mutate(submit, {
      onSuccess: (result) => {
        setErrors({});
        // Submitted, the page shows it read-only: the page says so, above it.
        if (submit)
          onDone(
            `Submitted ${result.agencyName}’s self-assessment: the quality assurance committee will read it.`,
          );
        else
          setSaved(
            `Draft saved at ${new Date().toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' })}.`,
          );
      },
      onError: (error) => {
        if (error instanceof ConflictError) setVersion((error.current as Section11Assessment).version);
        setErrors(error instanceof HttpError && error.status === 422 ? byStandard(error.fieldErrors) : {});
        setFailure(describeSaveFailure(error).message);
      },
    });
  };

  return (
    <form
      className="record-form section11-form"
      noValidate
      aria-label={`${assessment.agencyName}’s self-assessment`}
      onSubmit={(e) => {
        e.preventDefault();
        send(true);
      }}
    >
      <FormFailure failure={failure} />
      {saved ? (
        <p className="notice notice--success" role="status">
          {saved}
        </p>
      ) : null}
      <ErrorSummary errors={errors} fieldIds={fieldIds} labels={labels} />
      {assessment.standards.map((standard) => {
        const answer = answers[standard.id]!;
        const before = assessment.previous?.answers.find((a) => a.standardId === standard.id);
        const kept = assessment.answers.find((a) => a.standardId === standard.id);
        const error = errors[`standard-${standard.id}`];
        return (
          <fieldset
            key={standard.id}
            className="section11-standard"
            aria-describedby={error ? `${id}-${standard.id}-error` : undefined}
          >
            <legend>
              Standard {standard.code}: {standard.title}
            </legend>
            {standard.description ? <p className="field__hint">{standard.description}</p> : null}
            {error ? (
              <p className="field__error" id={`${id}-${standard.id}-error`}>
                {error}
              </p>
            ) : null}
            {before?.rating ? (
              <div className="section11-previous">
                <p>
                  In {assessment.previous!.cycleTitle}:{' '}
                  <strong>{ratingLabels[before.committeeRating ?? before.rating]}</strong>
                  {before.evidence ? `. ${before.evidence}` : ''}
                </p>
                <button
                  type="button"
                  className="button button--secondary button--small"
                  onClick={() =>
                    set(standard.id, {
                      rating: before.rating,
                      notApplicableReason: before.notApplicableReason,
                      evidence: before.evidence,
                      links: before.links.join('\n'),
                    })
                  }
                >
                  Use this answer <span className="visually-hidden">for standard {standard.code}</span>
                </button>
              </div>
            ) : null}
            <div
              className="section11-ratings"
              role="radiogroup"
              aria-label={`Rating for standard ${standard.code}`}
            >
              {ratings.map((rating, i) => (
                <label key={rating}>
                  <input
                    type="radio"
                    name={`${id}-${standard.id}-rating`}
                    id={i === 0 ? `${id}-${standard.id}-first` : undefined}
                    checked={answer.rating === rating}
                    onChange={() => set(standard.id, { rating })}
                  />{' '}
                  {ratingLabels[rating]}
                </label>
              ))}
            </div>
            {answer.rating === 'not-applicable' ? (
              <Entry
                id={`${id}-${standard.id}-reason`}
                label="Why it does not apply"
                value={answer.notApplicableReason}
                multiline
                maxLength={1000}
                onChange={(value) => set(standard.id, { notApplicableReason: value })}
              />
            ) : null}
            <Entry
              id={`${id}-${standard.id}-evidence`}
              label="Evidence"
              value={answer.evidence}
              multiline
              maxLength={5000}
              onChange={(value) => set(standard.id, { evidence: value })}
            />
            <Entry
              id={`${id}-${standard.id}-links`}
              label="Links to the evidence"
              hint="One web address per line, starting https://"
              value={answer.links}
              multiline
              rows={2}
              onChange={(value) => set(standard.id, { links: value })}
            />
            {kept?.challenge ? (
              <p className="notice">
                The committee asked: {kept.challenge}
                {kept.committeeRating
                  ? ` Its rating: ${ratingLabels[kept.committeeRating].toLowerCase()}.`
                  : ''}
              </p>
            ) : null}
          </fieldset>
        );
      })}
      <fieldset className="section11-improvements">
        <legend>Improvement actions</legend>
        <p className="field__hint">
          What the agency will do where a standard is not fully met: each needs an owner and a due date.
        </p>
        {improvements.map((item, n) => {
          const update = (change: Partial<ImprovementValues>) =>
            setImprovements((all) => all.map((i) => (i.key === item.key ? { ...i, ...change } : i)));
          return (
            <div
              key={item.key}
              className="record-form__grid section11-improvement"
              role="group"
              aria-label={`Improvement action ${n + 1}`}
            >
              <div className="field">
                <label htmlFor={`${id}-${item.key}-standard`}>Standard</label>
                <select
                  id={`${id}-${item.key}-standard`}
                  value={item.standardId}
                  onChange={(e) => update({ standardId: e.target.value })}
                >
                  {assessment.standards.map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.code}. {s.title}
                    </option>
                  ))}
                </select>
              </div>
              <Entry
                id={`${id}-${item.key}-description`}
                label="What will be done"
                value={item.description}
                maxLength={1000}
                onChange={(value) => update({ description: value })}
              />
              <Entry
                id={`${id}-${item.key}-owner`}
                label="Owner"
                value={item.owner}
                maxLength={200}
                onChange={(value) => update({ owner: value })}
              />
              <Entry
                id={`${id}-${item.key}-due`}
                label="Due date"
                value={item.dueDate}
                type="date"
                onChange={(value) => update({ dueDate: value })}
              />
              <div className="field">
                <label htmlFor={`${id}-${item.key}-status`}>Status</label>
                <select
                  id={`${id}-${item.key}-status`}
                  value={item.status}
                  onChange={(e) => update({ status: e.target.value as ImprovementValues['status'] })}
                >
                  <option value="open">Open</option>
                  <option value="complete">Complete</option>
                </select>
              </div>
              <button
                type="button"
                className="button button--secondary button--small"
                onClick={() => setImprovements((all) => all.filter((i) => i.key !== item.key))}
              >
                Remove <span className="visually-hidden">improvement action {n + 1}</span>
              </button>
            </div>
          );
        })}
        <button
          type="button"
          className="button button--secondary"
          onClick={() =>
            setImprovements((all) => [
              ...all,
              {
                key: `new-${Date.now()}-${all.length}`,
                id: null,
                standardId: assessment.standards[0]!.id,
                description: '',
                owner: '',
                dueDate: '',
                status: 'open',
              },
            ])
          }
        >
          Add an improvement action
        </button>
      </fieldset>
      <div className="record-form__actions">
        <button
          type="button"
          className="button button--secondary"
          disabled={save.isPending}
          onClick={() => send(false)}
        >
          {save.isPending ? 'Saving…' : 'Save draft'}
        </button>
        <button type="submit" className="button" disabled={save.isPending}>
          Submit to the committee
        </button>
      </div>
    </form>
  );
}

/** The committee's reading: its own ratings where they differ, the challenge and the agency's answer; accept or send back. */
function ReviewForm({
  assessment,
  onDone,
}: {
  assessment: Section11Assessment;
  onDone: (message: string) => void;
}) {
  const id = useId();
  const queryClient = useQueryClient();
  const [moderation, setModeration] = useState(() =>
    Object.fromEntries(
      assessment.answers.map((a) => [
        a.standardId,
        { committeeRating: a.committeeRating, challenge: a.challenge, agencyResponse: a.agencyResponse },
      ]),
    ),
  );
  const [comments, setComments] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [version, setVersion] = useState(assessment.version);
  const params = { id: assessment.cycleId, agency: assessment.agencyId };
  const decide = useMutation({
    mutationFn: async (decision: 'notes' | 'accept' | 'send-back') => {
      const noted = await apiSend(
        'moderateSection11Assessment',
        {
          version,
          moderation: Object.entries(moderation).map(([standardId, m]) => ({ standardId, ...m })),
        },
        { params },
      );
      setVersion(noted.version);
      if (decision === 'accept')
        return apiSend('acceptSection11Assessment', { version: noted.version }, { params });
      if (decision === 'send-back')
        return apiSend('sendBackSection11Assessment', { version: noted.version, comments }, { params });
      return noted;
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: section11Queries.all() }),
  });
  const run = (decision: 'notes' | 'accept' | 'send-back') => {
    setFailure(null);
    setDone(null);
    if (decision === 'send-back' && !comments.trim()) {
      setFailure('Say what the agency needs to change before sending it back.');
      return;
    }
    decide.mutate(decision, {
      onSuccess: (result) => {
        if (decision === 'notes') setDone('Saved the committee’s notes.');
        else
          onDone(
            decision === 'accept'
              ? `Accepted ${result.agencyName}’s self-assessment.`
              : `Sent ${result.agencyName}’s self-assessment back with your comments.`,
          );
      },
      onError: (error) => {
        if (error instanceof ConflictError) setVersion((error.current as Section11Assessment).version);
        setFailure(describeSaveFailure(error, 'Not done').message);
      },
    });
  };
  return (
    <div className="section11-review" role="group" aria-label="The committee’s review">
      <FormFailure failure={failure} />
      {done ? (
        <p className="notice notice--success" role="status">
          {done}
        </p>
      ) : null}
      {assessment.standards.map((standard) => {
        const answer = assessment.answers.find((a) => a.standardId === standard.id);
        const m = moderation[standard.id] ?? { committeeRating: null, challenge: '', agencyResponse: '' };
        const change = (next: Partial<typeof m>) =>
          setModeration((all) => ({ ...all, [standard.id]: { ...m, ...next } }));
        return (
          <fieldset key={standard.id} className="section11-standard">
            <legend>
              Standard {standard.code}: {standard.title}
            </legend>
            <AnswerSummary
              answer={answer}
              improvements={assessment.improvements.filter((i) => i.standardId === standard.id)}
            />
            <div className="record-form__grid">
              <div className="field">
                <label htmlFor={`${id}-${standard.id}-committee`}>The committee’s rating</label>
                <select
                  id={`${id}-${standard.id}-committee`}
                  value={m.committeeRating ?? ''}
                  onChange={(e) =>
                    change({ committeeRating: (e.target.value || null) as Section11Rating | null })
                  }
                >
                  <option value="">The same as the agency’s</option>
                  {ratings.map((r) => (
                    <option key={r} value={r}>
                      {ratingLabels[r]}
                    </option>
                  ))}
                </select>
              </div>
              <Entry
                id={`${id}-${standard.id}-challenge`}
                label="Challenge asked"
                value={m.challenge}
                multiline
                maxLength={2000}
                onChange={(value) => change({ challenge: value })}
              />
              <Entry
                id={`${id}-${standard.id}-response`}
                label="The agency’s answer"
                value={m.agencyResponse}
                multiline
                maxLength={2000}
                onChange={(value) => change({ agencyResponse: value })}
              />
            </div>
          </fieldset>
        );
      })}
      <Entry
        id={`${id}-comments`}
        label="Comments for the agency (when sending it back)"
        value={comments}
        multiline
        maxLength={4000}
        onChange={(value) => setComments(value)}
      />
      <div className="record-form__actions">
        <button
          type="button"
          className="button button--secondary"
          disabled={decide.isPending}
          onClick={() => run('notes')}
        >
          Save the committee’s notes
        </button>
        <button type="button" className="button" disabled={decide.isPending} onClick={() => run('accept')}>
          Accept
        </button>
        <button
          type="button"
          className="button button--secondary"
          disabled={decide.isPending}
          onClick={() => run('send-back')}
        >
          Send back to the agency
        </button>
      </div>
    </div>
  );
}

/** A labelled text box, one line or several, with its hint said with it. */
function Entry({
  id,
  label,
  hint,
  value,
  onChange,
  multiline = false,
  type = 'text',
  maxLength,
  rows,
}: {
  id: string;
  label: string;
  hint?: string;
  value: string;
  onChange: (value: string) => void;
  multiline?: boolean;
  type?: 'text' | 'date';
  maxLength?: number;
  rows?: number;
}) {
  const described = hint ? { 'aria-describedby': `${id}-hint` } : {};
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {multiline ? (
        <textarea
          id={id}
          value={value}
          maxLength={maxLength}
          rows={rows}
          onChange={(e) => onChange(e.target.value)}
          {...described}
        />
      ) : (
        <input
          id={id}
          type={type}
          value={value}
          maxLength={maxLength}
          onChange={(e) => onChange(e.target.value)}
          {...described}
        />
      )}
    </div>
  );
}

function AnswerSummary({
  answer,
  improvements,
}: {
  answer: Section11Assessment['answers'][number] | undefined;
  improvements: Section11Improvement[];
}) {
  if (!answer?.rating) return <p>Not rated.</p>;
  return (
    <div className="section11-answer">
      <p>
        <StatusTag tone={ratingTones[answer.rating]}>{ratingLabels[answer.rating]}</StatusTag>
        {answer.committeeRating ? (
          <>
            {' '}
            Committee:{' '}
            <StatusTag tone={ratingTones[answer.committeeRating]}>
              {ratingLabels[answer.committeeRating]}
            </StatusTag>
          </>
        ) : null}
      </p>
      {answer.rating === 'not-applicable' ? <p>Why it does not apply: {answer.notApplicableReason}</p> : null}
      {answer.evidence ? <p>{answer.evidence}</p> : null}
      {answer.links.length > 0 ? (
        <ul>
          {answer.links.map((href) => (
            <li key={href}>
              <a href={href} rel="noopener noreferrer" target="_blank">
                {href}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
      {answer.challenge ? <p>Challenge asked: {answer.challenge}</p> : null}
      {answer.agencyResponse ? <p>The agency’s answer: {answer.agencyResponse}</p> : null}
      {improvements.map((i) => (
        <p key={i.id}>
          Improvement action: {i.description} ({i.owner}, due {formatDate(i.dueDate)}, {i.status})
        </p>
      ))}
    </div>
  );
}

/** One agency's self-assessment in one cycle, or a not-found page when there is none at its address. */
export function SelfAssessmentPage() {
  const { cycle = '', agency = '' } = useParams();
  const query = useQuery(section11Queries.assessment(cycle, agency));
  if (isNotFound(query.error)) {
    return (
      <NotFound
        title="Self-assessment not found"
        detail="There is no self-assessment at this address: the cycle or the agency may be wrong, or the link incomplete."
        link={{ to: '/section11', label: 'See every agency’s Section 11 self-assessment' }}
      />
    );
  }
  return <SelfAssessmentFound cycle={cycle} agency={agency} />;
}

function SelfAssessmentFound({ cycle, agency }: { cycle: string; agency: string }) {
  const assessment = useQuery(section11Queries.assessment(cycle, agency));
  const permissions = usePermissions();
  const data = assessment.data;
  useDocumentTitle(data ? `${data.agencyName}: ${data.cycleTitle}` : 'Section 11 self-assessment');
  const editable =
    data !== undefined &&
    data.open &&
    permissions.enterSelfAssessment(data.agencyId) &&
    ['not-started', 'draft', 'sent-back'].includes(data.status);
  const [message, setMessage] = useState<string | null>(null);
  const reviewing =
    data !== undefined && data.open && permissions.challengeSelfAssessments && data.status === 'submitted';
  return (
    <div className="page">
      <p>
        <Link to="/section11">Section 11 self-assessment</Link>
      </p>
      <h1 className="page__title">{data ? `${data.agencyName}’s self-assessment` : 'Self-assessment'}</h1>
      <QueryState query={assessment} loadingLabel="Loading the self-assessment">
        {(a) => (
          <>
            <p className="page__lede">
              {a.cycleTitle}, due {formatDate(a.dueDate)}.{' '}
              <StatusTag tone={section11StatusTones[a.status]}>{section11StatusLabels[a.status]}</StatusTag>
              {a.late ? <StatusTag tone="bad">Late</StatusTag> : null}
            </p>
            {message ? (
              <p className="notice notice--success" role="status">
                {message}
              </p>
            ) : null}
            {a.status === 'sent-back' && a.comments ? (
              <div className="notice notice--warning" role="note">
                <p className="notice__title">Sent back by the quality assurance committee</p>
                <p>{a.comments}</p>
              </div>
            ) : null}
            <Panel title={editable ? 'Your answers' : reviewing ? 'The agency’s answers' : 'Answers'}>
              {editable ? (
                <AssessmentForm key={`${a.cycleId}/${a.agencyId}`} assessment={a} onDone={setMessage} />
              ) : reviewing ? (
                <ReviewForm key={`${a.cycleId}/${a.agencyId}`} assessment={a} onDone={setMessage} />
              ) : (
                a.standards.map((standard) => (
                  <section
                    key={standard.id}
                    className="section11-standard"
                    aria-label={`Standard ${standard.code}`}
                  >
                    <h3>
                      Standard {standard.code}: {standard.title}
                    </h3>
                    <AnswerSummary
                      answer={a.answers.find((x) => x.standardId === standard.id)}
                      improvements={a.improvements.filter((i) => i.standardId === standard.id)}
                    />
                  </section>
                ))
              )}
            </Panel>
            {permissions.challengeSelfAssessments &&
            (a.status === 'submitted' || a.status === 'accepted') &&
            a.improvements.length > 0 ? (
              <ImprovementsToPlan assessment={a} />
            ) : null}
          </>
        )}
      </QueryState>
    </div>
  );
}
