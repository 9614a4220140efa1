import { createContext, startTransition, use, useEffect, useState, type ReactNode } from 'react';

/** True unless a page drawn on the server is being taken over (see HydrationState). */
const HydratedContext = createContext(true);

/**
 * Whether the browser has taken over the page the server drew, for everything inside: false on
 * the server and while the browser hydrates (`hydrating`), true from then on; true from the start
 * where the browser draws the page itself.
 *
 * The change to true is a transition: what it changes (what the browser keeps, shown) is drawn in
 * slices, the browser answering the reader in between, not in one long task straight after
 * hydration. (Charts keep the server's text metrics: see useChartMeasure.) (A store read with `useSyncExternalStore`, as this was, is
 * always drawn again at once, in one task.)
 */
export function HydrationState({ hydrating, children }: { hydrating: boolean; children: ReactNode }) {
  const [hydrated, setHydrated] = useState(!hydrating);
  useEffect(() => {
    if (!hydrated) startTransition(() => setHydrated(true));
  }, [hydrated]);
  return <HydratedContext value={hydrated}>{children}</HydratedContext>;
}

/**
 * False on the server and while the browser takes over the page the server drew (hydration must
 * draw exactly what the server drew); true from then on. For what only the browser knows: its
 * text metrics, what it keeps in local storage.
 */
export function useHydrated(): boolean {
  return use(HydratedContext);
}

/**
 * Whether this component was first drawn by the server and taken over by the browser: fixed when
 * it mounts (a chart taken over keeps what the server laid it out with; see useSize and
 * useChartMeasure).
 */
export function useDrawnOnServer(): boolean {
  const [drawnOnServer] = useState(!useHydrated());
  return drawnOnServer;
}
