import { useId, useState } from 'react';
import { actionUpdateRequestSchema, type Action, type ActionStatus } from '../../api/contract';
import { Field } from '../../components/form/field';
import { RecordForm } from '../../components/form/record-form';
import { describeSaveFailure, fieldErrorsFromIssues, type FieldErrors } from '../../lib/field-errors';
import { actionStatusLabels } from './action-labels';
import { useUpdateAction } from './use-update-action';

interface Values {
  status: ActionStatus;
  progress: string;
  note: string;
}

const labels = { status: 'Status', progress: 'Progress', note: 'Note' };

interface Props {
  action: Action;
  onDone: (message: string) => void;
  onCancel: () => void;
}

/** Update an action's status and progress and add a dated note; validated by the API contract. */
export function ActionUpdateForm({ action, onDone, onCancel }: Props) {
  const id = useId();
  const [values, setValues] = useState<Values>({
    status: action.status,
    progress: String(action.progress),
    note: '',
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saveError, setSaveError] = useState<string | null>(null);
  const update = useUpdateAction();
  const fieldIds = { status: `${id}-status`, progress: `${id}-progress`, note: `${id}-note` };

  const submit = () => {
    setSaveError(null);
    const request = {
      status: values.status,
      progress: values.progress.trim() === '' ? Number.NaN : Number(values.progress),
      ...(values.note.trim() ? { note: values.note } : {}),
    };
    const parsed = actionUpdateRequestSchema.safeParse(request);
    if (!parsed.success) {
      setErrors(fieldErrorsFromIssues(parsed.error.issues));
      return;
    }
    setErrors({});
    update.mutate(
      { id: action.id, update: parsed.data },
      {
        onSuccess: (saved) =>
          onDone(
            `Saved: “${action.title}” is ${actionStatusLabels[saved.status].toLowerCase()}, ${saved.progress}% done.`,
          ),
        onError: (error) => {
          const failure = describeSaveFailure(error);
          setErrors(failure.fieldErrors);
          setSaveError(failure.message);
        },
      },
    );
  };

  return (
    <RecordForm
      heading={`Update: ${action.title}`}
      headingLevel={4}
      saveError={saveError}
      errors={errors}
      fieldIds={fieldIds}
      labels={labels}
      pending={update.isPending}
      submitLabel="Save update"
      onSubmit={submit}
      onCancel={onCancel}
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
