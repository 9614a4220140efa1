import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useState, useSyncExternalStore } from 'react';
import { Link, useLocation } from 'react-router';
import { describeError, HttpError, isNotFound } from '../api/errors';
import { boardQueries, sessionQueries } from '../api/queries';
import { TechnicalDetails } from '../components/states';
import { NotSetUpBanner } from '../features/overview/set-up-checklist';
import { signInPath } from '../lib/next-path';
import { readKeptPack, useKeptPack, useMeetingPackStore } from '../stores/meeting-pack-store';

const needsSignIn = (error: unknown) => error instanceof HttpError && error.status === 401;

/** Whether any request on the page was refused for want of a signed-in session. */
function useRefusedForSignIn(): boolean {
  const queryClient = useQueryClient();
  const cache = queryClient.getQueryCache();
  const subscribe = useCallback((onChange: () => void) => cache.subscribe(onChange), [cache]);
  const refused = () => cache.getAll().some((q) => needsSignIn(q.state.error));
  return useSyncExternalStore(subscribe, refused, refused);
}

/**
 * Said once, under the header, whenever a request is refused for want of a sign-in: "your session
 * has ended" if the person was signed in, "you need to sign in" otherwise, with the link to do it
 * and come back to this page. The panels only say they need it.
 */
export function SignInBanner() {
  const refused = useRefusedForSignIn();
  const session = useQuery(sessionQueries.current());
  const location = useLocation();
  if (!refused) return null;
  const ended = session.data != null && needsSignIn(session.error);
  return (
    <div className="banner banner--warning" role="alert">
      <p className="banner__title">{ended ? 'Your session has ended' : 'You need to sign in'}</p>
      <p>
        {ended
          ? 'The dashboard cannot load or save the board’s figures until you sign in again. Anything you were typing is kept. '
          : 'The data service will not show the board’s figures until you sign in. '}
        {session.data === null ? (
          // An API with no sign-in of its own sits behind the council's: loading the page again
          // takes the person through it.
          <Link to={location} reloadDocument>
            Sign in
          </Link>
        ) : (
          <Link to={signInPath(location)}>{ended ? 'Sign in again' : 'Sign in'}</Link>
        )}
      </p>
    </div>
  );
}

/**
 * The board's details (its name, reporting years and the date its figures run to) are what every
 * page stands on. When they cannot be loaded, that is said once, here, with the reason and a
 * retry; pages then show what they can without them and mark what they cannot judge.
 */
export function BoardBanner() {
  const board = useQuery(boardQueries.detail());
  if (!board.isError || needsSignIn(board.error)) return null;
  // A new board (SEED=none) is not an error: it is waiting to be set up.
  if (isNotFound(board.error)) return <NotSetUpBanner />;
  const { title, detail, technical } = describeError(board.error);
  return (
    <div className="banner banner--warning" role="alert">
      <p className="banner__title">The board’s details could not be loaded</p>
      <p>
        {title}. {detail} Until they load, pages show the year named in the address (or the one this browser
        last saw) on its own, and nothing is marked overdue, because the date the board’s figures run to is
        not known.
      </p>
      {technical ? <TechnicalDetails>{technical}</TechnicalDetails> : null}
      <button type="button" className="button button--secondary" onClick={() => void board.refetch()}>
        Try again
      </button>
    </div>
  );
}

/**
 * Who is signed in decides what the page offers (what may be edited, which areas are shown). When
 * the data service cannot say, that is said once, with the reason and a retry, rather than the
 * page quietly offering less. A refusal for want of a sign-in is the sign-in banner's to say.
 */
export function SessionBanner() {
  const session = useQuery(sessionQueries.current());
  if (!session.isError || needsSignIn(session.error)) return null;
  const { title, detail, technical } = describeError(session.error);
  return (
    <div className="banner banner--warning" role="alert">
      <p className="banner__title">Who is signed in could not be checked</p>
      <p>
        {title}. {detail} Until it is known, the dashboard offers nothing that needs a particular role
        (recording progress, returns, administration).
      </p>
      {technical ? <TechnicalDetails>{technical}</TechnicalDetails> : null}
      <button type="button" className="button button--secondary" onClick={() => void session.refetch()}>
        Try again
      </button>
    </div>
  );
}

/**
 * The meeting pack kept in this browser is read with the code that checks it; when that code cannot
 * be loaded, the pack is not shown (nor written over), and that is said here, with a retry.
 */
export function KeptPackBanner() {
  const kept = useKeptPack();
  // The person's own tries that failed. A browser may keep a failure to load code until the page
  // is loaded afresh, so that Try again fails at once and nothing on the page would change.
  const [failedTries, setFailedTries] = useState(0);
  if (kept !== 'unreadable') return null;
  const tryAgain = () =>
    void readKeptPack().then(() => {
      if (useMeetingPackStore.getState().kept === 'unreadable') setFailedTries((n) => n + 1);
    });
  return (
    <div className="banner banner--warning" role="alert">
      <p className="banner__title">The meeting pack kept in this browser could not be read</p>
      <p>
        The code that reads it could not be loaded, so the pack looks empty here, and charts pinned now are
        not saved until it is read. The pack itself is unchanged.
      </p>
      {failedTries > 0 ? (
        <p>
          Tried again {failedTries === 1 ? 'once' : `${failedTries} times`}: it still could not be loaded.
          Reloading the page fetches the dashboard’s code again; charts pinned since the pack could not be
          read are not kept.
        </p>
      ) : null}
      <div className="button-row">
        <button type="button" className="button button--secondary" onClick={tryAgain}>
          Try again
        </button>
        {failedTries > 0 ? (
          <button type="button" className="button button--secondary" onClick={() => window.location.reload()}>
            Reload the page
          </button>
        ) : null}
      </div>
    </div>
  );
}
