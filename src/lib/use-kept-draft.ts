import { useState, type Dispatch, type SetStateAction } from 'react';
import { useHydrated } from './use-hydrated';

/**
 * State that starts from a draft this tab kept (`find` reads it: a form whose save failed because
 * the session ended opens again with what was typed). The drafts are in the browser's session
 * storage, which the server that drew the page cannot see: while the browser takes that page over
 * the state starts empty, as the server drew it (a form drawn open there would be a hydration
 * mismatch, and React would throw the page away and draw it all again), and the draft's form opens
 * in the drawing straight after. A page the browser draws itself opens it at once.
 */
export function useKeptDraft<T>(find: () => T | null): [T | null, Dispatch<SetStateAction<T | null>>] {
  const hydrated = useHydrated();
  const [read, setRead] = useState(hydrated);
  const [state, setState] = useState<T | null>(() => (hydrated ? find() : null));
  if (hydrated && !read) {
    // Once, as the page is taken over: React draws again at once with what is set here.
    setRead(true);
    const kept = find();
    if (kept !== null && state === null) setState(kept);
  }
  return [state, setState];
}
