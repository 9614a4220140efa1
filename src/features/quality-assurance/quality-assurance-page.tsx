import { useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import type { Audit } from '../../api/contract';
import { qualityAssuranceQueries } from '../../api/queries';
import { BarFigure } from '../../components/charts/bar-figure';
import { Panel } from '../../components/panel';
import { PinButton } from '../../components/pin-button';
import { QueryState } from '../../components/query-state';
import { SavedNotice } from '../../components/form/saved-notice';
import { YearUnknown } from '../../components/states';
import { StatusTag } from '../../components/status-tag';
import { auditProgressFigure, auditsForYear, gradeSpreadFigure } from '../../lib/board-charts';
import { formatDate } from '../../lib/format';
import { isOverdue } from '../../lib/overdue';
import { draftKeys } from '../../lib/form-drafts';
import { useDocumentTitle } from '../../lib/use-document-title';
import { usePermissions } from '../../lib/use-permissions';
import { useOverdueReference } from '../../lib/use-overdue-reference';
import { useReportingYear } from '../../lib/use-reporting-year';
import { useIllustrative } from '../../lib/use-illustrative';
import { yearLabel } from '../../lib/reporting-range';
import { useReportingRange } from '../../lib/use-reporting-range';
import { IllustrativeNote } from '../../components/illustrative-note';
import { AuditPlanForm, CancelAuditForm } from './audit-plan-form';
import { AuditProgressForm } from './audit-progress-form';
import { AuditSheetLoad } from './audit-sheet-load';
import { AuditSchedule } from './audit-schedule';
import { SeriousCaseReviews } from './serious-case-reviews';

function ActionsArising({
  audits,
  year,
  referenceDate,
}: {
  audits: Audit[];
  year: string;
  referenceDate: string | null;
}) {
  const actions = audits.flatMap((audit) => audit.actionsArising.map((action) => ({ audit, action })));
  return (
    <div className="table-scroll" role="region" aria-label="Actions arising from audits" tabIndex={0}>
      <table className="data-table schedule-table">
        <caption className="visually-hidden">Actions arising from audits, {year}</caption>
        <thead>
          <tr>
            <th scope="col">Action</th>
            <th scope="col">From audit</th>
            <th scope="col">Owner</th>
            <th scope="col">Due</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {actions.map(({ audit, action }) => (
            <tr key={action.id}>
              <th scope="row">{action.description}</th>
              <td>{audit.title}</td>
              <td>{action.owner}</td>
              <td>{formatDate(action.dueDate)}</td>
              <td>
                <StatusTag tone={action.status === 'complete' ? 'good' : 'neutral'}>
                  {action.status === 'complete' ? 'Complete' : 'Open'}
                </StatusTag>
                {isOverdue(action.dueDate, action.status === 'complete', referenceDate) ? (
                  <StatusTag tone="bad">Overdue</StatusTag>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

interface Editing {
  form: 'progress' | 'plan' | 'cancel';
  /** The audit's id, or `new` for an audit being added. */
  id: string;
}

export function QualityAssurancePage() {
  useDocumentTitle('Quality assurance');
  const { year, status } = useReportingYear();
  const range = useReportingRange();
  const illustrative = useIllustrative();
  const overdue = useOverdueReference();
  const audits = useQuery(qualityAssuranceQueries.audits());
  const permissions = usePermissions();
  // A form whose save failed because the session ended opens again with what was typed.
  const [editing, setEditing] = useState<Editing | null>(() => {
    const [key] = [...draftKeys('audit:'), ...draftKeys('audit-plan:'), ...draftKeys('audit-cancel:')];
    if (!key) return null;
    const [form, id] = key.split(':') as [string, string];
    return { form: form === 'audit' ? 'progress' : form === 'audit-plan' ? 'plan' : 'cancel', id };
  });
  const [saved, setSaved] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const returnFocus = useRef<HTMLElement | null>(null);

  const open = (form: Editing['form'], audit?: Audit) => {
    returnFocus.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setSaved(null);
    setEditing({ form, id: audit?.id ?? 'new' });
  };
  const finish = (message: string | null) => {
    setEditing(null);
    setSaved(message);
    returnFocus.current?.focus();
  };
  const formFor = (audit: Audit | undefined) => {
    if (!editing || !year) return null;
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
            <SavedNotice message={saved} />
            <QueryState
              query={audits}
              loadingLabel="Loading the audit schedule"
              items={['audit', 'audits']}
              isEmpty={(data) => auditsForYear(data.audits, year).length === 0}
              empty={
                audits.data?.audits.length === 0
                  ? `No audits yet${permissions.planAudits ? ': add the first.' : '.'}`
                  : `No audits are planned for ${year}.`
              }
            >
              {(data) => (
                <>
                  <IllustrativeNote>
                    The audits, their findings and their actions are invented for the demonstration.
                  </IllustrativeNote>
                  <AuditSchedule
                    audits={auditsForYear(data.audits, year)}
                    referenceDate={overdue.date}
                    caption={`Audit schedule, ${year}`}
                    onRecord={permissions.recordAuditProgress ? (a) => open('progress', a) : undefined}
                    onPlan={permissions.planAudits ? (a) => open('plan', a) : undefined}
                    onCancel={permissions.planAudits ? (a) => open('cancel', a) : undefined}
                  />
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
                >
                  Load from a spreadsheet
                </button>
              </div>
            ) : null}
            {editing?.id === 'new' ? formFor(undefined) : null}
            {loading && audits.data ? (
              <AuditSheetLoad
                audits={audits.data.audits}
                year={year}
                onDone={(message) => {
                  setLoading(false);
                  setSaved(message);
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
            <QueryState
              query={audits}
              loadingLabel="Loading actions arising"
              reportSkipped={false}
              isEmpty={(data) => auditsForYear(data.audits, year).every((a) => a.actionsArising.length === 0)}
              empty="No actions have arisen from this year’s audits yet."
            >
              {(data) => (
                <ActionsArising
                  audits={auditsForYear(data.audits, year)}
                  year={year}
                  referenceDate={overdue.date}
                />
              )}
            </QueryState>
          </Panel>
        </div>
      ) : (
        <YearUnknown status={status} />
      )}
      <SeriousCaseReviews referenceDate={overdue.date} />
    </div>
  );
}
