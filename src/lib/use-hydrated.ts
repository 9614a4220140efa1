import { useSyncExternalStore } from 'react';

const noSubscription = () => () => undefined;

/**
 * False on the server and while the browser takes over the page the server drew (hydration must
 * draw exactly what the server drew); true from then on. For what only the browser knows: its
 * text metrics, what it keeps in local storage.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}
