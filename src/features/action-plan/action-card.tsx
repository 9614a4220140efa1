import type { ReactNode } from 'react';
import { RecordButton } from '../../components/form/record-button';
import type { Action } from '../../api/contract';
import { StatusTag } from '../../components/status-tag';
import { formatDate } from '../../lib/format';
import { actionStatusLabels, actionStatusTones } from './action-labels';

interface Props {
  action: Action;
  overdue: boolean;
  /** The year it was carried over from, into the year shown. */
  carriedFrom?: string | null | undefined;
  /** Absent when the person may not update this action: no button is shown. */
  onUpdate?: (() => void) | undefined;
  /** Change it or move it (editors), close it. */
  onChange?: (() => void) | undefined;
  onClose?: (() => void) | undefined;
  children?: ReactNode;
}

export function ActionCard({ action, overdue, carriedFrom, onUpdate, onChange, onClose, children }: Props) {
  return (
    <li className="action-card" id={`action-${action.id}`}>
      <div className="action-card__head">
        <h4 className="action-card__title">{action.title}</h4>
        <div className="action-card__tags">
          <StatusTag tone={actionStatusTones[action.status]}>{actionStatusLabels[action.status]}</StatusTag>
          {overdue ? <StatusTag tone="bad">Overdue</StatusTag> : null}
        </div>
      </div>
      <p className="action-card__meta">
        Owner: {action.owner} · Due {formatDate(action.dueDate)}
        {carriedFrom ? ` · Carried over from ${carriedFrom}` : null}
        {action.completedDate ? ` · Closed ${formatDate(action.completedDate)}` : null}
      </p>
      {action.section11 ? (
        <p className="action-card__meta">
          Answers Section 11: {action.section11.agencyName}, standard {action.section11.standardCode} (
          {action.section11.standardTitle})
        </p>
      ) : null}
      <p className="action-card__progress">
        <span>{action.progress}% done</span>
        <meter min={0} max={100} value={action.progress} aria-label={`${action.title}: progress`} />
      </p>
      {action.updates.length > 0 ? (
        <details className="action-card__updates">
          <summary>
            {action.updates.length} {action.updates.length === 1 ? 'update' : 'updates'}
            <span className="visually-hidden"> on {action.title}</span>
          </summary>
          <ul>
            {[...action.updates].reverse().map((u) => (
              <li key={u.id}>
                <strong>{formatDate(u.date)}</strong>, {u.author}: {u.note}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      <RecordButton verb="Update" name={action.title} onClick={onUpdate} />
      <RecordButton verb="Change or move" name={action.title} onClick={onChange} />
      <RecordButton verb="Close" name={action.title} onClick={onClose} />
      {children}
    </li>
  );
}
