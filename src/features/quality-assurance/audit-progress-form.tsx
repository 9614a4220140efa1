import { auditUpdateRequestSchema, type Audit, type AuditStatus } from '../../api/contract';
import { Field } from '../../components/form/field';
import { CountField, FieldGroup, InputField, SelectField } from '../../components/form/fields';
import { RecordFormFrame, type FormDone } from '../../components/form/record-form';
import { useRecordForm } from '../../components/form/use-record-form';
import { gradeLabels } from '../../lib/board-charts';
import { formatDate } from '../../lib/format';
import { auditStatusLabels as statusLabels } from './audit-labels';
import { useUpdateAudit } from './use-update-audit';

type GradeKey = keyof typeof gradeLabels;
const gradeKeys = Object.keys(gradeLabels) as GradeKey[];

interface Values {
  status: AuditStatus;
  completedDate: string;
  casesAudited: string;
  grades: Record<GradeKey, string>;
}

function initialValues(audit: Audit): Values {
  return {
    status: audit.status,
    completedDate: audit.completedDate ?? '',
    casesAudited: audit.casesAudited === null ? '' : String(audit.casesAudited),
    grades: Object.fromEntries(
      gradeKeys.map((k) => [k, audit.grades ? String(audit.grades[k]) : '']),
    ) as Record<GradeKey, string>,
  };
}

const toNumber = (text: string) => (text.trim() === '' ? null : Number(text));

function toRequest(values: Values, version: number): unknown {
  const anyGrade = gradeKeys.some((k) => values.grades[k].trim() !== '');
  return {
    status: values.status,
    completedDate: values.completedDate || null,
    casesAudited: toNumber(values.casesAudited),
    grades: anyGrade ? Object.fromEntries(gradeKeys.map((k) => [k, toNumber(values.grades[k]) ?? 0])) : null,
    version,
  };
}

/** Their saved audit beside what was typed, in words, for the conflict notice. */
function compare(theirs: Audit, yours: Values) {
  const mine = initialValues(theirs);
  const gradesText = (g: Values['grades']) =>
    gradeKeys.map((k) => `${gradeLabels[k]} ${g[k] || '0'}`).join(', ');
  return [
    { label: 'Status', theirs: statusLabels[theirs.status], yours: statusLabels[yours.status] },
    {
      label: 'Date completed',
      theirs: theirs.completedDate ? formatDate(theirs.completedDate) : 'none',
      yours: yours.completedDate ? formatDate(yours.completedDate) : 'none',
    },
    { label: 'Cases audited', theirs: mine.casesAudited || 'none', yours: yours.casesAudited || 'none' },
    {
      label: 'Grades',
      theirs: theirs.grades ? gradesText(mine.grades) : 'none',
      yours: gradeKeys.some((k) => yours.grades[k].trim()) ? gradesText(yours.grades) : 'none',
    },
  ];
}

type Props = FormDone & { audit: Audit };

/** Record an audit's progress, checked against the same contract the API uses. */
export function AuditProgressForm({ audit, onDone, onCancel }: Props) {
  const form = useRecordForm({
    who: 'this audit',
    compare: compare,
    draftKey: `audit:${audit.id}`,
    initial: () => initialValues(audit),
    labels: {
      status: 'Status',
      completedDate: 'Date completed',
      casesAudited: 'Cases audited',
      grades: 'Grades',
    },
    fieldIds: { grades: `${audit.id}-grade-outstanding` },
    record: audit,
    schema: auditUpdateRequestSchema,
    toRequest,
    save: useUpdateAudit(audit.id),
    onSaved: (_saved, request) =>
      onDone(`Saved: “${audit.title}” is now ${statusLabels[request.status].toLowerCase()}.`),
  });
  const { values, setValues, errors } = form;
  const setGrade = (key: GradeKey, value: string) =>
    setValues((v) => ({ ...v, grades: { ...v.grades, [key]: value } }));

  return (
    <RecordFormFrame
      form={form}
      heading={`Record progress: ${audit.title}`}
      submitLabel="Save progress"
      onClose={onCancel}
    >
      <div className="record-form__grid">
        <SelectField form={form} name="status" label="Status" options={statusLabels} />
        <InputField
          form={form}
          name="completedDate"
          type="date"
          label="Date completed"
          hint="For example 3 April 2017"
        />
        <CountField form={form} name="casesAudited" label="Cases audited" />
      </div>
      <FieldGroup
        legend="Grades: how many audited cases were"
        error={errors.grades}
        errorId={`${form.id}-grades-error`}
        className="record-form__grades"
      >
        <div className="record-form__grid">
          {gradeKeys.map((key) => (
            <Field
              key={key}
              label={gradeLabels[key]}
              id={key === 'outstanding' ? form.fieldIds.grades : undefined}
            >
              <input
                type="number"
                inputMode="numeric"
                min={0}
                step={1}
                value={values.grades[key]}
                onChange={(e) => setGrade(key, e.target.value)}
              />
            </Field>
          ))}
        </div>
      </FieldGroup>
    </RecordFormFrame>
  );
}
