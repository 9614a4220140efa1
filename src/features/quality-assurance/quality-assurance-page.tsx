import { useQuery } from '@tanstack/react-query';
import { lazyForm } from '../../components/form/lazy-form';
import { RecordButton } from '../../components/form/record-button';
import { useRef, useState } from 'react';
import type { Audit, AuditAction } from '../../api/contract';
import { qualityAssuranceQueries } from '../../api/queries';
import { BarFigure } from '../../components/charts/bar-figure';
import { Panel } from '../../components/panel';
import { PinButton } from '../../components/pin-button';
import { QueryState } from '../../components/query-state';
import { ShowMore } from '../../components/show-more';
import type { FormDone } from '../../components/form/record-form';
import { SavedNotice } from '../../components/form/saved-notice';
import { YearUnknown } from '../../components/states';
import { StatusTag } from '../../components/status-tag';
import { auditProgressFigure, gradeSpreadFigure } from '../../lib/board-charts';
import {
  actionsArisingForYear,
  auditCarriedInto,
  auditScheduleForYear,
  type ArisingAction,
} from '../../lib/carry-over';
import { financialYearOfDate } from '../../lib/periods';
import { formatDate } from '../../lib/format';
import { isOverdue } from '../../lib/overdue';
import { draftKeys } from '../../lib/form-drafts';
import { useKeptDraft } from '../../lib/use-kept-draft';
import { useDocumentTitle } from '../../lib/use-document-title';
import { usePermissions } from '../../lib/use-permissions';
import { useOverdueReference } from '../../lib/use-overdue-reference';
import { useReportingYear } from '../../lib/use-reporting-year';
import { useIllustrative } from '../../lib/use-illustrative';
import { yearLabel } from '../../lib/reporting-range';
import { useReportingRange } from '../../lib/use-reporting-range';
import { IllustrativeNote } from '../../components/illustrative-note';
import { AuditSchedule } from './audit-schedule';
import { SeriousCaseReviews } from './serious-case-reviews';
import { hidden, ScrollTable } from '../../components/scroll-table';

// The forms load when one is opened (lazyForm): a page most people only read loads no schemas.
const AuditActionForm = lazyForm(() => import('./audit-action-form'), 'AuditActionForm');
const ChangeAuditActionForm = lazyForm(() => import('./audit-action-form'), 'ChangeAuditActionForm');
const AuditPlanForm = lazyForm(() => import('./audit-plan-form'), 'AuditPlanForm');
const CancelAuditForm = lazyForm(() => import('./audit-plan-form'), 'CancelAuditForm');
const AuditProgressForm = lazyForm(() => import('./audit-progress-form'), 'AuditProgressForm');
const AuditSheetLoad = lazyForm(() => import('./audit-sheet-load'), 'AuditSheetLoad');

type ActionChange = 'action' | 'close-action' | 'retire-action';

const AUDITS = ['audit', 'audits'] as const;
const ACTIONS = ['action arising', 'actions arising'] as const;

function ActionsArising({
  actions,
  year,
  referenceDate,
  onChange,
}: {
  actions: readonly ArisingAction[];
  year: string;
  referenceDate: string | null;
  /** Absent when the person may not change actions arising: no buttons are shown. */
  onChange: ((form: ActionChange, audit: Audit, action: AuditAction) => void) | undefined;
}) {
  const button = (label: string, form: ActionChange, { audit, action }: ArisingAction) => (
    <RecordButton
      verb={label}
      name={`the action ${action.description}`}
      onClick={onChange && (() => onChange(form, audit, action))}
    />
  );
  return (
    <ScrollTable
      label="Actions arising from audits"
      className="data-table schedule-table"
      caption={<caption className="visually-hidden">Actions arising from audits, {year}</caption>}
      columns={['Action', 'From audit', 'Owner', 'Due', 'Status', ...(onChange ? [hidden('Changes')] : [])]}
    >
      {actions.map((row) => {
        const { audit, action, carried } = row;
        const done = action.status === 'complete';
        return (
          <tr key={`${audit.id}/${action.id}`}>
            <th scope="row">
              {action.description}
              {carried ? (
                <span className="schedule-table__meta">
                  Carried over from {financialYearOfDate(audit.plannedDate)}
                </span>
              ) : null}
            </th>
            <td>{audit.title}</td>
            <td>{action.owner}</td>
            <td>{formatDate(action.dueDate)}</td>
            <td>
              {action.retired ? (
                <StatusTag tone="neutral">Retired</StatusTag>
              ) : (
                <StatusTag tone={done ? 'good' : 'neutral'}>{done ? 'Complete' : 'Open'}</StatusTag>
              )}
              {!action.retired && isOverdue(action.dueDate, done, referenceDate) ? (
                <StatusTag tone="bad">Overdue</StatusTag>
              ) : null}
              {action.closedDate ? (
                <span className="schedule-table__meta">Closed {formatDate(action.closedDate)}</span>
              ) : null}
            </td>
            {onChange ? (
              <td>
                {action.retired ? null : (
                  <>
                    {button('Change', 'action', row)}
                    {done ? null : button('Close', 'close-action', row)}
                    {button('Retire', 'retire-action', row)}
                  </>
                )}
              </td>
            ) : null}
          </tr>
        );
      })}
    </ScrollTable>
  );
}

interface Editing {
  form: 'progress' | 'plan' | 'cancel' | ActionChange;
  /** The audit's id, or `new` for an audit being added. */
  id: string;
  /** For a form on an action arising: the action's id, or `new` for one being added. */
  actionId?: string;
}

/** The open form on an action arising: adding one to an audit, changing, closing or retiring one. */
function ActionForm({ audits, editing, ...done }: FormDone & { audits: readonly Audit[]; editing: Editing }) {
  const audit = audits.find((a) => a.id === editing.id);
  if (!audit) return null;
  const key = `${audit.id}/${editing.actionId}`;
  if (editing.actionId === 'new') return <AuditActionForm key={key} audit={audit} {...done} />;
  const action = audit.actionsArising.find((a) => a.id === editing.actionId);
  if (!action) return null;
  if (editing.form === 'action') return <AuditActionForm key={key} audit={audit} action={action} {...done} />;
  const change = editing.form === 'close-action' ? 'close' : 'retire';
  return <ChangeAuditActionForm key={key} audit={audit} action={action} change={change} {...done} />;
}

/** The form a kept draft belongs to (its save failed because the session ended), to open again. */
function draftForm(): Editing | null {
  const [key] = [
    ...draftKeys('audit:'),
    ...draftKeys('audit-plan:'),
    ...draftKeys('audit-cancel:'),
    ...draftKeys('audit-action:'),
  ];
  if (!key) return null;
  const [form, id, actionId] = key.split(':') as [string, string, string | undefined];
  if (form === 'audit-action') return { form: 'action', id, actionId: actionId ?? 'new' };
  return { form: form === 'audit' ? 'progress' : form === 'audit-plan' ? 'plan' : 'cancel', id };
}

export function QualityAssurancePage() {
  useDocumentTitle('Quality assurance');
  const { year, status } = useReportingYear();
  const range = useReportingRange();
  const illustrative = useIllustrative();
  const overdue = useOverdueReference();
  // Only the year's audits: the schedule and the actions arising are worked out from them.
  const audits = useQuery({ ...qualityAssuranceQueries.auditsForYear(year ?? ''), enabled: year !== null });
  const permissions = usePermissions();
  // A form whose save failed because the session ended opens again with what was typed.
  const [editing, setEditing] = useKeptDraft<Editing>(draftForm);
  // What was last saved, said in the panel whose form saved it.
  const [saved, setSaved] = useState<{ message: string; actions: boolean } | null>(null);
  const [loading, setLoading] = useState(false);
  const returnFocus = useRef<HTMLElement | null>(null);

  const open = (form: Editing['form'], audit?: Audit, action?: AuditAction | 'new') => {
    returnFocus.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setSaved(null);
    setEditing({
      form,
      id: audit?.id ?? 'new',
      ...(action ? { actionId: action === 'new' ? 'new' : action.id } : {}),
    });
  };
  const onActions = editing?.actionId !== undefined;
  const finish = (message: string | null) => {
    setEditing(null);
    setSaved(message === null ? null : { message, actions: onActions });
    returnFocus.current?.focus();
  };
  const formFor = (audit: Audit | undefined) => {
    if (!editing || !year) return null;
    if (onActions) return null;
    const props = { onDone: finish, onCancel: () => finish(null) };
    if (editing.form === 'plan' && editing.id === 'new') return <AuditPlanForm year={year} {...props} />;
    if (!audit) return null;
    if (editing.form === 'plan') return <AuditPlanForm key={audit.id} audit={audit} year={year} {...props} />;
    if (editing.form === 'cancel') return <CancelAuditForm key={audit.id} audit={audit} {...props} />;
    return <AuditProgressForm key={audit.id} audit={audit} {...props} />;
  };

  return (
    <div className="page">
      <h1 className="page__title">
        Quality assurance
        {year ? <span className="page__period"> {yearLabel(year, range, 'short')}</span> : null}
      </h1>
      <p className="page__lede">
        The QA committee’s audit programme: multi-agency case file audits and single agency audits, what they
        found, and the actions arising. {overdue.explanation}
      </p>
      {year ? (
        <div className="page-grid">
          <Panel title="Audit programme">
            <QueryState query={audits} loadingLabel="Loading the audit programme" reportSkipped={false}>
              {(data) => {
                const figure = auditProgressFigure(data.audits, year, overdue.date, illustrative);
                return (
                  <BarFigure
                    {...figure}
                    pin={<PinButton item={{ type: 'audit-progress', year }} title={figure.title} />}
                  />
                );
              }}
            </QueryState>
          </Panel>
          <Panel title="What the audits found">
            <QueryState query={audits} loadingLabel="Loading audit grades" reportSkipped={false}>
              {(data) => {
                const figure = gradeSpreadFigure(data.audits, year, overdue.date, illustrative);
                return (
                  <BarFigure
                    {...figure}
                    pin={<PinButton item={{ type: 'audit-grades', year }} title={figure.title} />}
                  />
                );
              }}
            </QueryState>
          </Panel>
          <Panel title="Audit schedule" className="page-grid__wide">
            <SavedNotice message={saved && !saved.actions ? saved.message : null} />
            <QueryState
              query={audits}
              loadingLabel="Loading the audit schedule"
              items={['audit', 'audits']}
              isEmpty={(data) => auditScheduleForYear(data.audits, year).length === 0}
              empty={
                (audits.data?.total ?? audits.data?.audits.length) === 0
                  ? `No audits yet${permissions.planAudits ? ': add the first.' : '.'}`
                  : `No audits are planned for ${year}.`
              }
            >
              {(data) => (
                <>
                  <IllustrativeNote>
                    The audits, their findings and their actions are invented for the demonstration.
                  </IllustrativeNote>
                  <ShowMore key={year} items={auditScheduleForYear(data.audits, year)} noun={AUDITS}>
                    {(shown) => (
                      <AuditSchedule
                        audits={shown}
                        referenceDate={overdue.date}
                        caption={`Audit schedule, ${year}`}
                        carried={(a) => auditCarriedInto(a, year)}
                        onRecord={permissions.recordAuditProgress ? (a) => open('progress', a) : undefined}
                        onPlan={permissions.planAudits ? (a) => open('plan', a) : undefined}
                        onCancel={permissions.planAudits ? (a) => open('cancel', a) : undefined}
                        onAddAction={permissions.planAudits ? (a) => open('action', a, 'new') : undefined}
                      />
                    )}
                  </ShowMore>
                  {editing?.id !== 'new' ? formFor(data.audits.find((a) => a.id === editing?.id)) : null}
                </>
              )}
            </QueryState>
            {permissions.planAudits && editing?.id !== 'new' ? (
              <div className="import-actions">
                <button
                  type="button"
                  className="button button--secondary"
                  onClick={() => {
                    setLoading(false);
                    open('plan');
                  }}
                  {...AuditPlanForm.intent}
                >
                  Add an audit
                </button>
                <button
                  type="button"
                  className="button button--secondary"
                  onClick={() => {
                    returnFocus.current =
                      document.activeElement instanceof HTMLElement ? document.activeElement : null;
                    setSaved(null);
                    setEditing(null);
                    setLoading(true);
                  }}
                  {...AuditSheetLoad.intent}
                >
                  Load from a spreadsheet
                </button>
              </div>
            ) : null}
            {editing?.id === 'new' ? formFor(undefined) : null}
            {loading ? (
              <AuditSheetLoad
                year={year}
                onDone={(message) => {
                  setLoading(false);
                  setSaved({ message, actions: false });
                  returnFocus.current?.focus();
                }}
                onCancel={() => {
                  setLoading(false);
                  returnFocus.current?.focus();
                }}
              />
            ) : null}
          </Panel>
          <Panel title="Actions arising from audits" className="page-grid__wide">
            <SavedNotice message={saved?.actions ? saved.message : null} />
            <QueryState
              query={audits}
              loadingLabel="Loading actions arising"
              reportSkipped={false}
              isEmpty={(data) => actionsArisingForYear(data.audits, year).length === 0}
              empty={`No actions have arisen from this year’s audits yet${permissions.planAudits ? ': add one from an audit in the schedule.' : '.'}`}
            >
              {(data) => (
                <ShowMore key={year} items={actionsArisingForYear(data.audits, year)} noun={ACTIONS}>
                  {(shown) => (
                    <ActionsArising
                      actions={shown}
                      year={year}
                      referenceDate={overdue.date}
                      onChange={
                        permissions.planAudits ? (form, a, action) => open(form, a, action) : undefined
                      }
                    />
                  )}
                </ShowMore>
              )}
            </QueryState>
            {audits.data && editing && onActions ? (
              <ActionForm
                audits={audits.data.audits}
                editing={editing}
                onDone={finish}
                onCancel={() => finish(null)}
              />
            ) : null}
          </Panel>
        </div>
      ) : (
        <YearUnknown status={status} />
      )}
      <SeriousCaseReviews referenceDate={overdue.date} />
    </div>
  );
}
