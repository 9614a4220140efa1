import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { HttpError } from '../../api/errors';
import { sessionQueries } from '../../api/queries';
import { signInPath } from '../../lib/next-path';

const isSignedOut = (error: unknown) => error instanceof HttpError && error.status === 401;

/**
 * Sends a visitor who is not signed in to the sign-in page (and back here afterwards; the data
 * service redirects such a visitor before the page even loads, so this is the fallback). When a
 * session ends while someone is using the dashboard, it does not whisk them away from what they
 * were doing: the sign-in banner says so once, at the top, with a link to sign in again.
 */
export function SessionGate({ children }: { children: ReactNode }) {
  const session = useQuery(sessionQueries.current());
  const location = useLocation();
  if (isSignedOut(session.error) && session.data === undefined) {
    return <Navigate to={signInPath(location)} replace />;
  }
  return <>{children}</>;
}
