import { useId } from 'react';
import {
  auditUpdateRequestSchema,
  type Audit,
  type AuditStatus,
  type AuditUpdateRequest,
} from '../../api/contract';
import { ConflictNotice } from '../../components/form/conflict-notice';
import { DraftRestoredNotice } from '../../components/form/draft-restored-notice';
import { Field } from '../../components/form/field';
import { RecordForm } from '../../components/form/record-form';
import { useRecordForm } from '../../components/form/use-record-form';
import { gradeLabels } from '../../lib/board-charts';
import { formatDate } from '../../lib/format';
import { fieldErrorsFromIssues } from '../../lib/field-errors';
import { useUpdateAudit } from './use-update-audit';

const statusLabels: Record<AuditStatus, string> = {
  planned: 'Planned',
  'in-progress': 'In progress',
  completed: 'Completed',
  cancelled: 'Cancelled',
};
export { statusLabels as auditStatusLabels };

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

const isValues = (value: unknown): value is Values =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as Values).status === 'string' &&
  typeof (value as Values).grades === 'object';

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

const labels = {
  status: 'Status',
  completedDate: 'Date completed',
  casesAudited: 'Cases audited',
  grades: 'Grades',
};

interface Props {
  audit: Audit;
  onDone: (message: string) => void;
  onCancel: () => void;
}

/** Record an audit's progress, checked against the same contract the API uses. */
export function AuditProgressForm({ audit, onDone, onCancel }: Props) {
  const id = useId();
  const form = useRecordForm({
    draftKey: `audit:${audit.id}`,
    initial: () => initialValues(audit),
    isValues,
    record: audit,
  });
  const { values, setValues, errors } = form;
  const update = useUpdateAudit();
  const fieldIds = {
    status: `${id}-status`,
    completedDate: `${id}-completed`,
    casesAudited: `${id}-cases`,
    grades: `${id}-grade-outstanding`,
  };

  const submit = () => {
    form.startSave();
    const parsed = auditUpdateRequestSchema.safeParse(toRequest(values, form.baseVersion));
    if (!parsed.success) {
      form.setErrors(fieldErrorsFromIssues(parsed.error.issues));
      return;
    }
    form.setErrors({});
    const request: AuditUpdateRequest = parsed.data;
    update.mutate(
      { id: audit.id, update: request },
      {
        onSuccess: () => {
          form.finished();
          onDone(`Saved: “${audit.title}” is now ${statusLabels[request.status].toLowerCase()}.`);
        },
        onError: form.failed,
      },
    );
  };

  const cancel = () => {
    form.finished();
    onCancel();
  };

  const setGrade = (key: GradeKey, value: string) =>
    setValues((v) => ({ ...v, grades: { ...v.grades, [key]: value } }));

  return (
    <RecordForm
      heading={`Record progress: ${audit.title}`}
      headingLevel={3}
      saveError={form.saveError}
      errors={errors}
      fieldIds={fieldIds}
      labels={labels}
      pending={update.isPending}
      submitLabel="Save progress"
      onSubmit={submit}
      onCancel={cancel}
      notice={
        form.theirs ? (
          <ConflictNotice who="this audit" changes={compare(form.theirs, values)} />
        ) : form.restored ? (
          <DraftRestoredNotice />
        ) : null
      }
    >
      <div className="record-form__grid">
        <Field label="Status" error={errors.status} id={fieldIds.status}>
          <select
            value={values.status}
            onChange={(e) => setValues((v) => ({ ...v, status: e.target.value as AuditStatus }))}
          >
            {Object.entries(statusLabels).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </Field>
        <Field
          label="Date completed"
          hint="For example 3 April 2017"
          error={errors.completedDate}
          id={fieldIds.completedDate}
        >
          <input
            type="date"
            value={values.completedDate}
            onChange={(e) => setValues((v) => ({ ...v, completedDate: e.target.value }))}
          />
        </Field>
        <Field label="Cases audited" error={errors.casesAudited} id={fieldIds.casesAudited}>
          <input
            type="number"
            inputMode="numeric"
            min={0}
            step={1}
            value={values.casesAudited}
            onChange={(e) => setValues((v) => ({ ...v, casesAudited: e.target.value }))}
          />
        </Field>
      </div>
      <fieldset
        className={`record-form__grades${errors.grades ? ' field--error' : ''}`}
        aria-describedby={errors.grades ? `${id}-grades-error` : undefined}
      >
        <legend>Grades: how many audited cases were</legend>
        {errors.grades ? (
          <p id={`${id}-grades-error`} className="field__error">
            <span className="visually-hidden">Error:</span> {errors.grades}
          </p>
        ) : null}
        <div className="record-form__grid">
          {gradeKeys.map((key) => (
            <Field key={key} label={gradeLabels[key]} id={`${id}-grade-${key}`}>
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
      </fieldset>
    </RecordForm>
  );
}
