import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { isNotFound } from '../../api/errors';
import { boardQueries } from '../../api/queries';
import { usePermissions } from '../../lib/use-permissions';

/** True when the data service says the board has not been set up yet (a service started with SEED=none). */
export function useBoardNotSetUp(): boolean {
  const board = useQuery(boardQueries.detail());
  return isNotFound(board.error);
}

const steps = [
  {
    to: '/admin/board',
    label: 'Board settings',
    what: 'what it is (a safeguarding children partnership, or a board from before 2019), its name and area, the years it reports, the year shown first and the date its figures run to',
  },
  { to: '/admin/agencies', label: 'Agencies', what: 'the partner agencies that send quarterly returns' },
  { to: '/import', label: 'Import', what: 'the board’s indicators and their figures' },
  { to: '/admin/indicators', label: 'Indicators', what: 'which are headlines, their targets and owners' },
  { to: '/admin/people', label: 'People and roles', what: 'invite the board’s members' },
] as const;

/**
 * What a new board's first visitor sees instead of errors: the steps that set it up, for an
 * administrator, or who does them, for anyone else.
 */
export function SetUpChecklist() {
  const { administer } = usePermissions();
  return (
    <section className="panel set-up-checklist" aria-labelledby="set-up-heading">
      <h2 id="set-up-heading" className="panel__title">
        Set up the board
      </h2>
      {administer ? (
        <>
          <p>This board has not been set up yet. Once its settings are saved, every page uses them.</p>
          <ol>
            {steps.map((step, i) => (
              <li key={step.to}>
                <Link to={step.to}>{step.label}</Link>: {step.what}
                {i === 0 ? ' (first: the other pages need it)' : ''}.
              </li>
            ))}
          </ol>
        </>
      ) : (
        <p>
          This board has not been set up yet. Its administrator sets it up under Administration, Board
          settings; its figures appear here once that is done.
        </p>
      )}
    </section>
  );
}

/** Said once on every page of a board not yet set up, in place of an error. */
export function NotSetUpBanner() {
  const { administer } = usePermissions();
  return (
    <div className="banner" role="status">
      <p className="banner__title">This board has not been set up yet</p>
      <p>
        {administer ? (
          <>
            Start with <Link to="/admin/board">Board settings</Link>; the <Link to="/">overview</Link> lists
            the steps.
          </>
        ) : (
          'Its administrator sets it up under Administration, Board settings.'
        )}
      </p>
    </div>
  );
}
