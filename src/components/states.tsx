import { useEffect, useState, type ReactNode } from 'react';
import { describeError } from '../api/errors';

/** After this long, a panel still loading says it is still waiting, and for what. */
export const STILL_WAITING_MS = 5_000;

/** "Loading the audit programme" becomes "Still waiting for the audit programme…". */
export function stillWaiting(label: string): string {
  const what = label.replace(/^Loading\s+/i, '');
  return `Still waiting for ${what}…`;
}

export function LoadingState({ label }: { label: string }) {
  const [slow, setSlow] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setSlow(true), STILL_WAITING_MS);
    return () => clearTimeout(timer);
  }, []);
  return (
    <div className={`state state--loading${slow ? ' state--slow' : ''}`} role="status">
      <span className="spinner" aria-hidden="true" />
      <span>{slow ? stillWaiting(label) : label}</span>
    </div>
  );
}

const warningIcon = (
  <svg className="state__icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
    <path
      d="M12 2 1 21h22L12 2Zm0 6 .01 0M12 9v5m0 3v.01"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
    />
  </svg>
);

/** Details for the data team, out of the way of everyone else. */
export function TechnicalDetails({ children }: { children: ReactNode }) {
  return (
    <details className="state__technical">
      <summary>Details for the data team</summary>
      <p>{children}</p>
    </details>
  );
}

export function ErrorState({
  error,
  onRetry,
  cannot,
}: {
  error: unknown;
  onRetry: () => void;
  /** What cannot be shown because of it, said first: "The chart and its narrative cannot be written." */
  cannot?: string;
}) {
  const { title, detail, technical, signIn } = describeError(error);
  // The banner at the top says "sign in" once, with the link; each panel only says why it is empty.
  if (signIn) {
    return (
      <div className="state state--error state--sign-in">
        {warningIcon}
        <p className="state__title">Sign in to see this.</p>
      </div>
    );
  }
  return (
    <div className="state state--error" role="alert">
      {warningIcon}
      <div>
        {cannot ? (
          <p className="state__title">
            <span>{cannot}</span> <span>{title}</span>
          </p>
        ) : (
          <p className="state__title">{title}</p>
        )}
        <p className="state__detail">{detail}</p>
        {technical ? <TechnicalDetails>{technical}</TechnicalDetails> : null}
        <button type="button" className="button" onClick={onRetry}>
          Try again
        </button>
      </div>
    </div>
  );
}

export function EmptyState({ children }: { children: ReactNode }) {
  return <div className="state state--empty">{children}</div>;
}

/**
 * In place of a page's panels when no reporting year can be known: the board's details are
 * still loading, or could not be loaded and the address names no year.
 */
export function YearUnknown({ status }: { status: 'loading' | 'unavailable' | 'ready' }) {
  if (status !== 'unavailable') return <LoadingState label="Loading the reporting period" />;
  return (
    <EmptyState>
      The reporting period is not known, so nothing for a year can be shown: the board’s details could not be
      loaded and the address names no year. Try again (above) once the data service answers.
    </EmptyState>
  );
}
