import type { ReactNode } from 'react';
import { useLocation } from 'react-router';
import { isChunkLoadError } from '../api/errors';
import { ErrorBoundary } from '../components/error-boundary';
import { PageTakenOver } from './page-taken-over';

const RELOADED_KEY = 'lscb-dashboard:reloaded-for-new-version';

/**
 * After a new deployment the old page's chunks are gone, or the connection dropped as one was
 * fetched. Reloading fetches the new version: done once by itself, then left to the person, so a
 * chunk that keeps failing never loops.
 */
function reloadOnce(): boolean {
  try {
    const last = Number(sessionStorage.getItem(RELOADED_KEY) ?? 0);
    if (Date.now() - last < 60_000) return false;
    sessionStorage.setItem(RELOADED_KEY, String(Date.now()));
  } catch {
    return false;
  }
  window.location.reload();
  return true;
}

function PageFailed({ error, retry }: { error: unknown; retry: () => void }) {
  if (isChunkLoadError(error)) {
    const reloading = reloadOnce();
    return (
      <div className="page">
        <div className="state state--error" role="alert">
          <div>
            <p className="state__title">A new version of the dashboard may be available</p>
            <p className="state__detail">
              {reloading
                ? 'Loading it…'
                : 'This page could not be loaded: the dashboard may have been updated since you opened it, or the connection dropped. Reload to get the latest version; nothing you have saved is lost.'}
            </p>
            {reloading ? null : (
              <button type="button" className="button" onClick={() => window.location.reload()}>
                Reload
              </button>
            )}
          </div>
        </div>
      </div>
    );
  }
  return (
    <div className="page">
      <div className="state state--error" role="alert">
        <div>
          <p className="state__title">This page could not be shown</p>
          <p className="state__detail">
            Something went wrong drawing it. Try again; if it keeps happening, tell your data team.
          </p>
          <button type="button" className="button" onClick={retry}>
            Try again
          </button>
        </div>
      </div>
    </div>
  );
}

/** Around each page: a page that fails to load or to draw says so, and the header and navigation stay. */
export function RouteErrorBoundary({ children }: { children: ReactNode }) {
  const { pathname } = useLocation();
  return (
    <ErrorBoundary
      key={pathname}
      fallback={(error, retry) => (
        <>
          <PageFailed error={error} retry={retry} />
          <PageTakenOver />
        </>
      )}
    >
      {children}
    </ErrorBoundary>
  );
}
