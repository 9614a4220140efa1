import { useQuery } from '@tanstack/react-query';
import {
  actionEditRequestSchema,
  closeActionRequestSchema,
  createActionRequestSchema,
  createPriorityRequestSchema,
  priorityEditRequestSchema,
  type Action,
  type Priority,
} from '../../api/contract';
import { actionPlanQueries, qualityAssuranceQueries } from '../../api/queries';
import { ChecksField, InputField, SelectField, TextAreaField } from '../../components/form/fields';
import { RecordFormFrame, type FormDone } from '../../components/form/record-form';
import { useRecordForm } from '../../components/form/use-record-form';
import { useSaveRecord } from '../../components/form/use-save-record';
import { formatDate } from '../../lib/format';

const refresh = () => actionPlanQueries.all();

type Done = FormDone;

const priorityLabels = { title: 'Title', description: 'What it aims at (optional)' };

/** Add a priority to the plan, or change its title and description. */
export function PriorityForm({ priority, onDone, onCancel }: Done & { priority?: Priority }) {
  const create = useSaveRecord('createPriority', refresh());
  const change = useSaveRecord('updatePriority', refresh(), { id: priority?.id ?? '' });
  const form = useRecordForm({
    who: 'this priority',
    compare: (theirs, yours) => [
      { label: priorityLabels.title, theirs: theirs.title, yours: yours.title },
      { label: 'Description', theirs: theirs.description || 'none', yours: yours.description || 'none' },
    ],
    draftKey: `priority:${priority?.id ?? 'new'}`,
    initial: () => ({ title: priority?.title ?? '', description: priority?.description ?? '' }),
    labels: priorityLabels,
    record: priority,
    // Adding sends no version (the schema leaves it out); changing sends the one it was based on.
    schema: priority
      ? priorityEditRequestSchema
      : (createPriorityRequestSchema as typeof priorityEditRequestSchema),
    toRequest: (v, version) => ({ ...v, version }),
    save: priority ? change : (create as unknown as typeof change),
    onSaved: (saved) =>
      onDone(
        priority ? `Saved priority ${saved.number}.` : `Added priority ${saved.number}: “${saved.title}”.`,
      ),
  });
  return (
    <RecordFormFrame
      form={form}
      heading={priority ? `Change priority ${priority.number}` : 'Add a priority'}
      submitLabel={priority ? 'Save the priority' : 'Add the priority'}
      onClose={onCancel}
    >
      <InputField form={form} name="title" label={priorityLabels.title} maxLength={300} />
      <TextAreaField form={form} name="description" label={priorityLabels.description} maxLength={2000} />
    </RecordFormFrame>
  );
}

export const actionLabels = {
  title: 'What the action is',
  owner: 'Owner',
  dueDate: 'Due date',
  priorityId: 'Priority',
  ofstedRecommendationIds: 'Ofsted recommendations it answers',
  auditIds: 'Audits it answers',
  reviewIds: 'Reviews it answers',
};

/** What an action answers, to tick: Ofsted's recommendations, the audits, the reviews. */
function useAnswerOptions() {
  const recommendations = useQuery(actionPlanQueries.ofstedRecommendations());
  const audits = useQuery(qualityAssuranceQueries.audits());
  const reviews = useQuery(qualityAssuranceQueries.seriousCaseReviews());
  return {
    ofstedRecommendationIds: (recommendations.data?.recommendations ?? []).map((r): [string, string] => [
      r.id,
      `${r.number}. ${r.text}`,
    ]),
    auditIds: (audits.data?.audits ?? []).map((a): [string, string] => [a.id, a.title]),
    // A retired review stays a choice (an action may answer it still), named so.
    reviewIds: (reviews.data?.reviews ?? []).map((r): [string, string] => [
      r.id,
      r.retiredIn ? `${r.title} (retired in ${r.retiredIn})` : r.title,
    ]),
  };
}

/** Add an action under a priority, or change it and move it to another. */
export function ActionForm({
  action,
  priorityId,
  priorities,
  onDone,
  onCancel,
}: Done & { action?: Action; priorityId: string; priorities: readonly Priority[] }) {
  const create = useSaveRecord('createAction', refresh());
  const change = useSaveRecord('editAction', refresh(), { id: action?.id ?? '' });
  const answers = useAnswerOptions();
  const form = useRecordForm({
    who: 'this action',
    compare: (theirs, yours) => [
      { label: actionLabels.title, theirs: theirs.title, yours: yours.title },
      { label: actionLabels.owner, theirs: theirs.owner, yours: yours.owner },
      {
        label: actionLabels.dueDate,
        theirs: formatDate(theirs.dueDate),
        yours: yours.dueDate ? formatDate(yours.dueDate) : 'none',
      },
    ],
    draftKey: `plan-action:${action?.id ?? `new-${priorityId}`}`,
    initial: () => ({
      title: action?.title ?? '',
      owner: action?.owner ?? '',
      dueDate: action?.dueDate ?? '',
      priorityId,
      ofstedRecommendationIds: action?.ofstedRecommendationIds ?? [],
      auditIds: action?.auditIds ?? [],
      reviewIds: action?.reviewIds ?? [],
    }),
    labels: actionLabels,
    record: action,
    schema: action ? actionEditRequestSchema : (createActionRequestSchema as typeof actionEditRequestSchema),
    toRequest: (v, version) => ({ ...v, version }),
    save: action ? change : (create as unknown as typeof change),
    onSaved: (saved, request) =>
      onDone(
        action
          ? `Saved “${saved.title}”${request.priorityId === priorityId ? '' : ', moved to another priority'}.`
          : `Added the action “${saved.title}”, owned by ${saved.owner}.`,
      ),
  });
  const inUse = priorities.filter((p) => !p.retired || p.id === priorityId);
  return (
    <RecordFormFrame
      form={form}
      heading={action ? `Change the action: ${action.title}` : 'Add an action'}
      headingLevel={4}
      submitLabel={action ? 'Save the action' : 'Add the action'}
      onClose={onCancel}
    >
      <div className="record-form__grid">
        <InputField form={form} name="title" label={actionLabels.title} maxLength={300} />
        <InputField form={form} name="owner" label={actionLabels.owner} maxLength={120} />
        <InputField form={form} name="dueDate" type="date" label={actionLabels.dueDate} />
        <SelectField
          form={form}
          name="priorityId"
          label={actionLabels.priorityId}
          options={inUse.map((p): [string, string] => [p.id, `Priority ${p.number}: ${p.title}`])}
        />
      </div>
      {(['ofstedRecommendationIds', 'auditIds', 'reviewIds'] as const).map((name) =>
        answers[name].length > 0 ? (
          <ChecksField
            key={name}
            form={form}
            name={name}
            legend={actionLabels[name]}
            options={answers[name]}
          />
        ) : null,
      )}
    </RecordFormFrame>
  );
}

/** Close an action: complete and 100% done, with an optional closing note. */
export function CloseActionForm({ action, onDone, onCancel }: Done & { action: Action }) {
  const form = useRecordForm({
    who: 'this action',
    compare: (theirs) => [{ label: 'Status', theirs: theirs.status, yours: 'complete' }],
    draftKey: `close-action:${action.id}`,
    initial: () => ({ note: '' }),
    labels: { note: 'Closing note (optional)' },
    record: action,
    schema: closeActionRequestSchema,
    toRequest: (v, version) => ({ version, ...(v.note.trim() ? { note: v.note } : {}) }),
    save: useSaveRecord('closeAction', refresh(), { id: action.id }),
    onSaved: () => onDone(`Closed “${action.title}”: complete, 100% done.`),
  });
  return (
    <RecordFormFrame
      form={form}
      heading={`Close: ${action.title}`}
      headingLevel={4}
      submitLabel="Close the action"
      onClose={onCancel}
    >
      <TextAreaField form={form} name="note" label="Closing note (optional)" maxLength={1000} />
    </RecordFormFrame>
  );
}
