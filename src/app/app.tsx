import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { Suspense, type ReactNode } from 'react';
import { BrowserRouter, useLocation, useRoutes } from 'react-router';
import { WidthGuessContext } from '../components/charts/use-width';
import { HydrationState } from '../lib/use-hydrated';
import { routeBranch } from './routes';

export const DEFAULT_WIDTH_GUESS = 640;
/** A phone's chart column: a 390 px screen less the page's and the panel's padding. */
export const PHONE_WIDTH_GUESS = 320;

export function AppRoutes() {
  // The one branch of routes the address matches, worked out once per address (see routeBranch).
  const element = useRoutes(routeBranch(useLocation().pathname));
  // In a boundary of its own, the page the server drew is taken over at low priority and in
  // slices (React hydrates a Suspense boundary so), the browser answering the reader in between,
  // not in one long task. Each route has its own boundary for loading its code.
  return <Suspense fallback={null}>{element}</Suspense>;
}

/** What the browser and the data service's server rendering both put around the routes. */
export function AppProviders({
  queryClient,
  widthGuess = DEFAULT_WIDTH_GUESS,
  hydrating = false,
  children,
}: {
  queryClient: QueryClient;
  /** The width charts are drawn at before they are measured (see WidthGuessContext). */
  widthGuess?: number | undefined;
  /** A page drawn on the server, being drawn (on the server) or taken over (see HydrationState). */
  hydrating?: boolean;
  children: ReactNode;
}) {
  return (
    <QueryClientProvider client={queryClient}>
      <WidthGuessContext value={widthGuess}>
        <HydrationState hydrating={hydrating}>{children}</HydrationState>
      </WidthGuessContext>
    </QueryClientProvider>
  );
}

export function App({
  queryClient,
  widthGuess,
  hydrating = false,
}: {
  queryClient: QueryClient;
  widthGuess?: number | undefined;
  /** Taking over a page the data service drew. */
  hydrating?: boolean;
}) {
  return (
    <AppProviders queryClient={queryClient} widthGuess={widthGuess} hydrating={hydrating}>
      {/* URL changes apply at once, not as a transition: a checkbox or select whose value lives in
          the URL must show its new state on the click itself, not after React restores the old one. */}
      <BrowserRouter useTransitions={false}>
        <AppRoutes />
      </BrowserRouter>
    </AppProviders>
  );
}
