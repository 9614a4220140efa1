import { useQuery } from '@tanstack/react-query';
import {
  auditPlanRequestSchema,
  cancelAuditRequestSchema,
  createAuditRequestSchema,
  type Audit,
  type FinancialYear,
} from '../../api/contract';
import { adminQueries, qualityAssuranceQueries } from '../../api/queries';
import {
  ChecksField,
  CountField,
  InputField,
  SelectField,
  TextAreaField,
} from '../../components/form/fields';
import { RecordFormFrame, type FormDone } from '../../components/form/record-form';
import { useRecordForm } from '../../components/form/use-record-form';
import { useSaveRecord } from '../../components/form/use-save-record';
import { formatDate } from '../../lib/format';

const kindLabels = { 'multi-agency': 'Multi-agency case file audit', 'single-agency': 'Single agency audit' };

interface Values {
  title: string;
  theme: string;
  kind: Audit['kind'];
  leadAgency: string;
  agencies: string[];
  plannedDate: string;
  plannedQuarter: string;
  casesToSample: string;
}

export const auditPlanLabels = {
  title: 'Title',
  theme: 'Theme or priority',
  kind: 'Kind of audit',
  leadAgency: 'Lead',
  agencies: 'Agencies taking part',
  plannedDate: 'Planned date',
  plannedQuarter: 'Or a quarter',
  casesToSample: 'Cases to sample',
};

const valuesOf = (audit: Audit | undefined): Values => ({
  title: audit?.title ?? '',
  theme: audit?.theme ?? '',
  kind: audit?.kind ?? 'multi-agency',
  leadAgency: audit?.leadAgency ?? '',
  agencies: audit?.agencies ?? [],
  plannedDate: audit && !audit.plannedQuarter ? audit.plannedDate : '',
  plannedQuarter: audit?.plannedQuarter ?? '',
  casesToSample: audit?.casesToSample == null ? '' : String(audit.casesToSample),
});

const toRequest = (v: Values, version: number) => ({
  ...v,
  plannedDate: v.plannedDate || null,
  plannedQuarter: v.plannedQuarter || null,
  casesToSample: v.casesToSample.trim() === '' ? null : Number(v.casesToSample),
  version,
});

const when = (v: Values) => v.plannedQuarter || (v.plannedDate ? formatDate(v.plannedDate) : 'none');

function compare(theirs: Audit, yours: Values) {
  const mine = valuesOf(theirs);
  return (['title', 'theme', 'leadAgency', 'casesToSample'] as const)
    .map((k) => ({ label: auditPlanLabels[k], theirs: mine[k] || 'none', yours: yours[k] || 'none' }))
    .concat([
      { label: auditPlanLabels.agencies, theirs: mine.agencies.join(', '), yours: yours.agencies.join(', ') },
      { label: 'Planned', theirs: when(mine), yours: when(yours) },
    ]);
}

/** The quarters of the year shown and the next, to plan an audit for. */
function quarters(year: FinancialYear): [string, string][] {
  const start = Number(year.slice(0, 4));
  const years = [start, start + 1].map((y) => `${y}-${String((y + 1) % 100).padStart(2, '0')}`);
  return [
    ['', 'No quarter: a planned date'],
    ...years.flatMap((y) => [1, 2, 3, 4].map((q): [string, string] => [`Q${q} ${y}`, `Q${q} ${y}`])),
  ];
}

interface Props extends FormDone {
  /** The audit whose plan changes; absent to add one. */
  audit?: Audit;
  year: FinancialYear;
}

/** Add an audit to the programme, or change an audit's plan. */
export function AuditPlanForm({ audit, year, onDone, onCancel }: Props) {
  const agencies = useQuery(adminQueries.agencies());
  const refresh = qualityAssuranceQueries.audits().queryKey;
  const create = useSaveRecord('createAudit', refresh);
  const change = useSaveRecord('updateAuditPlan', refresh, { id: audit?.id ?? '' });
  const form = useRecordForm({
    who: 'this audit',
    compare: compare,
    draftKey: audit ? `audit-plan:${audit.id}` : 'audit-plan:new',
    initial: () => valuesOf(audit),
    labels: auditPlanLabels,
    record: audit,
    // Adding sends the plan without a version (the schema leaves it out); changing, with it.
    schema: audit ? auditPlanRequestSchema : (createAuditRequestSchema as typeof auditPlanRequestSchema),
    toRequest,
    save: audit ? change : (create as unknown as typeof change),
    onSaved: (saved) =>
      onDone(
        audit ? `Saved the plan of “${saved.title}”.` : `Added “${saved.title}” to the audit programme.`,
      ),
  });
  const names = [...(agencies.data?.agencies.map((a) => a.name) ?? []), ...form.values.agencies];
  const options = [...new Set(names)].map((name): [string, string] => [name, name]);

  return (
    <RecordFormFrame
      form={form}
      heading={audit ? `Change the plan: ${audit.title}` : 'Add an audit'}
      submitLabel={audit ? 'Save the plan' : 'Add the audit'}
      onClose={onCancel}
    >
      <div className="record-form__grid">
        <InputField form={form} name="title" label={auditPlanLabels.title} maxLength={200} />
        <InputField
          form={form}
          name="theme"
          label={auditPlanLabels.theme}
          hint="For example Neglect, or Priority 2"
        />
        <SelectField form={form} name="kind" label={auditPlanLabels.kind} options={kindLabels} />
        <InputField
          form={form}
          name="leadAgency"
          label={auditPlanLabels.leadAgency}
          hint="The agency or person leading it"
        />
        <InputField form={form} name="plannedDate" type="date" label={auditPlanLabels.plannedDate} />
        <SelectField
          form={form}
          name="plannedQuarter"
          label={auditPlanLabels.plannedQuarter}
          options={quarters(year)}
        />
        <CountField
          form={form}
          name="casesToSample"
          label={auditPlanLabels.casesToSample}
          min={1}
          max={500}
        />
      </div>
      {options.length > 0 ? (
        <ChecksField form={form} name="agencies" legend={auditPlanLabels.agencies} options={options} />
      ) : (
        <p className="field__error" id={form.fieldIds.agencies} tabIndex={-1}>
          No agencies yet: an administrator adds them under Administration, Agencies.
        </p>
      )}
    </RecordFormFrame>
  );
}

/** Cancel an audit with a reason: it stays in the programme, shown as cancelled. */
export function CancelAuditForm({ audit, onDone, onCancel }: Omit<Props, 'year'> & { audit: Audit }) {
  const form = useRecordForm({
    who: 'this audit',
    compare: (theirs) => [{ label: 'Status', theirs: theirs.status, yours: 'cancelled' }],
    draftKey: `audit-cancel:${audit.id}`,
    initial: () => ({ reason: '' }),
    labels: { reason: 'Why it is cancelled' },
    record: audit,
    schema: cancelAuditRequestSchema,
    toRequest: (v, version) => ({ ...v, version }),
    save: useSaveRecord('cancelAudit', qualityAssuranceQueries.audits().queryKey, { id: audit.id }),
    onSaved: () => onDone(`Cancelled “${audit.title}”. It stays in the programme, shown as cancelled.`),
  });
  return (
    <RecordFormFrame
      form={form}
      heading={`Cancel the audit: ${audit.title}`}
      submitLabel="Cancel the audit"
      onClose={onCancel}
    >
      <TextAreaField form={form} name="reason" label="Why it is cancelled" maxLength={1000} />
    </RecordFormFrame>
  );
}
