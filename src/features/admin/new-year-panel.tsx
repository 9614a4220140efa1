import { useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { startYearRequestSchema, type Board, type FinancialYear } from '../../api/contract';
import { actionPlanQueries, boardQueries, qualityAssuranceQueries } from '../../api/queries';
import { RecordFormFrame, type FormDone } from '../../components/form/record-form';
import { SavedNotice } from '../../components/form/saved-notice';
import { useRecordForm } from '../../components/form/use-record-form';
import { useSaveRecord } from '../../components/form/use-save-record';
import { Panel } from '../../components/panel';
import { QueryState } from '../../components/query-state';
import { actionPlanForYear, carriedIntoYear } from '../../lib/carry-over';
import { formatDate, plural } from '../../lib/format';
import { nextReportingYear } from '../../lib/periods';

/** What starting the year carries over, said before it is done: worked out as every page will. */
function CarriedOver({ year }: { year: FinancialYear }) {
  const audits = useQuery(qualityAssuranceQueries.audits());
  return (
    <QueryState query={audits} loadingLabel="Loading what carries over" reportSkipped={false}>
      {(data) => {
        const carried = carriedIntoYear(data.audits, year);
        return (
          <>
            <p>
              {carried.audits.length + carried.actions.length === 0
                ? `Nothing is open: ${year} starts with no audits or actions carried over.`
                : `${plural(carried.audits.length, 'audit')} and ${plural(carried.actions.length, 'action')} arising from audits are still open and carry over into ${year}:`}
            </p>
            {carried.audits.length > 0 ? (
              <ul aria-label={`Audits carried over into ${year}`}>
                {carried.audits.map((a) => (
                  <li key={a.id}>
                    {a.title} (planned {a.plannedQuarter ?? formatDate(a.plannedDate)})
                  </li>
                ))}
              </ul>
            ) : null}
            {carried.actions.length > 0 ? (
              <ul aria-label={`Actions carried over into ${year}`}>
                {carried.actions.map(({ audit, action }) => (
                  <li key={`${audit.id}/${action.id}`}>
                    {action.description} ({action.owner}, due {formatDate(action.dueDate)})
                  </li>
                ))}
              </ul>
            ) : null}
            <p>
              Completed, closed and cancelled work stays in the years it belongs to, and those years show what
              they showed before. Nothing is copied or deleted.
            </p>
            <PlanCarriedOver year={year} />
          </>
        );
      }}
    </QueryState>
  );
}

/** The action plan's side: its open actions go on into the year, the closed stay in theirs. */
function PlanCarriedOver({ year }: { year: FinancialYear }) {
  const plan = useQuery(actionPlanQueries.plan());
  return (
    <QueryState query={plan} loadingLabel="Loading the action plan" reportSkipped={false}>
      {(data) => {
        const { plan: next } = actionPlanForYear(data, year);
        const open = next.priorities.flatMap((p) => p.actions).filter((a) => a.status !== 'complete');
        const closed = data.priorities.flatMap((p) => p.actions).length - open.length;
        return (
          <p>
            The action plan’s {plural(open.length, 'open action')} {open.length === 1 ? 'goes' : 'go'} on into{' '}
            {year}; {plural(closed, 'closed action')} {closed === 1 ? 'stays' : 'stay'} in the{' '}
            {closed === 1 ? 'year it was' : 'years they were'} closed in.
          </p>
        );
      }}
    </QueryState>
  );
}

function StartYearForm({ board, year, onDone, onCancel }: FormDone & { board: Board; year: FinancialYear }) {
  const form = useRecordForm({
    who: 'the board’s settings',
    compare: (theirs: Board) => [
      {
        label: 'Reporting years',
        theirs: theirs.reportingYears.join(', '),
        yours: [...board.reportingYears, year].join(', '),
      },
      { label: 'Year shown first', theirs: theirs.currentYear, yours: year },
    ],
    draftKey: 'admin:new-year',
    initial: () => ({}),
    labels: { year: 'Reporting year' },
    record: board,
    schema: startYearRequestSchema,
    toRequest: (_, version) => ({ year, version }),
    save: useSaveRecord('startReportingYear', boardQueries.detail().queryKey),
    onSaved: (saved) =>
      onDone(`Started ${saved.currentYear}: every page now shows it first, with the open work carried over.`),
  });
  return (
    <RecordFormFrame
      form={form}
      heading={`Start the reporting year ${year}?`}
      submitLabel={`Start ${year}`}
      onClose={onCancel}
    >
      <CarriedOver year={year} />
    </RecordFormFrame>
  );
}

/**
 * The administrator starts the next reporting year: one action, confirmed after being told what
 * carries over, kept in the audit trail.
 */
export function NewYearPanel({ board, onStarted }: { board: Board; onStarted: () => void }) {
  const next = nextReportingYear(board.reportingYears);
  // The year and the board as they were when the confirmation opened: a 409 shows what changed
  // since, and never turns the confirmation into one for another year.
  const [open, setOpen] = useState<{ board: Board; year: FinancialYear } | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  // The button comes back when the confirmation closes: focus returns to it then.
  const refocus = useRef(false);
  const close = (message: string | null) => {
    refocus.current = true;
    setOpen(null);
    setSaved(message);
  };
  return (
    <Panel title="A new reporting year">
      <SavedNotice message={saved} />
      <p>
        The reporting years are {board.reportingYears.join(', ')}; every page shows {board.currentYear} first.
        Starting the next year adds it and shows it first; audits and actions still open carry over into it.
      </p>
      {open ? (
        <StartYearForm
          board={open.board}
          year={open.year}
          onDone={(message) => {
            close(message);
            onStarted();
          }}
          onCancel={() => close(null)}
        />
      ) : next === null ? null : (
        <button
          ref={(button) => {
            if (button && refocus.current) {
              refocus.current = false;
              button.focus();
            }
          }}
          type="button"
          className="button button--secondary"
          onClick={() => {
            setSaved(null);
            setOpen({ board, year: next });
          }}
        >
          Start the reporting year {next}
        </button>
      )}
    </Panel>
  );
}
