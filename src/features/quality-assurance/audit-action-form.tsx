import {
  auditActionChangeRequestSchema,
  auditActionEditRequestSchema,
  createAuditActionRequestSchema,
  type Audit,
  type AuditAction,
} from '../../api/contract';
import { qualityAssuranceQueries } from '../../api/queries';
import { InputField, TextAreaField } from '../../components/form/fields';
import { RecordFormFrame, type FormDone } from '../../components/form/record-form';
import { useRecordForm } from '../../components/form/use-record-form';
import { useSaveRecord } from '../../components/form/use-save-record';
import { formatDate } from '../../lib/format';

interface Values {
  description: string;
  owner: string;
  dueDate: string;
}

const labels = { description: 'What the action is', owner: 'Owner', dueDate: 'Due' };

const valuesOf = (action: AuditAction | undefined): Values => ({
  description: action?.description ?? '',
  owner: action?.owner ?? '',
  dueDate: action?.dueDate ?? '',
});

const refresh = qualityAssuranceQueries.audits().queryKey;

/** Their saved action beside what was typed, after a 409 (an action added since shows as none). */
function compare(actionId: string | undefined, opened?: AuditAction) {
  return (theirs: Audit, typed: Partial<Values>) => {
    const yours = { ...valuesOf(opened), ...typed };
    const saved = valuesOf(theirs.actionsArising.find((a) => a.id === actionId));
    return (['description', 'owner'] as const)
      .map((k) => ({ label: labels[k], theirs: saved[k] || 'none', yours: yours[k] || 'none' }))
      .concat([
        {
          label: labels.dueDate,
          theirs: saved.dueDate ? formatDate(saved.dueDate) : 'none',
          yours: yours.dueDate ? formatDate(yours.dueDate) : 'none',
        },
        {
          label: 'Actions arising',
          theirs: theirs.actionsArising.map((a) => a.description).join('; ') || 'none',
          yours: 'as you opened them',
        },
      ]);
  };
}

interface Props extends FormDone {
  audit: Audit;
  /** The action to change; absent to add one. */
  action?: AuditAction;
}

/** Add an action arising from an audit, or change one: what it is, its owner, when it is due. */
export function AuditActionForm({ audit, action, onDone, onCancel }: Props) {
  const params = { id: audit.id, actionId: action?.id ?? '' };
  const add = useSaveRecord('addAuditAction', refresh, params);
  const edit = useSaveRecord('editAuditAction', refresh, params);
  const form = useRecordForm({
    who: 'this audit’s actions',
    compare: compare(action?.id),
    draftKey: `audit-action:${audit.id}:${action?.id ?? 'new'}`,
    initial: () => valuesOf(action),
    labels,
    record: audit,
    schema: action ? auditActionEditRequestSchema : createAuditActionRequestSchema,
    toRequest: (v, version) => ({ ...v, version }),
    save: action ? edit : add,
    onSaved: (_, request) =>
      onDone(
        action
          ? `Saved the action “${request.description}”.`
          : `Added the action “${request.description}” arising from “${audit.title}”.`,
      ),
  });
  return (
    <RecordFormFrame
      form={form}
      heading={action ? `Change the action: ${action.description}` : `Add an action arising: ${audit.title}`}
      submitLabel={action ? 'Save the action' : 'Add the action'}
      onClose={onCancel}
    >
      <TextAreaField form={form} name="description" label={labels.description} maxLength={300} />
      <div className="record-form__grid">
        <InputField form={form} name="owner" label={labels.owner} hint="The person or post" maxLength={120} />
        <InputField form={form} name="dueDate" type="date" label={labels.dueDate} />
      </div>
    </RecordFormFrame>
  );
}

const changes = {
  close: {
    endpoint: 'closeAuditAction',
    heading: 'Close the action',
    done: 'Closed',
    explain: 'It is marked complete today, and stays in the years it was open in.',
  },
  retire: {
    endpoint: 'retireAuditAction',
    heading: 'Retire the action',
    done: 'Retired',
    explain:
      'It is kept and shown as retired (for an action added by mistake or no longer wanted), and is not carried into later years.',
  },
} as const;

/** Close an action arising (complete, today) or retire it, once confirmed. */
export function ChangeAuditActionForm({
  audit,
  action,
  change,
  onDone,
  onCancel,
}: FormDone & { audit: Audit; action: AuditAction; change: 'close' | 'retire' }) {
  const what = changes[change];
  const form = useRecordForm({
    who: 'this audit’s actions',
    compare: compare(action.id, action),
    draftKey: `audit-action-${change}:${audit.id}:${action.id}`,
    initial: () => ({}),
    labels: { version: 'The audit' },
    record: audit,
    schema: auditActionChangeRequestSchema,
    toRequest: (_, version) => ({ version }),
    save: useSaveRecord(what.endpoint, refresh, { id: audit.id, actionId: action.id }),
    onSaved: () => onDone(`${what.done} the action “${action.description}”.`),
  });
  return (
    <RecordFormFrame
      form={form}
      heading={`${what.heading}: ${action.description}`}
      submitLabel={what.heading}
      onClose={onCancel}
    >
      <p>{what.explain}</p>
    </RecordFormFrame>
  );
}
