import type { Audit } from '../../api/contract';
import { RecordButton } from '../../components/form/record-button';
import { StatusTag, type Tone } from '../../components/status-tag';
import { gradeLabels } from '../../lib/board-charts';
import { formatDate } from '../../lib/format';
import { isOverdue } from '../../lib/overdue';
import { financialYearOfDate } from '../../lib/periods';
import { auditStatusLabels } from './audit-labels';
import { hidden, ScrollTable } from '../../components/scroll-table';

const statusTones: Record<Audit['status'], Tone> = {
  planned: 'neutral',
  'in-progress': 'warning',
  completed: 'good',
  cancelled: 'neutral',
};

function gradesText(audit: Audit): string {
  if (!audit.grades) return '–';
  return (Object.keys(gradeLabels) as (keyof typeof gradeLabels)[])
    .filter((k) => (audit.grades?.[k] ?? 0) > 0)
    .map((k) => `${audit.grades?.[k]} ${gradeLabels[k].toLowerCase()}`)
    .join(', ');
}

interface Props {
  audits: readonly Audit[];
  referenceDate: string | null;
  caption: string;
  /** Absent when the person may not record audit progress: no buttons are shown. */
  onRecord?: ((audit: Audit) => void) | undefined;
  /** Absent when the person may not plan audits. */
  onPlan?: ((audit: Audit) => void) | undefined;
  onCancel?: ((audit: Audit) => void) | undefined;
  onAddAction?: ((audit: Audit) => void) | undefined;
  /** The audits carried into the year shown from an earlier one, said so beside their plan. */
  carried?: (audit: Audit) => boolean;
}

export function AuditSchedule({
  audits,
  referenceDate,
  caption,
  onRecord,
  onPlan,
  onCancel,
  onAddAction,
  carried,
}: Props) {
  const anyButton = onRecord ?? onPlan ?? onCancel ?? onAddAction;
  const button = (label: string, audit: Audit, onClick: ((audit: Audit) => void) | undefined) => (
    <RecordButton verb={label} name={`for ${audit.title}`} onClick={onClick && (() => onClick(audit))} />
  );
  return (
    <ScrollTable
      label={caption}
      className="data-table schedule-table"
      caption={<caption>{caption}</caption>}
      columns={[
        'Audit',
        'Agencies',
        'Planned',
        'Status',
        'Cases',
        'Grades',
        ...(anyButton ? [hidden('Actions')] : []),
      ]}
    >
      {audits.map((audit) => {
        const overdue =
          audit.status !== 'cancelled' &&
          isOverdue(audit.plannedDate, audit.status === 'completed', referenceDate);
        return (
          <tr key={audit.id} id={`audit-${audit.id}`}>
            <th scope="row">
              {audit.title}
              <span className="schedule-table__meta">
                {audit.theme} ·{' '}
                {audit.kind === 'multi-agency'
                  ? 'Multi-agency case file audit'
                  : `Single agency: ${audit.leadAgency}`}
              </span>
            </th>
            <td>{audit.agencies.join(', ')}</td>
            <td>
              {audit.plannedQuarter ?? formatDate(audit.plannedDate)}
              {audit.casesToSample ? (
                <span className="schedule-table__meta">{audit.casesToSample} cases to sample</span>
              ) : null}
              {carried?.(audit) ? (
                <span className="schedule-table__meta">
                  Carried over from {financialYearOfDate(audit.plannedDate)}
                </span>
              ) : null}
            </td>
            <td>
              <StatusTag tone={statusTones[audit.status]}>{auditStatusLabels[audit.status]}</StatusTag>
              {overdue ? <StatusTag tone="bad">Overdue</StatusTag> : null}
              {audit.completedDate ? (
                <span className="schedule-table__meta">{formatDate(audit.completedDate)}</span>
              ) : null}
              {audit.cancelledReason ? (
                <span className="schedule-table__meta">Reason: {audit.cancelledReason}</span>
              ) : null}
            </td>
            <td>{audit.casesAudited ?? '–'}</td>
            <td>{gradesText(audit)}</td>
            {anyButton ? (
              <td>
                {audit.status === 'cancelled' ? null : (
                  <>
                    {button('Record progress', audit, onRecord)}
                    {button('Change plan', audit, onPlan)}
                    {audit.status === 'completed' ? null : button('Cancel audit', audit, onCancel)}
                    {button('Add an action arising', audit, onAddAction)}
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
