import { useQuery } from '@tanstack/react-query';
import { openSection11CycleRequestSchema } from '../../api/contract';
import { adminQueries, section11Queries } from '../../api/queries';
import { ChecksField, InputField } from '../../components/form/fields';
import { RecordFormFrame, type FormDone } from '../../components/form/record-form';
import { useRecordForm } from '../../components/form/use-record-form';
import { useSaveRecord } from '../../components/form/use-save-record';
import { formatDate } from '../../lib/format';

const labels = { title: 'Title', dueDate: 'Due date', agencyIds: 'Agencies taking part' };

/** The administrator opens a cycle: which agencies, and by when they submit. */
export function OpenCycleForm({ onDone, onCancel }: FormDone) {
  const agencies = useQuery(adminQueries.agencies());
  const form = useRecordForm({
    draftKey: 'section11-cycle:new',
    initial: () => ({ title: '', dueDate: '', agencyIds: [] as string[] }),
    labels,
    schema: openSection11CycleRequestSchema,
    toRequest: (v) => v,
    save: useSaveRecord('openSection11Cycle', section11Queries.all()),
    onSaved: (cycle) =>
      onDone(
        `Opened “${cycle.title}”: ${cycle.agencies.length} agencies have a self-assessment due by ${formatDate(cycle.dueDate)}.`,
      ),
  });
  const options = (agencies.data?.agencies ?? []).map((a): [string, string] => [a.id, a.name]);
  return (
    <RecordFormFrame
      form={form}
      heading="Open a Section 11 cycle"
      submitLabel="Open the cycle"
      onClose={onCancel}
    >
      <div className="record-form__grid">
        <InputField
          form={form}
          name="title"
          label={labels.title}
          hint="For example Section 11 audit 2018"
          maxLength={120}
        />
        <InputField form={form} name="dueDate" type="date" label={labels.dueDate} />
      </div>
      <ChecksField form={form} name="agencyIds" legend={labels.agencyIds} options={options} />
    </RecordFormFrame>
  );
}
