import { useId } from 'react';
import { actionUpdateRequestSchema, type Action, type ActionStatus } from '../../api/contract';
import { ConflictNotice } from '../../components/form/conflict-notice';
import { DraftRestoredNotice } from '../../components/form/draft-restored-notice';
import { Field } from '../../components/form/field';
import { RecordForm } from '../../components/form/record-form';
import { useRecordForm } from '../../components/form/use-record-form';
import { fieldErrorsFromIssues } from '../../lib/field-errors';
import { actionStatusLabels } from './action-labels';
import { useUpdateAction } from './use-update-action';

interface Values {
  status: ActionStatus;
  progress: string;
  note: string;
}

const labels = { status: 'Status', progress: 'Progress', note: 'Note' };

const isValues = (value: unknown): value is Values =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as Values).status === 'string' &&
  typeof (value as Values).progress === 'string' &&
  typeof (value as Values).note === 'string';

function compare(theirs: Action, yours: Values) {
  const lastNote = theirs.updates.at(-1);
  return [
    { label: 'Status', theirs: actionStatusLabels[theirs.status], yours: actionStatusLabels[yours.status] },
    {
      label: 'Progress',
      theirs: `${theirs.progress}%`,
      yours: yours.progress ? `${yours.progress}%` : 'none',
    },
    {
      label: 'Latest note',
      theirs: lastNote ? `${lastNote.note} (${lastNote.author})` : 'none',
      yours: yours.note.trim() || 'none',
    },
  ];
}

interface Props {
  action: Action;
  onDone: (message: string) => void;
  onCancel: () => void;
}

/** Update an action's status and progress and add a dated note; validated by the API contract. */
export function ActionUpdateForm({ action, onDone, onCancel }: Props) {
  const id = useId();
  const form = useRecordForm({
    draftKey: `action:${action.id}`,
    initial: () => ({ status: action.status, progress: String(action.progress), note: '' }),
    isValues,
    record: action,
  });
  const { values, setValues, errors } = form;
  const update = useUpdateAction();
  const fieldIds = { status: `${id}-status`, progress: `${id}-progress`, note: `${id}-note` };

  const submit = () => {
    form.startSave();
    const request = {
      status: values.status,
      progress: values.progress.trim() === '' ? Number.NaN : Number(values.progress),
      version: form.baseVersion,
      ...(values.note.trim() ? { note: values.note } : {}),
    };
    const parsed = actionUpdateRequestSchema.safeParse(request);
    if (!parsed.success) {
      form.setErrors(fieldErrorsFromIssues(parsed.error.issues));
      return;
    }
    form.setErrors({});
    update.mutate(
      { id: action.id, update: parsed.data },
      {
        onSuccess: (saved) => {
          form.finished();
          onDone(
            `Saved: “${action.title}” is ${actionStatusLabels[saved.status].toLowerCase()}, ${saved.progress}% done.`,
          );
        },
        onError: form.failed,
      },
    );
  };

  const cancel = () => {
    form.finished();
    onCancel();
  };

  return (
    <RecordForm
      heading={`Update: ${action.title}`}
      headingLevel={4}
      saveError={form.saveError}
      errors={errors}
      fieldIds={fieldIds}
      labels={labels}
      pending={update.isPending}
      submitLabel="Save update"
      onSubmit={submit}
      onCancel={cancel}
      notice={
        form.theirs ? (
          <ConflictNotice who="this action" changes={compare(form.theirs, values)} />
        ) : form.restored ? (
          <DraftRestoredNotice />
        ) : null
      }
    >
      <div className="record-form__grid">
        <Field label="Status" error={errors.status} id={fieldIds.status}>
          <select
            value={values.status}
            onChange={(e) => setValues((v) => ({ ...v, status: e.target.value as ActionStatus }))}
          >
            {Object.entries(actionStatusLabels).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </Field>
        <Field
          label="Progress (%)"
          hint="A whole number from 0 to 100"
          error={errors.progress}
          id={fieldIds.progress}
        >
          <input
            type="number"
            inputMode="numeric"
            min={0}
            max={100}
            step={1}
            value={values.progress}
            onChange={(e) => setValues((v) => ({ ...v, progress: e.target.value }))}
          />
        </Field>
      </div>
      <Field
        label="Note (optional)"
        hint="Dated today and added to the action’s updates"
        error={errors.note}
        id={fieldIds.note}
      >
        <textarea
          rows={3}
          maxLength={1000}
          value={values.note}
          onChange={(e) => setValues((v) => ({ ...v, note: e.target.value }))}
        />
      </Field>
    </RecordForm>
  );
}
