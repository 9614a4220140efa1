import { actionUpdateRequestSchema, type Action, type ActionStatus } from '../../api/contract';
import { CountField, SelectField, TextAreaField } from '../../components/form/fields';
import { RecordFormFrame, type FormDone } from '../../components/form/record-form';
import { useRecordForm } from '../../components/form/use-record-form';
import { actionStatusLabels } from './action-labels';
import { useUpdateAction } from './use-update-action';

interface Values {
  status: ActionStatus;
  progress: string;
  note: string;
}

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

type Props = FormDone & { action: Action };

/** Update an action's status and progress and add a dated note; validated by the API contract. */
export function ActionUpdateForm({ action, onDone, onCancel }: Props) {
  const form = useRecordForm({
    who: 'this action',
    compare: compare,
    draftKey: `action:${action.id}`,
    initial: (): Values => ({ status: action.status, progress: String(action.progress), note: '' }),
    labels: { status: 'Status', progress: 'Progress', note: 'Note' },
    record: action,
    schema: actionUpdateRequestSchema,
    toRequest: (values, version) => ({
      status: values.status,
      progress: values.progress.trim() === '' ? Number.NaN : Number(values.progress),
      version,
      ...(values.note.trim() ? { note: values.note } : {}),
    }),
    save: useUpdateAction(action.id),
    onSaved: (saved) =>
      onDone(
        `Saved: “${action.title}” is ${actionStatusLabels[saved.status].toLowerCase()}, ${saved.progress}% done.`,
      ),
  });

  return (
    <RecordFormFrame
      form={form}
      heading={`Update: ${action.title}`}
      headingLevel={4}
      submitLabel="Save update"
      onClose={onCancel}
    >
      <div className="record-form__grid">
        <SelectField form={form} name="status" label="Status" options={actionStatusLabels} />
        <CountField
          form={form}
          name="progress"
          label="Progress (%)"
          hint="A whole number from 0 to 100"
          max={100}
        />
      </div>
      <TextAreaField
        form={form}
        name="note"
        label="Note (optional)"
        hint="Dated today and added to the action’s updates"
        maxLength={1000}
      />
    </RecordFormFrame>
  );
}
